import type { Endpoint, StytchError, StytchManagement } from "@stytch-effect/core"
import * as Cause from "effect/Cause"
import * as ConfigError from "effect/ConfigError"
import type * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as SchemaAST from "effect/SchemaAST"
import { ClientError, ManagementStytchError, RequestError } from "../Errors.js"
import { AuthError } from "../OAuth.js"
import { containsRedacted, type Unredacted, unredact } from "./unredact.js"

export type { Unredacted } from "./unredact.js"

/**
 * What the facade needs of a resource module of `@stytch-effect/resources`:
 * its endpoint definitions, next to an operation of the same name for each.
 *
 * @internal
 */
export interface ResourceModule {
  readonly endpoints: Readonly<Record<string, Endpoint.Any>>
}

/**
 * Per-call options, the optional second argument of every method.
 *
 * ```ts
 * const controller = new AbortController()
 * await client.projects.get({ projectSlug }, { signal: controller.signal, timeout: 2000, maxRetries: 0 })
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestOptions {
  /**
   * Aborts the call: it rejects at once with a `ClientError` `ABORTED` (the
   * signal's `reason` as its `cause`) and the request in flight is aborted
   * (its connection closed). An already aborted signal sends nothing.
   */
  readonly signal?: AbortSignal | undefined
  /** The per-attempt timeout of this call, in milliseconds. */
  readonly timeout?: number | undefined
  /** An overall bound on this call (every attempt and every wait), in milliseconds. */
  readonly deadline?: number | undefined
  /** Retries of this call; `0` for none. */
  readonly maxRetries?: number | undefined
  /** Extra headers for this call, over the client's (no CR, LF, NUL; not `authorization`, `host`, framing headers). */
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/** The names of {@link RequestOptions}: each is a field of no request. @internal */
export const optionNames: ReadonlyArray<keyof RequestOptions> = ["signal", "timeout", "deadline", "maxRetries", "headers"]

/**
 * A per-call option a JavaScript caller put in the request (`getAll({ signal })`,
 * `get({ projectSlug, timeout: 500 })`), where it would be silently dropped:
 * the rejection names the second argument. `undefined` when there is none.
 */
const misplacedOption = (label: string, fields: ReadonlySet<string>, request: unknown): ClientError | undefined => {
  if (typeof request !== "object" || request === null) return undefined
  for (const name of optionNames) {
    if (Object.hasOwn(request, name) && !fields.has(name)) {
      return new ClientError(
        "INVALID_REQUEST",
        `${name}: not a field of the ${label} request; per-call options are the second argument: ${label}(request, { ${name} })`
      )
    }
  }
  return undefined
}

/**
 * One operation as a promise-returning function: same request, same
 * response, except that secrets (`Redacted<string>` in the Effect API) are
 * plain strings ({@link Unredacted}), as the official SDK returns them; plus
 * optional {@link RequestOptions}. An operation without a request takes
 * `undefined` (or `{}`) first.
 *
 * @internal
 */
export type PromiseOperation<F> = F extends (...args: infer Args) => Effect.Effect<infer A, infer _E, infer _R>
  ? Args extends readonly [infer Request]
    ? (request: Request, options?: RequestOptions) => Promise<Unredacted<A>>
    : (request?: Record<string, never> | undefined, options?: RequestOptions) => Promise<Unredacted<A>>
  : never

/**
 * Every operation of a resource module, as promise-returning functions.
 *
 * @internal
 */
export type PromiseResource<M extends ResourceModule> = {
  readonly [K in keyof M["endpoints"] & keyof M]: PromiseOperation<M[K]>
}

/**
 * Runs `operation(request)` and settles with its value (passed through
 * `map` when given: the facade's plain-string rule) or a compat error.
 *
 * @internal
 */
export type Run<R = StytchManagement.StytchManagement> = <I, A, B = A>(
  operation: (request: I) => Effect.Effect<A, unknown, R>,
  request: I,
  options: RequestOptions | undefined,
  map?: (value: A) => B
) => Promise<B>

