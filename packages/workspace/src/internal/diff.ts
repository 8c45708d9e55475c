import type * as Document from "../Document.js"
import { environmentSettingNames } from "../Document.js"
import type * as Plan from "../Plan.js"
import { canonical } from "./canonical.js"

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value)

/**
 * Whether `actual` already is what `desired` asks for: a field the desired
 * value leaves out is not compared (the server's value is accepted), arrays
 * (already in canonical order) are compared item by item.
 *
 * @internal
 */
export const covers = (desired: unknown, actual: unknown): boolean => {
  if (desired === undefined) return true
  if (Array.isArray(desired)) {
    return Array.isArray(actual) && actual.length === desired.length && desired.every((d, i) => covers(d, actual[i]))
  }
  if (isObject(desired)) {
    const a = isObject(actual) ? actual : {}
    if (!isObject(actual) && Object.keys(desired).length > 0) return false
    return Object.keys(desired).every((k) => covers(desired[k], a[k]))
  }
  return desired === actual
}

const join = (path: string, key: string) => path === "" ? key : `${path}.${key}`

/** The field-level changes that make `actual` covered by `desired`. @internal */
export const changesOf = (desired: unknown, actual: unknown, path = ""): Array<Plan.Change> => {
  if (covers(desired, actual)) return []
  if (isObject(desired) && actual === undefined) return leaves(desired, "after", path)
  if (isObject(desired) && isObject(actual)) {
    return Object.keys(desired).flatMap((k) => changesOf(desired[k], actual[k], join(path, k)))
  }
  return [{ path, ...(actual === undefined ? {} : { before: actual }), after: desired }]
}

/** Every leaf of a value as a change from nothing (a create) or to nothing (a delete). @internal */
export const leaves = (value: unknown, side: "before" | "after", path = ""): Array<Plan.Change> => {
  if (isObject(value)) return Object.keys(value).flatMap((k) => leaves(value[k], side, join(path, k)))
  if (value === undefined) return []
  return [{ path, [side]: value }]
}

/** `desired` written over `actual`, recursively for objects (what a full replace must send). @internal */
export const merge = (actual: unknown, desired: unknown): unknown => {
  if (desired === undefined) return actual
  if (isObject(desired) && isObject(actual)) {
    const out: Record<string, unknown> = { ...actual }
    for (const k of Object.keys(desired)) out[k] = merge(actual[k], desired[k])
    return out
  }
  return desired
}

/** An event-log-streaming config without its secret references (they are never compared). @internal */
export const withoutSecrets = (config: Document.EventLogStreamingConfig | undefined): unknown => {
  if (config === undefined) return undefined
  const { datadog, grafanaLoki } = config.destinationConfig
  return {
    ...config,
    destinationConfig: {
      ...(datadog ? { datadog: { ...datadog, apiKey: undefined } } : {}),
      ...(grafanaLoki ? { grafanaLoki: { ...grafanaLoki, password: undefined } } : {})
    }
  }
}

const pick = (value: object, keys: ReadonlyArray<string>): Record<string, unknown> =>
  Object.fromEntries(
    keys.map((k) => [k, (value as Record<string, unknown>)[k]] as const).filter(([, v]) => v !== undefined)
  )

/** An environment's own fields (no resources): what `Environments.create`/`update` take. @internal */
export const environmentFields = (env: Document.EnvironmentConfig): Record<string, unknown> =>
  pick(env, ["environmentSlug", "name", "type", ...environmentSettingNames])

interface Builder {
  readonly prune: boolean
  readonly actions: Array<Plan.Action>
  readonly deletes: Array<Plan.Action>
}

type Scope = { readonly project: string; readonly environment?: string }

const action = (
  scope: Scope,
  op: Plan.Op,
  family: Plan.Family,
  key: string,
  changes: ReadonlyArray<Plan.Change>,
  desired?: unknown,
  current?: unknown
): Plan.Action => ({
  op,
  family,
  project: scope.project,
  ...(scope.environment === undefined ? {} : { environment: scope.environment }),
  key,
  changes,
  ...(desired === undefined ? {} : { desired }),
  ...(current === undefined ? {} : { current })
})

