import type { Environments, Projects } from "@stytch-effect/resources"

/** A stored secret: the value is kept only to derive `last_four`. @internal */
export interface StoredSecret {
  readonly secretID: string
  readonly value: string
  readonly createdAt: string
}

/** @internal */
export interface EnvironmentState {
  environment: Environments.Environment
  readonly secrets: Map<string, StoredSecret>
}

/** @internal */
export interface ProjectState {
  project: Projects.Project
  readonly environments: Map<string, EnvironmentState>
}

/** The whole workspace the fake serves. @internal */
export interface Workspace {
  readonly projects: Map<string, ProjectState>
}

/** @internal */
export const emptyWorkspace = (): Workspace => ({ projects: new Map() })

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