/**
 * The one generic adapter of the facade: each operation of a resource module
 * (one per endpoint definition) becomes a promise-returning function run by
 * `run`. Nothing here knows any endpoint. Where an endpoint's response
 * schema holds a `Redacted` (decided once, here), the response is mapped to
 * plain strings; other responses are returned as decoded.
 *
 * @internal
 */
export const promisify = <M extends ResourceModule, R>(module: M, run: Run<R>): PromiseResource<M> => {
  const resource: Record<string, (request: unknown, options: unknown) => Promise<unknown>> = {}
  for (const name of Object.keys(module.endpoints)) {
    const operation = (module as unknown as Record<string, unknown>)[name]
    if (typeof operation !== "function") {
      throw new Error(`@stytch-effect/compat: the resource module has no operation named "${name}"`)
    }
    const endpoint = module.endpoints[name]!
    const call = (endpoint.request === undefined ? () => operation() : operation) as (
      request: unknown
    ) => Effect.Effect<unknown, unknown, R>
    const label = `${endpoint.group}.${endpoint.name}`
    const fields = new Set(
      endpoint.request === undefined
        ? []
        : SchemaAST.getPropertySignatures(SchemaAST.typeAST(endpoint.request.ast)).map((p) => String(p.name))
    )
    const map = containsRedacted(endpoint.response.ast) ? unredact : undefined
    resource[name] = (request, options) => {
      const misplaced = misplacedOption(label, fields, request)
      return misplaced === undefined
        ? run(call, request, options as RequestOptions | undefined, map)
        : Promise.reject(misplaced)
    }
  }
  return Object.freeze(resource) as unknown as PromiseResource<M>
}

/**
 * Maps a typed failure of an operation (or of the client's layer) to the
 * compat error class a promise caller catches.
 *
 * @internal
 */
export const fromFailure = (error: unknown): Error => {
  if (Predicate.isTagged(error, "StytchApiError")) {
    return new ManagementStytchError(error as StytchError.StytchApiError)
  }
  if (Predicate.isTagged(error, "TransportError")) {
    return new RequestError(error as StytchError.TransportError)
  }
  if (Predicate.isTagged(error, "UnexpectedResponseError")) {
    const e = error as StytchError.UnexpectedResponseError
    return new ClientError("UNEXPECTED_RESPONSE", e.message, {
      cause: e,
      status_code: e.statusCode,
      request_id: e.requestID
    })
  }
  if (Predicate.isTagged(error, "InvalidRequestError")) {
    const e = error as StytchError.InvalidRequestError
    const code = e.kind === "MissingPathParameter"
      ? "MISSING_PATH_PARAMETER"
      : e.kind === "InvalidPathParameter"
      ? "INVALID_PATH_PARAMETER"
      : "INVALID_REQUEST"
    return new ClientError(code, e.message, { cause: e, field: e.field })
  }
  if (Predicate.isTagged(error, "AuthError")) return new AuthError(error as never)
  if (ConfigError.isConfigError(error)) {
    return new ClientError("INVALID_CONFIG", `invalid client configuration: ${String(error)}`, { cause: error })
  }
  return new ClientError("UNEXPECTED_ERROR", "the client's layer failed", { cause: error })
}

/**
 * The error a failed run rejects with: the typed failure mapped by
 * `failureOf` (default: {@link fromFailure}), a `ClientError` for an
 * interruption, or the defect itself (a bug is rethrown as is).
 *
 * @internal
 */
export const fromCause = (cause: Cause.Cause<unknown>, failureOf: (error: unknown) => Error = fromFailure): unknown => {
  const failure = Cause.failureOption(cause)
  if (Option.isSome(failure)) return failureOf(failure.value)
  if (Cause.isInterruptedOnly(cause)) return new ClientError("INTERRUPTED", "the operation was interrupted")
  // OAuth's auth failures travel as defects (core's OAuth.layer keeps the operations' error types).
  const defect = Cause.dieOption(cause)
  if (Option.isSome(defect) && Predicate.isTagged(defect.value, "AuthError")) return fromFailure(defect.value)
  return Cause.squash(cause)
}