/** Plans a keyed collection: create missing, update differing, delete extra (prune only). */
const collection = <A>(
  b: Builder,
  scope: Scope,
  family: Plan.Family,
  desired: ReadonlyArray<A> | undefined,
  actual: ReadonlyArray<A> | undefined,
  key: (a: A) => string,
  comparable: (a: A | undefined) => unknown = (a) => a
) => {
  if (desired === undefined) return
  const current = new Map((actual ?? []).map((a) => [key(a), a]))
  for (const d of desired) {
    const a = current.get(key(d))
    if (a === undefined) {
      b.actions.push(action(scope, "create", family, key(d), leaves(comparable(d), "after"), d))
    } else {
      const changes = changesOf(comparable(d), comparable(a))
      if (changes.length > 0) b.actions.push(action(scope, "update", family, key(d), changes, merge(a, d), a))
    }
  }
  if (!b.prune) return
  const wanted = new Set(desired.map(key))
  for (const a of actual ?? []) {
    if (!wanted.has(key(a))) b.deletes.push(action(scope, "delete", family, key(a), leaves(comparable(a), "before"), undefined, a))
  }
}

/** Plans a singleton (a value that always exists): `set` when it differs. */
const singleton = (b: Builder, scope: Scope, family: Plan.Family, key: string, desired: unknown, actual: unknown) => {
  if (desired === undefined) return
  const changes = changesOf(desired, actual)
  if (changes.length > 0) b.actions.push(action(scope, "set", family, key, changes, merge(actual, desired), actual))
}

const count = (
  b: Builder,
  scope: Scope,
  family: "publicTokens" | "secrets",
  desired: Document.Count | undefined,
  actual: Document.Count | undefined
) => {
  if (desired === undefined) return
  const have = actual?.atLeast ?? 0
  const change = [{ path: "count", before: have, after: desired.atLeast }]
  if (have < desired.atLeast) b.actions.push(action(scope, "create", family, "", change, desired, actual))
  else if (b.prune && have > desired.atLeast) b.deletes.push(action(scope, "delete", family, "", change, desired, actual))
}

const environmentResources = (
  b: Builder,
  scope: Scope,
  d: Document.EnvironmentConfig,
  a: Document.EnvironmentConfig | undefined
) => {
  collection(b, scope, "redirectURLs", d.redirectURLs, a?.redirectURLs, (u) => u.url)
  count(b, scope, "publicTokens", d.publicTokens, a?.publicTokens)
  count(b, scope, "secrets", d.secrets, a?.secrets)
  for (const method of ["sms", "whatsapp"] as const) {
    singleton(b, scope, "countryCodeAllowlist", method, d.countryCodeAllowlist?.[method], a?.countryCodeAllowlist?.[method])
  }
  singleton(b, scope, "passwordStrengthConfig", "", d.passwordStrengthConfig, a?.passwordStrengthConfig)
  for (const vertical of ["consumer", "b2b"] as const) {
    singleton(b, scope, "sdkConfig", vertical, d.sdkConfig?.[vertical], a?.sdkConfig?.[vertical])
  }
  for (const type of ["SESSION", "M2M"] as const) {
    singleton(b, scope, "jwtTemplates", type, d.jwtTemplates?.[type], a?.jwtTemplates?.[type])
    const current = a?.jwtTemplates?.[type]
    if (b.prune && d.jwtTemplates !== undefined && d.jwtTemplates[type] === undefined && current !== undefined) {
      b.deletes.push(action(scope, "delete", "jwtTemplates", type, leaves(current, "before"), undefined, current))
    }
  }
  collection(b, scope, "trustedTokenProfiles", d.trustedTokenProfiles, a?.trustedTokenProfiles, (p) => p.name)
  collection(
    b,
    scope,
    "eventLogStreaming",
    d.eventLogStreaming,
    a?.eventLogStreaming,
    (s) => s.destinationType,
    withoutSecrets
  )
  singleton(b, scope, "rbacPolicy", "", d.rbacPolicy, a?.rbacPolicy)
}

