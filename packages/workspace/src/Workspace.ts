/**
 * Workspace as code: export projects into a document, plan the difference to
 * a desired document, apply a plan safely, promote an environment's
 * configuration to another, and check for drift. No state file: the API is
 * the state, and resources are matched by natural keys.
 *
 * @since 0.1.0
 */
import type { StytchError, StytchManagement } from "@stytch-effect/core"
import * as Config from "effect/Config"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import type * as Document from "./Document.js"
import { execute, referencesOf, type ResolvedSecrets } from "./internal/apply.js"
import { diff, level } from "./internal/diff.js"
import { ConflictError, SecretReferenceError } from "./internal/errors.js"
import { exportDocument } from "./internal/export.js"
import { promoteDocument } from "./internal/promote.js"
import type * as Plan from "./Plan.js"

export {
  /**
   * An action the live state does not allow as planned; its `reason`: a
   * resource the plan names is gone (`Stale`), a replace-only key changed
   * (`ReplaceOnly`, a project's vertical), the API did not apply a value
   * (`NotApplied`, an unverified sender domain) or promote named an unknown
   * environment (`UnknownEnvironment`).
   *
   * @since 0.1.0
   * @category errors
   */
  ConflictError,
  /**
   * Secret references (`{ fromEnv: "NAME" }`) whose environment variables
   * are not set. `apply` checks every reference before its first write.
   *
   * @since 0.1.0
   * @category errors
   */
  SecretReferenceError
}

/**
 * What a failed action failed with: an operation's typed error, or a
 * {@link ConflictError}.
 *
 * @since 0.1.0
 * @category errors
 */
export type ActionError = StytchError.StytchError | ConflictError

/**
 * The default bound on requests in flight (export) and actions running at
 * once (apply).
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_CONCURRENCY = 8

const exportProjects = (
  projectSlugs: string | ReadonlyArray<string>,
  options: { readonly concurrency?: number | undefined } = {}
): Effect.Effect<Document.Document, StytchError.StytchError, StytchManagement.StytchManagement> =>
  exportDocument(typeof projectSlugs === "string" ? [projectSlugs] : projectSlugs, {
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    missing: "fail"
  }).pipe(Effect.withSpan("stytch.workspace.export"))

export {
  /**
   * Reads the whole configuration of one or more projects into a document,
   * with at most `concurrency` requests in flight (default
   * {@link DEFAULT_CONCURRENCY}). The document is canonical (stable order),
   * holds no secret value and no server-set field. An unknown project fails
   * with the API's `StytchApiError` (404).
   *
   * @example
   * ```ts
   * import { Effect } from "effect"
   * import { Document, Workspace } from "@stytch-effect/workspace"
   *
   * const program = Workspace.export("my-project").pipe(Effect.map((doc) => Document.format(doc, "yaml")))
   * ```
   *
   * @since 0.1.0
   * @category export
   */
  exportProjects as export
}

/**
 * The plan that turns `actual` into `desired` (pure). Resources are matched
 * by natural keys; fields the desired document leaves out keep the server's
 * value and are not drift; sets compare order-free. Anything of `actual`
 * absent from `desired` is deleted only with `prune`. Projects not named in
 * `desired` are left alone.
 *
 * @since 0.1.0
 * @category plan
 */
export const plan = (
  desired: Document.Document,
  actual: Document.Document,
  options: { readonly prune?: boolean | undefined } = {}
): Plan.Plan => diff(desired, actual, options)

/**
 * Plans `desired` against the live workspace: exports the projects the
 * document names (a project that does not exist yet counts as absent, so the
 * plan creates it) and plans. An empty plan means no drift.
 *
 * @since 0.1.0
 * @category plan
 */
export const drift = (
  desired: Document.Document,
  options: { readonly prune?: boolean | undefined; readonly concurrency?: number | undefined } = {}
): Effect.Effect<Plan.Plan, StytchError.StytchError, StytchManagement.StytchManagement> =>
  exportDocument(desired.projects.map((p) => p.projectSlug), {
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    missing: "absent"
  }).pipe(
    Effect.map((actual) => diff(desired, actual, options)),
    Effect.withSpan("stytch.workspace.drift")
  )

/**
 * An apply's progress: an action `started`, is `done`, or `failed`;
 * `completed` counts finished actions (done or failed) out of `total`.
 *
 * @since 0.1.0
 * @category apply
 */
export interface Progress {
  readonly kind: "started" | "done" | "failed"
  readonly action: Plan.Action
  readonly completed: number
  readonly total: number
}

/**
 * The outcome of an apply: the actions `done`, those that `failed` (with the
 * typed error), and those `notStarted` because an earlier one failed. An
 * apply that stopped early is finished by planning and applying again.
 *
 * @since 0.1.0
 * @category apply
 */
export interface ApplyReport {
  readonly done: ReadonlyArray<Plan.Action>
  readonly failed: ReadonlyArray<{ readonly action: Plan.Action; readonly error: ActionError }>
  readonly notStarted: ReadonlyArray<Plan.Action>
}

/**
 * Whether an apply did everything its plan asked.
 *
 * @since 0.1.0
 * @category apply
 */
export const succeeded = (report: ApplyReport): boolean => report.failed.length === 0 && report.notStarted.length === 0

