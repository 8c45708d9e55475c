/**
 * The promise API of the workspace tools, for plain Node code:
 * `new WorkspaceClient({ workspace_key_id, workspace_key_secret })`, then
 * `await client.export("my-project")`, `client.drift(doc)`, `client.apply(plan)`.
 * Promises reject with the same typed errors as the Effect API.
 *
 * @since 0.1.0
 */
import { Credentials, StytchManagement } from "@stytch-effect/core"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import type * as Redacted from "effect/Redacted"
import type * as Document from "./Document.js"
import type * as Plan from "./Plan.js"
import * as Workspace from "./Workspace.js"

/**
 * How a {@link WorkspaceClient} reaches the API: a workspace key
 * (`workspace_key_id` + `workspace_key_secret`) or an `access_token`, and an
 * optional `base_url`; with neither, the `STYTCH_WORKSPACE_KEY_ID` /
 * `_SECRET` (or `STYTCH_ACCESS_TOKEN`) and `STYTCH_MANAGEMENT_BASE_URL`
 * environment variables. `layer` replaces all of it with a ready
 * `StytchManagement` layer (e.g. `FakeManagementApi.layer()` in tests).
 *
 * @since 0.1.0
 * @category models
 */
export interface WorkspaceClientConfig {
  readonly workspace_key_id?: string | undefined
  readonly workspace_key_secret?: string | Redacted.Redacted<string> | undefined
  readonly access_token?: string | Redacted.Redacted<string> | undefined
  readonly base_url?: string | undefined
  readonly layer?: Layer.Layer<StytchManagement.StytchManagement, unknown> | undefined
}

const layerOf = (config: WorkspaceClientConfig): Layer.Layer<StytchManagement.StytchManagement, unknown> => {
  if (config.layer !== undefined) return config.layer
  const baseURL = config.base_url === undefined ? {} : { baseURL: config.base_url }
  if (config.workspace_key_id !== undefined || config.workspace_key_secret !== undefined) {
    if (config.workspace_key_id === undefined || config.workspace_key_secret === undefined) {
      throw new TypeError("WorkspaceClient: pass both workspace_key_id and workspace_key_secret")
    }
    return StytchManagement.layer({
      credentials: Credentials.workspaceKey(config.workspace_key_id, config.workspace_key_secret),
      ...baseURL
    })
  }
  if (config.access_token !== undefined) {
    return StytchManagement.layer({ credentials: Credentials.accessToken(config.access_token), ...baseURL })
  }
  if (config.base_url === undefined) return StytchManagement.layerConfig()
  // Credentials from the environment, the explicit base_url over STYTCH_MANAGEMENT_BASE_URL (as ManagementClient does).
  return Layer.unwrapEffect(
    Effect.map(StytchManagement.config, (options) => StytchManagement.layer({ ...options, ...baseURL }))
  )
}

/** Each client's runtime (kept off the instance, so the class shows only its API). */
const runtimes = new WeakMap<WorkspaceClient, ManagedRuntime.ManagedRuntime<StytchManagement.StytchManagement, unknown>>()

/** Runs an effect; a failure rejects with the typed error itself (not a wrapper). */
const runWith = async <A, E>(
  client: WorkspaceClient,
  effect: Effect.Effect<A, E, StytchManagement.StytchManagement>
): Promise<A> => {
  const exit = await runtimes.get(client)!.runPromiseExit(effect)
  if (Exit.isSuccess(exit)) return exit.value
  throw Cause.squash(exit.cause)
}

/**
 * Export, plan, apply, promote and drift as promises. One client keeps one
 * runtime (and its connection pool); `close()` releases it.
 *
 * @example
 * ```ts
 * import { Plan, WorkspaceClient } from "@stytch-effect/workspace"
 *
 * const client = new WorkspaceClient({ workspace_key_id: "workspace-key-prod-…", workspace_key_secret: "…" })
 *
 * // CI: fails when the live project drifted from what it exports into the document.
 * export const checkDrift = async (projectSlug: string) => {
 *   const doc = await client.export(projectSlug)
 *   const plan = await client.drift(doc)
 *   if (!Plan.isEmpty(plan)) throw new Error(Plan.render(plan, { color: false }))
 * }
 * ```
 *
 * @since 0.1.0
 * @category clients
 */
export class WorkspaceClient {
  constructor(config: WorkspaceClientConfig = {}) {
    runtimes.set(this, ManagedRuntime.make(layerOf(config)))
  }

  /**
   * `Workspace.export`: the projects' configuration as a document.
   *
   * @since 0.1.0
   */
  export(
    projectSlugs: string | ReadonlyArray<string>,
    options?: { readonly concurrency?: number | undefined }
  ): Promise<Document.Document> {
    return runWith(this, Workspace.export(projectSlugs, options))
  }

  /**
   * `Workspace.plan` (pure; no request).
   *
   * @since 0.1.0
   */
  plan(
    desired: Document.Document,
    actual: Document.Document,
    options?: { readonly prune?: boolean | undefined }
  ): Promise<Plan.Plan> {
    return Promise.resolve(Workspace.plan(desired, actual, options))
  }

  /**
   * `Workspace.apply`: resolves with the report (failed actions inside it);
   * rejects only with a `SecretReferenceError`, before any write.
   *
   * @since 0.1.0
   */
  apply(
    plan: Plan.Plan,
    options?: {
      readonly concurrency?: number | undefined
      readonly onProgress?: ((event: Workspace.Progress) => void) | undefined
    }
  ): Promise<Workspace.ApplyReport> {
    return runWith(this, Workspace.apply(plan, options))
  }

  /**
   * `Workspace.promote`: the plan copying one environment onto another.
   *
   * @since 0.1.0
   */
  promote(options: Parameters<typeof Workspace.promote>[0]): Promise<Plan.Plan> {
    return runWith(this, Workspace.promote(options))
  }

  /**
   * `Workspace.drift`: the plan from the live projects to the document.
   *
   * @since 0.1.0
   */
  drift(
    desired: Document.Document,
    options?: { readonly prune?: boolean | undefined; readonly concurrency?: number | undefined }
  ): Promise<Plan.Plan> {
    return runWith(this, Workspace.drift(desired, options))
  }

  /**
   * Releases the client's runtime.
   *
   * @since 0.1.0
   */
  close(): Promise<void> {
    return runtimes.get(this)!.dispose()
  }
}