const project = (b: Builder, d: Document.ProjectConfig, a: Document.ProjectConfig | undefined) => {
  const scope: Scope = { project: d.projectSlug }
  const own = { projectSlug: d.projectSlug, name: d.name, vertical: d.vertical }
  if (a === undefined) {
    b.actions.push(action(scope, "create", "project", d.projectSlug, leaves(own, "after"), own))
  } else {
    const changes = changesOf({ name: d.name, vertical: d.vertical }, { name: a.name, vertical: a.vertical })
    if (changes.length > 0) b.actions.push(action(scope, "update", "project", d.projectSlug, changes, own, a))
  }
  collection(b, scope, "emailTemplates", d.emailTemplates, a?.emailTemplates, (t) => t.templateID)
  if (d.defaultEmailTemplates !== undefined) {
    const current = a?.defaultEmailTemplates ?? {}
    for (const [type, templateID] of Object.entries(d.defaultEmailTemplates)) {
      const before = current[type as keyof typeof current]
      if (templateID !== undefined && templateID !== before) {
        b.actions.push(action(scope, "set", "defaultEmailTemplates", type, [{ path: "templateID", ...(before === undefined ? {} : { before }), after: templateID }], templateID, before))
      }
    }
    if (b.prune) {
      for (const [type, templateID] of Object.entries(current)) {
        if (type !== "PREBUILT" && templateID !== undefined && d.defaultEmailTemplates[type as keyof typeof current] === undefined) {
          b.deletes.push(action(scope, "delete", "defaultEmailTemplates", type, [{ path: "templateID", before: templateID }], undefined, templateID))
        }
      }
    }
  }
  for (const env of d.environments) {
    const current = a?.environments.find((e) => e.environmentSlug === env.environmentSlug)
    const envScope: Scope = { project: d.projectSlug, environment: env.environmentSlug }
    const fields = environmentFields(env)
    if (current === undefined) {
      b.actions.push(action(envScope, "create", "environment", env.environmentSlug, leaves(fields, "after"), fields))
    } else {
      const changes = changesOf(fields, environmentFields(current))
      if (changes.length > 0) {
        b.actions.push(action(envScope, "update", "environment", env.environmentSlug, changes, fields, environmentFields(current)))
      }
    }
    environmentResources(b, envScope, env, current)
  }
  if (b.prune) {
    for (const env of a?.environments ?? []) {
      if (env.type !== "LIVE" && !d.environments.some((e) => e.environmentSlug === env.environmentSlug)) {
        const envScope: Scope = { project: d.projectSlug, environment: env.environmentSlug }
        const fields = environmentFields(env)
        b.deletes.push(action(envScope, "delete", "environment", env.environmentSlug, leaves(fields, "before"), undefined, fields))
      }
    }
  }
}

/**
 * When an action may run: every action of a level finishes before the next
 * level starts (project, LIVE environment, TEST environments, resources and
 * templates, defaults; then deletes: defaults, resources, environments).
 *
 * @internal
 */
export const level = (a: Plan.Action): number => {
  if (a.op === "delete") return a.family === "defaultEmailTemplates" ? 5 : a.family === "environment" ? 7 : 6
  if (a.family === "project") return 0
  if (a.family === "environment") return (a.desired as { type?: string } | undefined)?.type === "LIVE" ? 1 : 2
  if (a.family === "defaultEmailTemplates") return 4
  return 3
}

/**
 * The plan from `actual` to `desired`: creates, updates and sets in
 * dependency order, then deletes (only with `prune`) in reverse order.
 *
 * @internal
 */
export const diff = (
  desired: Document.Document,
  actual: Document.Document,
  options: { readonly prune?: boolean | undefined } = {}
): Plan.Plan => {
  const d = canonical(desired)
  const a = canonical(actual)
  const b: Builder = { prune: options.prune === true, actions: [], deletes: [] }
  for (const p of d.projects) project(b, p, a.projects.find((x) => x.projectSlug === p.projectSlug))
  const deletes = b.deletes.map((a, i) => [level(a), i, a] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1])
  return { actions: [...b.actions, ...deletes.map(([, , a]) => a)] }
}
