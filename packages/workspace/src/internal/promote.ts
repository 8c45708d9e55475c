import * as Effect from "effect/Effect"
import type * as Document from "../Document.js"
import type * as Plan from "../Plan.js"
import { ConflictError } from "./errors.js"

const familyKeys: Partial<Record<Plan.Family, keyof Document.EnvironmentConfig>> = {
  redirectURLs: "redirectURLs",
  countryCodeAllowlist: "countryCodeAllowlist",
  passwordStrengthConfig: "passwordStrengthConfig",
  sdkConfig: "sdkConfig",
  jwtTemplates: "jwtTemplates",
  trustedTokenProfiles: "trustedTokenProfiles",
  eventLogStreaming: "eventLogStreaming",
  rbacPolicy: "rbacPolicy"
}

/** A URL with its host replaced per `mapHosts` (exact host match). @internal */
export const mapHost = (url: string, mapHosts: Readonly<Record<string, string>>): string => {
  try {
    const parsed = new URL(url)
    const to = mapHosts[parsed.host] ?? mapHosts[parsed.hostname]
    if (to === undefined) return url
    const scheme = url.slice(0, url.indexOf("//") + 2)
    const rest = url.slice(scheme.length)
    const host = rest.slice(0, rest.search(/[/?#]|$/))
    return `${scheme}${to}${rest.slice(host.length)}`
  } catch {
    return url
  }
}

/**
 * The document `actual` becomes when environment `to` takes environment
 * `from`'s configuration for the given families.
 *
 * @internal
 */
export const promoteDocument = (
  actual: Document.Document,
  options: {
    readonly projectSlug: string
    readonly from: string
    readonly to: string
    readonly mapHosts?: Readonly<Record<string, string>> | undefined
    readonly families: ReadonlyArray<Plan.Family>
  }
): Effect.Effect<Document.Document, ConflictError> => {
  const project = actual.projects.find((p) => p.projectSlug === options.projectSlug)
  const from = project?.environments.find((e) => e.environmentSlug === options.from)
  const to = project?.environments.find((e) => e.environmentSlug === options.to)
  if (project === undefined || from === undefined || to === undefined) {
    const missing = from === undefined ? options.from : options.to
    return Effect.fail(new ConflictError({ reason: "UnknownEnvironment", message: `project ${options.projectSlug} has no environment ${missing}` }))
  }
  const promoted: Record<string, unknown> = { ...to }
  for (const family of options.families) {
    const key = familyKeys[family]
    if (key === undefined) continue
    promoted[key] = from[key]
  }
  if (options.families.includes("redirectURLs") && from.redirectURLs !== undefined) {
    promoted.redirectURLs = from.redirectURLs.map((u) => ({ ...u, url: mapHost(u.url, options.mapHosts ?? {}) }))
  }
  const environments = project.environments.map((e) =>
    e.environmentSlug === options.to ? promoted as unknown as Document.EnvironmentConfig : e
  )
  return Effect.succeed({
    ...actual,
    projects: actual.projects.map((p) => p.projectSlug === options.projectSlug ? { ...p, environments } : p)
  })
}
