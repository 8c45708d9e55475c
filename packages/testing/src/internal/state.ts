import type { Environments, Projects } from "@stytch-effect/resources"

/** State owned by one resource's handlers, kept on a project or an environment. @internal */
export interface HasSlots {
  readonly slots: Map<symbol, unknown>
}

/** @internal */
export interface EnvironmentState extends HasSlots {
  environment: Environments.Environment
  readonly project: ProjectState
}

/**
 * What Stytch (not the API) sets up for a project, which some API rules
 * depend on: DFPPA enabled for it, custom domains (CNAMEs) configured, a
 * verified sending domain. A new real project has none of them.
 *
 * @internal
 */
export interface ProjectFeatures {
  readonly dfppa: boolean
  readonly customDomains: boolean
  readonly verifiedSendingDomain: boolean
}

/** A new real project's features: none. @internal */
export const noFeatures: ProjectFeatures = { dfppa: false, customDomains: false, verifiedSendingDomain: false }

/** @internal */
export interface ProjectState extends HasSlots {
  project: Projects.Project
  features: ProjectFeatures
  readonly environments: Map<string, EnvironmentState>
}

/** The whole workspace the fake serves. @internal */
export interface Workspace {
  readonly projects: Map<string, ProjectState>
  /** The features a project created through the API starts with. */
  readonly defaultFeatures: ProjectFeatures
}

/** @internal */
export const emptyWorkspace = (defaultFeatures: ProjectFeatures = noFeatures): Workspace => ({
  projects: new Map(),
  defaultFeatures
})

/**
 * A piece of state that one resource's handlers keep on each project or
 * environment, created on first use by `init` (so a resource's defaults —
 * e.g. a new environment's allowlists — live in its own handler file).
 *
 * ```ts
 * const secretsOf = slot((_: EnvironmentState) => new Map<string, StoredSecret>())
 * secretsOf(environment).set(id, secret)
 * ```
 *
 * @internal
 */
export const slot = <Owner extends HasSlots, S>(init: (owner: Owner) => S): (owner: Owner) => S => {
  const key = Symbol()
  return (owner) => {
    if (owner.slots.has(key)) return owner.slots.get(key) as S
    const value = init(owner)
    owner.slots.set(key, value)
    return value
  }
}

/** @internal */
export const randomToken = (bytes: number): string => {
  const buffer = new Uint8Array(bytes)
  crypto.getRandomValues(buffer)
  return Array.from(buffer, (b) => b.toString(16).padStart(2, "0")).join("")
}

/** @internal */
export const slugify = (name: string): string =>
  name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40)

/** `base` with every defined value of `changes` written over it (a partial update). @internal */
export const merge = <A extends object>(base: A, changes: { readonly [K in keyof A]?: A[K] | undefined }): A => {
  const out: A = { ...base }
  for (const key of Object.keys(changes) as Array<keyof A>) {
    const value = changes[key]
    if (value !== undefined) out[key] = value as A[keyof A]
  }
  return out
}
