import { RedirectURLs } from "@stytch-effect/resources"
import { badRequest, notFound } from "../errors.js"
import { type EnvironmentState, slot } from "../state.js"
import { environmentOf, type Handlers } from "./common.js"

/** A stored redirect URL: its types in order, each with its default flag. */
interface StoredURL {
  readonly url: string
  types: Map<RedirectURLs.RedirectURLType, boolean>
}

/** Where a new TEST environment's redirects go, for every type, until the user adds their own. */
const DEFAULT_TEST_URL = "http://localhost:3000/authenticate"

/**
 * An environment's redirect URLs, in creation order. A TEST environment
 * starts with one URL, the default of every type of its vertical; a LIVE
 * environment starts with none.
 */
const urlsOf = slot((environment: EnvironmentState) => {
  const urls = new Map<string, StoredURL>()
  if (environment.environment.type === "TEST") {
    const types: Array<RedirectURLs.RedirectURLType> = ["LOGIN", "SIGNUP", "INVITE", "RESET_PASSWORD"]
    if (environment.project.project.vertical === "B2B") types.push("DISCOVERY")
    urls.set(DEFAULT_TEST_URL, { url: DEFAULT_TEST_URL, types: new Map(types.map((t) => [t, true])) })
  }
  return urls
})

const urlOf = (environment: EnvironmentState, url: string): StoredURL => {
  const stored = urlsOf(environment).get(url)
  if (stored === undefined) throw notFound("redirect url", url)
  return stored
}

const toModel = (stored: StoredURL) =>
  new RedirectURLs.RedirectURL({
    url: stored.url,
    validTypes: Array.from(stored.types, ([type, isDefault]) => ({ type, isDefault }))
  })

/**
 * The requested types, checked: each needs a `type`, `DISCOVERY` is refused in a
 * Consumer project; a type listed twice is a default if any entry says so.
 */
const requestedTypes = (
  environment: EnvironmentState,
  validTypes: ReadonlyArray<RedirectURLs.URLType> | undefined
) => {
  const types = new Map<RedirectURLs.RedirectURLType, boolean>()
  for (const { isDefault, type } of validTypes ?? []) {
    if (type === undefined) throw badRequest("invalid_redirect_url_type", "Every valid type needs a type.")
    if (type === "DISCOVERY" && environment.project.project.vertical === "CONSUMER") {
      throw badRequest("invalid_redirect_url_type", "DISCOVERY redirect URLs do not exist in Consumer projects.")
    }
    types.set(type, (types.get(type) ?? false) || isDefault)
  }
  return types
}

const checkURL = (url: string) => {
  try {
    new URL(url)
  } catch {
    throw badRequest("invalid_redirect_url", "The redirect URL is not a valid absolute URL.")
  }
}

/** Makes `owner` the only default of `type`. */
const makeDefault = (environment: EnvironmentState, owner: StoredURL, type: RedirectURLs.RedirectURLType) => {
  for (const other of urlsOf(environment).values()) {
    if (other !== owner && other.types.get(type) === true) other.types.set(type, false)
  }
  owner.types.set(type, true)
}

/**
 * Gives each of `types` that no URL is the default of a default: `preferred`
 * if it is valid for it, else the oldest URL valid for it.
 */
const promote = (
  environment: EnvironmentState,
  types: Iterable<RedirectURLs.RedirectURLType>,
  preferred: StoredURL | undefined
) => {
  const urls = Array.from(urlsOf(environment).values())
  for (const type of types) {
    if (urls.some((u) => u.types.get(type) === true)) continue
    const next = preferred?.types.has(type) ? preferred : urls.find((u) => u.types.has(type))
    next?.types.set(type, true)
  }
}

/**
 * The fake's redirect URLs. Decisions (docs/decisions.md): a URL is matched
 * exactly as sent; create merges types (a type's default flag is only ever
 * raised by create); update replaces the types; a type left without a default
 * gets one (the URL just created, else the oldest URL valid for it) unless
 * `do_not_promote_defaults`.
 *
 * @internal
 */
export const redirectURLs: Handlers<typeof RedirectURLs> = {
  create: (request, { workspace }) => {
    const state = environmentOf(workspace, request)
    checkURL(request.url)
    const types = requestedTypes(state, request.validTypes)
    const urls = urlsOf(state)
    let stored = urls.get(request.url)
    if (stored === undefined) {
      stored = { url: request.url, types: new Map() }
      urls.set(request.url, stored)
    }
    for (const [type, isDefault] of types) {
      if (isDefault) makeDefault(state, stored, type)
      else if (!stored.types.has(type)) stored.types.set(type, false)
    }
    if (request.doNotPromoteDefaults !== true) promote(state, types.keys(), stored)
    return { redirectURL: toModel(stored) }
  },
  get: (request, { workspace }) => ({ redirectURL: toModel(urlOf(environmentOf(workspace, request), request.url)) }),
  getAll: (request, { workspace }) => ({
    redirectURLs: Array.from(urlsOf(environmentOf(workspace, request)).values(), toModel)
  }),
  update: (request, { workspace }) => {
    const state = environmentOf(workspace, request)
    const stored = urlOf(state, request.url)
    const types = requestedTypes(state, request.validTypes)
    const touched = new Set([...stored.types.keys(), ...types.keys()])
    stored.types = new Map(Array.from(types.keys(), (type) => [type, false]))
    for (const [type, isDefault] of types) if (isDefault) makeDefault(state, stored, type)
    if (request.doNotPromoteDefaults !== true) promote(state, touched, undefined)
    return { redirectURL: toModel(stored) }
  },
  delete: (request, { workspace }) => {
    const state = environmentOf(workspace, request)
    const stored = urlOf(state, request.url)
    urlsOf(state).delete(request.url)
    const defaults = Array.from(stored.types).filter(([, isDefault]) => isDefault).map(([type]) => type)
    if (request.doNotPromoteDefaults !== true) promote(state, defaults, undefined)
    return {}
  }
}
