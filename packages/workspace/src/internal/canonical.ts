/**
 * The canonical order of a workspace document, written against the shape of
 * what it orders (the identity keys of its collections and its sets) rather
 * than `Document`'s types: `Document` formats with this module, so this
 * module does not import it (no import cycles). {@link canonical} gives back
 * the document's own type.
 *
 * @internal
 */

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

type Items<A> = ReadonlyArray<A> | undefined

interface Permissioned {
  readonly permissions: ReadonlyArray<{ readonly resourceID: string; readonly actions: ReadonlyArray<string> }>
}

/** What is ordered in a `Document.RBACPolicyConfig`. */
interface RBACPolicyShape {
  readonly stytchMember?: Permissioned | undefined
  readonly stytchAdmin?: Permissioned | undefined
  readonly stytchUser?: Permissioned | undefined
  readonly customRoles?: Items<Permissioned & { readonly roleID: string }>
  readonly customResources?: Items<{ readonly resourceID: string; readonly availableActions: ReadonlyArray<string> }>
  readonly customScopes?: Items<Permissioned & { readonly scope: string }>
}

/** What is ordered in a `Document.EnvironmentConfig`. */
interface EnvironmentShape {
  readonly environmentSlug: string
  readonly type: string
  readonly redirectURLs?: Items<{ readonly url: string; readonly validTypes: ReadonlyArray<{ readonly type: string }> }>
  readonly countryCodeAllowlist?: { readonly sms?: Items<string>; readonly whatsapp?: Items<string> } | undefined
  readonly jwtTemplates?: object | undefined
  readonly trustedTokenProfiles?: Items<{ readonly name: string; readonly pemFiles?: Items<string>; readonly attributeMapping?: unknown }>
  readonly eventLogStreaming?: Items<{ readonly destinationType: string }>
  readonly rbacPolicy?: RBACPolicyShape | undefined
}

/** What is ordered in a `Document.ProjectConfig`. */
interface ProjectShape {
  readonly projectSlug: string
  readonly environments: ReadonlyArray<EnvironmentShape>
  readonly emailTemplates?: Items<{ readonly templateID: string }>
  readonly defaultEmailTemplates?: object | undefined
}

/** What is ordered in a `Document.Document`. */
interface DocumentShape {
  readonly projects: ReadonlyArray<ProjectShape>
}

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

const rbac = (policy: RBACPolicyShape): RBACPolicyShape => {
  const out: Mutable<RBACPolicyShape> = { ...policy }
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
export const environmentOrder = by((e: EnvironmentShape) => `${e.type === "LIVE" ? 0 : 1}${e.environmentSlug}`)

const environment = (env: EnvironmentShape): EnvironmentShape => {
  const out: Mutable<EnvironmentShape> = { ...env }
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
      ...(p.attributeMapping ? { attributeMapping: sortKeys(p.attributeMapping) } : {})
    })).sort(by((p) => p.name))
  }
  if (env.eventLogStreaming) out.eventLogStreaming = [...env.eventLogStreaming].sort(by((s) => s.destinationType))
  if (env.rbacPolicy) out.rbacPolicy = rbac(env.rbacPolicy)
  return out
}

const project = (p: ProjectShape): ProjectShape => {
  const out: Mutable<ProjectShape> = { ...p, environments: p.environments.map(environment).sort(environmentOrder) }
  if (p.emailTemplates) out.emailTemplates = [...p.emailTemplates].sort(by((t) => t.templateID))
  if (p.defaultEmailTemplates) out.defaultEmailTemplates = sortRecord(p.defaultEmailTemplates)
  return out
}

/**
 * A document with every set in a stable order (by identity key) and codes
 * normalised, so equal configurations are equal values and format equally.
 * The result is the same document, its collections reordered: of the type
 * it was given (a `Document.Document`).
 *
 * @internal
 */
export const canonical = <D extends DocumentShape>(doc: D): D => ({
  ...doc,
  projects: doc.projects.map(project).sort(by((p) => p.projectSlug))
})