const resolveSecrets = (
  actions: ReadonlyArray<Plan.Action>
): Effect.Effect<ResolvedSecrets, SecretReferenceError> =>
  Effect.gen(function*() {
    const names = Array.from(new Set(actions.flatMap(referencesOf))).sort()
    const resolved = new Map<string, Redacted.Redacted<string>>()
    const missing: Array<string> = []
    for (const name of names) {
      const value = yield* Effect.either(Config.redacted(name))
      if (Either.isRight(value) && Redacted.value(value.right) !== "") resolved.set(name, value.right)
      else missing.push(name)
    }
    if (missing.length > 0) return yield* Effect.fail(new SecretReferenceError({ names: missing }))
    return resolved
  })

/**
 * Executes a plan through the normal operations (retries, spans, timeouts and
 * typed errors all apply), in dependency order: project, LIVE environment,
 * TEST environments, their resources and the email templates, then default
 * templates, then deletes (defaults, resources, environments). Within a step
 * at most `concurrency` actions run at once (default
 * {@link DEFAULT_CONCURRENCY}).
 *
 * Secret references are resolved (from the environment, through Effect's
 * `ConfigProvider`) before the first write; a missing one fails with
 * {@link SecretReferenceError} and nothing is written. On an action's failure
 * no new action starts, running ones finish, and the report says what was
 * done, what failed (with its typed error) and what was not started. Planning
 * and applying again converges: creates are planned only for what the live
 * state still lacks.
 *
 * @since 0.1.0
 * @category apply
 */
export const apply = (
  plan: Plan.Plan,
  options: {
    readonly concurrency?: number | undefined
    readonly onProgress?: ((event: Progress) => void) | undefined
  } = {}
): Effect.Effect<ApplyReport, SecretReferenceError, StytchManagement.StytchManagement> =>
  Effect.gen(function*() {
    const secrets = yield* resolveSecrets(plan.actions)
    const total = plan.actions.length
    const done: Array<Plan.Action> = []
    const failed: Array<{ action: Plan.Action; error: ActionError }> = []
    const notStarted: Array<Plan.Action> = []
    const report = (kind: Progress["kind"], action: Plan.Action) =>
      options.onProgress?.({ kind, action, completed: done.length + failed.length, total })
    const levels = new Map<number, Array<Plan.Action>>()
    for (const action of plan.actions) {
      const l = level(action)
      levels.set(l, [...(levels.get(l) ?? []), action])
    }
    for (const l of Array.from(levels.keys()).sort((a, b) => a - b)) {
      yield* Effect.forEach(levels.get(l)!, (action) =>
        Effect.suspend(() => {
          if (failed.length > 0) {
            notStarted.push(action)
            return Effect.void
          }
          report("started", action)
          return execute(action, secrets).pipe(
            Effect.withSpan("stytch.workspace.action", {
              attributes: { op: action.op, family: action.family, project: action.project, key: action.key }
            }),
            Effect.matchEffect({
              onFailure: (error) =>
                Effect.sync(() => {
                  failed.push({ action, error })
                  report("failed", action)
                }),
              onSuccess: () =>
                Effect.sync(() => {
                  done.push(action)
                  report("done", action)
                })
            })
          )
        }), { concurrency: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY), discard: true })
    }
    return { done, failed, notStarted }
  }).pipe(Effect.withSpan("stytch.workspace.apply"))

/**
 * The environment-level families `promote` copies by default.
 *
 * @since 0.1.0
 * @category promote
 */
export const promotableFamilies: ReadonlyArray<Plan.Family> = [
  "redirectURLs",
  "countryCodeAllowlist",
  "passwordStrengthConfig",
  "sdkConfig",
  "jwtTemplates",
  "trustedTokenProfiles",
  "eventLogStreaming",
  "rbacPolicy"
]

/**
 * Plans copying one environment's configuration onto another of the same
 * project (e.g. TEST → LIVE): the families of {@link promotableFamilies}
 * (narrowed by `only`, minus `skip`), with redirect URLs' hosts rewritten by
 * `mapHosts` (`{ "staging.example.com": "example.com" }`). Returns the plan;
 * apply it with {@link apply}. `prune` also plans deleting what the target
 * has and the source does not.
 *
 * @since 0.1.0
 * @category promote
 */
export const promote = (options: {
  readonly projectSlug: string
  readonly from: string
  readonly to: string
  readonly mapHosts?: Readonly<Record<string, string>> | undefined
  readonly only?: ReadonlyArray<Plan.Family> | undefined
  readonly skip?: ReadonlyArray<Plan.Family> | undefined
  readonly prune?: boolean | undefined
  readonly concurrency?: number | undefined
}): Effect.Effect<Plan.Plan, StytchError.StytchError | ConflictError, StytchManagement.StytchManagement> =>
  exportProjects(options.projectSlug, { concurrency: options.concurrency }).pipe(
    Effect.flatMap((actual) => {
      const families = (options.only ?? promotableFamilies).filter((f) => !(options.skip ?? []).includes(f))
      return Effect.map(
        promoteDocument(actual, { ...options, families }),
        (desired) => diff(desired, actual, { prune: options.prune })
      )
    }),
    Effect.withSpan("stytch.workspace.promote")
  )
