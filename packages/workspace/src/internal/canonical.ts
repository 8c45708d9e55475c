import type * as Document from "../Document.js"

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

const by = <A>(key: (a: A) => string) => (x: A, y: A): number => {
  const a = key(x)
  const b = key(y)
  return a < b ? -1 : a > b ? 1 : 0
}

/** Sorted copy of a set of strings (duplicates dropped). @internal */
export const sortedSet = (items: ReadonlyArray<string>): ReadonlyArray<string> => Array.from(new Set(items)).sort()

/** A copy of a JSON value with every object's keys sorted (for free-form values). @internal */
export const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]))
  }
  return value
}

const sortRecord = <R extends object>(record: R): R =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined).sort(by(([k]) => k))) as R

interface Permissioned {
  readonly permissions: ReadonlyArray<{ readonly resourceID: string; readonly actions: ReadonlyArray<string> }>
}
const permissions = <R extends Permissioned>(role: R): R => ({
  ...role,
  permissions: role.permissions.map((p) => ({ ...p, actions: sortedSet(p.actions) })).sort(by((p) => p.resourceID))
})

const rbac = (policy: Document.RBACPolicyConfig): Document.RBACPolicyConfig => {
  const out: Mutable<Document.RBACPolicyConfig> = { ...policy }
  if (policy.stytchMember) out.stytchMember = permissions(policy.stytchMember)
  if (policy.stytchAdmin) out.stytchAdmin = permissions(policy.stytchAdmin)
  if (policy.stytchUser) out.stytchUser = permissions(policy.stytchUser)
  if (policy.customRoles) out.customRoles = policy.customRoles.map(permissions).sort(by((r) => r.roleID))
  if (policy.customResources) {
    out.customResources = policy.customResources
      .map((r) => ({ ...r, availableActions: sortedSet(r.availableActions) }))
      .sort(by((r) => r.resourceID))
  }
  if (policy.customScopes) out.customScopes = policy.customScopes.map(permissions).sort(by((s) => s.scope))
  return out
}

/** An environment's LIVE-first, then slug, order. @internal */
export const environmentOrder = by((e: Document.EnvironmentConfig) => `${e.type === "LIVE" ? 0 : 1}${e.environmentSlug}`)

const environment = (env: Document.EnvironmentConfig): Document.EnvironmentConfig => {
  const out: Mutable<Document.EnvironmentConfig> = { ...env }
  if (env.redirectURLs) {
    out.redirectURLs = env.redirectURLs
      .map((r) => ({ ...r, validTypes: [...r.validTypes].sort(by((t) => t.type)) }))
      .sort(by((r) => r.url))
  }
  if (env.countryCodeAllowlist) {
    const { sms, whatsapp } = env.countryCodeAllowlist
    out.countryCodeAllowlist = {
      ...(sms ? { sms: sortedSet(sms.map((c) => c.toUpperCase())) } : {}),
      ...(whatsapp ? { whatsapp: sortedSet(whatsapp.map((c) => c.toUpperCase())) } : {})
    }
  }
  if (env.jwtTemplates) out.jwtTemplates = sortRecord(env.jwtTemplates)
  if (env.trustedTokenProfiles) {
    out.trustedTokenProfiles = env.trustedTokenProfiles.map((p) => ({
      ...p,
      ...(p.pemFiles ? { pemFiles: sortedSet(p.pemFiles) } : {}),
      ...(p.attributeMapping ? { attributeMapping: sortKeys(p.attributeMapping) as Record<string, unknown> } : {})
    })).sort(by((p) => p.name))
  }
  if (env.eventLogStreaming) out.eventLogStreaming = [...env.eventLogStreaming].sort(by((s) => s.destinationType))
  if (env.rbacPolicy) out.rbacPolicy = rbac(env.rbacPolicy)
  return out
}

const project = (p: Document.ProjectConfig): Document.ProjectConfig => {
  const out: Mutable<Document.ProjectConfig> = { ...p, environments: p.environments.map(environment).sort(environmentOrder) }
  if (p.emailTemplates) out.emailTemplates = [...p.emailTemplates].sort(by((t) => t.templateID))
  if (p.defaultEmailTemplates) out.defaultEmailTemplates = sortRecord(p.defaultEmailTemplates)
  return out
}

/**
 * A document with every set in a stable order (by identity key) and codes
 * normalised, so equal configurations are equal values and format equally.
 *
 * @internal
 */
export const canonical = (doc: Document.Document): Document.Document => ({
  ...(doc.$schema === undefined ? {} : { $schema: doc.$schema }),
  version: doc.version,
  projects: doc.projects.map(project).sort(by((p) => p.projectSlug))
})
