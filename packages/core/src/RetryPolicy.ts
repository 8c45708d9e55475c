/**
 * When a failed request is tried again, and after how long.
 *
 * The policy is a service with a default value, so programs get retries
 * without providing anything; swap it with {@link layer} or turn retries off
 * with {@link none}.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Random from "effect/Random"
import type { ResponseError } from "./StytchError.js"

/**
 * What the policy is asked after a failed attempt.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryInput {
  readonly method: string
  /** 1 for the first retry, 2 for the second, … */
  readonly attempt: number
  readonly error: ResponseError
  /** The server's `Retry-After`, when it sent one. */
  readonly retryAfter: Option.Option<Duration.Duration>
  /**
   * The call's own retry limit (`StytchManagement.withRequestOptions`, the
   * facade's per-call `maxRetries`), when it has one. The standard policy
   * uses it instead of its own `maxRetries`; the transport never retries
   * past it, whatever the policy says.
   */
  readonly maxRetries?: number | undefined
}

/**
 * Decides whether to retry (`Some(delay)`) or give up (`None`).
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryPolicy {
  readonly decide: (input: RetryInput) => Effect.Effect<Option.Option<Duration.Duration>>
}

/**
 * Options of the default policy ({@link make}, {@link layer}): how many
 * retries, the first backoff delay and the cap on any delay (backoff or
 * `Retry-After`).
 *
 * @since 0.1.0
 * @category options
 */
export interface Options {
  /** Retries after the first attempt. Default 2. */
  readonly maxRetries?: number
  /** Delay before the first retry; doubled for each later one. Default 500 ms. */
  readonly initialDelay?: Duration.DurationInput
  /** Upper bound for a backoff delay and for an honoured `Retry-After`. Default 60 s. */
  readonly maxDelay?: Duration.DurationInput
}

const idempotent = new Set(["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"])

/**
 * Whether an error may be retried for a method, whatever the attempt.
 *
 * Idempotent methods are retried on transport failures, 408, 429 and 5xx.
 * A POST is retried only where the server cannot have acted on it: a refused
 * connection or a 429, so a retry never creates a duplicate.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isRetryable = (method: string, error: ResponseError): boolean => {
  if (error._tag === "TransportError") {
    return error.reason === "ConnectionRefused" || idempotent.has(method)
  }
  const status = error.statusCode
  if (status === 429) return true
  return idempotent.has(method) && (status === 408 || status >= 500)
}

/**
 * The standard policy: up to `maxRetries` retries of retryable errors, with
 * exponential backoff and jitter (between half and all of the nominal
 * delay), or exactly the server's `Retry-After` (capped at `maxDelay`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): RetryPolicy => {
  const maxRetries = options.maxRetries ?? 2
  const initial = Duration.toMillis(options.initialDelay ?? "500 millis")
  const cap = Duration.decode(options.maxDelay ?? "60 seconds")
  return {
    decide: ({ attempt, error, maxRetries: callMaxRetries, method, retryAfter }) => {
      if (attempt > (callMaxRetries ?? maxRetries) || !isRetryable(method, error)) return Effect.succeedNone
      if (Option.isSome(retryAfter)) return Effect.succeedSome(Duration.min(retryAfter.value, cap))
      const nominal = Math.min(initial * 2 ** (attempt - 1), Duration.toMillis(cap))
      return Effect.map(Random.next, (r) => Option.some(Duration.millis(nominal * (0.5 + r / 2))))
    }
  }
}

/**
 * The policy in use; defaults to {@link make}`()`.
 *
 * @since 0.1.0
 * @category tags
 */
export class CurrentRetryPolicy extends Context.Reference<CurrentRetryPolicy>()(
  "@stytch-effect/core/RetryPolicy",
  { defaultValue: (): RetryPolicy => make() }
) {}

/**
 * Provide a standard policy with other limits.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}) =>
  Layer.succeed(CurrentRetryPolicy, make(options))

/**
 * A policy that never retries.
 *
 * @since 0.1.0
 * @category layers
 */
export const none = Layer.succeed(CurrentRetryPolicy, {
  decide: () => Effect.succeedNone
})

/**
 * Provide any policy.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerPolicy = (policy: RetryPolicy) => Layer.succeed(CurrentRetryPolicy, policy)
