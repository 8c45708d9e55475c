/**
 * Faults the fake can inject, to test retries, timeouts and error handling
 * without a real outage. Inject with `FakeManagementApi.inject`.
 *
 * @since 0.1.0
 */
import type * as Duration from "effect/Duration"

/**
 * A fault the fake injects instead of (or around) its normal answer: an error
 * status, a malformed body, latency, a dropped or refused connection, or a
 * rewritten success body. Build one with the constructors of this module.
 *
 * @since 0.1.0
 * @category models
 */
export type Fault =
  /** Answer with this status and a Stytch error body (and `Retry-After`, if set). */
  | {
    readonly _tag: "Status"
    readonly status: number
    readonly errorType: string
    readonly retryAfter: string | undefined
  }
  /** Answer with a body that is not JSON. */
  | { readonly _tag: "Malformed"; readonly status: number }
  /** Wait before serving the request normally. */
  | { readonly _tag: "Latency"; readonly delay: Duration.DurationInput }
  /** Drop the connection without answering. */
  | { readonly _tag: "Disconnect" }
  /** Refuse the connection (the server never saw the request). */
  | { readonly _tag: "ConnectionRefused" }
  /** Serve the request, then rewrite the JSON body of a success response. */
  | { readonly _tag: "Rewrite"; readonly rewrite: (body: Record<string, unknown>) => unknown }

/**
 * Answers with `status` and a Stytch error body of type `errorType` (default:
 * `too_many_requests` for 429, `internal_server_error` for 5xx, `bad_request`
 * otherwise), with a `Retry-After` header when `retryAfter` is given.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Projects } from "@stytch-effect/resources"
 * import { FakeManagementApi, Fault } from "@stytch-effect/testing"
 *
 * const program = Effect.gen(function* () {
 *   const fake = yield* FakeManagementApi.FakeManagementApi
 *   yield* fake.inject(Fault.status(503, { retryAfter: 1 }), { times: 1 }) // the retry succeeds
 *   return yield* Projects.getAll()
 * }).pipe(Effect.provide(FakeManagementApi.layer()))
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const status = (
  status: number,
  options: { readonly errorType?: string; readonly retryAfter?: number | string } = {}
): Fault => ({
  _tag: "Status",
  status,
  errorType: options.errorType ?? (status === 429 ? "too_many_requests" : status >= 500 ? "internal_server_error" : "bad_request"),
  retryAfter: options.retryAfter === undefined ? undefined : String(options.retryAfter)
})

/**
 * Answers with `status` (default 200) and an HTML body instead of JSON: the
 * client fails with `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const malformed = (status = 200): Fault => ({ _tag: "Malformed", status })

/**
 * Waits `delay` (with `Effect.sleep`, so a `TestClock` controls it) before
 * answering normally: for timeouts and deadlines.
 *
 * @since 0.1.0
 * @category constructors
 */
export const latency = (delay: Duration.DurationInput): Fault => ({ _tag: "Latency", delay })

/**
 * Drops the connection without answering (`ECONNRESET`): the client sees a
 * `TransportError`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const disconnect: Fault = { _tag: "Disconnect" }

/**
 * Refuses the connection, as a server that is down would: the client sees a
 * `TransportError` `ConnectionRefused` (retried even for a POST).
 *
 * @since 0.1.0
 * @category constructors
 */
export const connectionRefused: Fault = { _tag: "ConnectionRefused" }

/**
 * Serves the request normally, then replaces the JSON body of its success
 * response with `f(body)`: for responses the real API might send (a new
 * enum value, a missing field).
 *
 * @since 0.1.0
 * @category constructors
 */
export const rewrite = (f: (body: Record<string, unknown>) => unknown): Fault => ({ _tag: "Rewrite", rewrite: f })
