/**
 * The types an attempt shares with the transport that runs it (its own
 * module, so the transport and the direct Node attempt do not import each
 * other). @internal
 */
import type * as Duration from "effect/Duration"
import type * as Option from "effect/Option"
import type { ResponseError } from "../StytchError.js"

/** @internal */
export interface AttemptFailure {
  readonly error: ResponseError
  readonly retryAfter: Option.Option<Duration.Duration>
}

/** What one call needs to know for each attempt. @internal */
export interface Call {
  readonly timeoutMillis: number | undefined
  readonly timeoutText: string
  /** Lower-case names, authorization excluded. */
  readonly headers: Readonly<Record<string, string>>
  readonly secrets: ReadonlyArray<string>
}
