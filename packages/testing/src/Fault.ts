/**
 * Faults the fake can inject, to test retries, timeouts and error handling
 * without a real outage. Inject with `FakeManagementApi.inject`.
 *
 * @since 0.1.0
 */
import type * as Duration from "effect/Duration"

/**
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
 * @since 0.1.0
 * @category constructors
 */
export const malformed = (status = 200): Fault => ({ _tag: "Malformed", status })

/**
 * @since 0.1.0
 * @category constructors
 */
export const latency = (delay: Duration.DurationInput): Fault => ({ _tag: "Latency", delay })

/**
 * @since 0.1.0
 * @category constructors
 */
export const disconnect: Fault = { _tag: "Disconnect" }

/**
 * @since 0.1.0
 * @category constructors
 */
export const connectionRefused: Fault = { _tag: "ConnectionRefused" }

/**
 * @since 0.1.0
 * @category constructors
 */
export const rewrite = (f: (body: Record<string, unknown>) => unknown): Fault => ({ _tag: "Rewrite", rewrite: f })
