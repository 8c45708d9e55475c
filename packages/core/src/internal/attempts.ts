/**
 * The last error of a call that was retried, saying so: how many attempts
 * were made and over how long (`request timed out after 1ms: GET … (3
 * attempts over 1s 3ms, waits between them included)`). Used by the retry
 * loop on its failure path only: a call that succeeds pays nothing.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import { type ResponseError, TransportError } from "../StytchError.js"

/**
 * The time an attempt that failed with `error` took, when it is known: the
 * timeout, for an attempt that timed out; 0 otherwise (a refused connection,
 * an error answer: short next to the waits).
 *
 * @internal
 */
export const timedOutMillis = (error: ResponseError, timeoutMillis: number | undefined): number =>
  error._tag === "TransportError" && error.reason === "Timeout" && timeoutMillis !== undefined ? timeoutMillis : 0

/**
 * `error` as the answer of `attempts` attempts that took `spentMillis` in
 * all (attempts that timed out and the waits between them). A
 * `TransportError` after more than one attempt says how many, and over how
 * long; any other error is returned as it is (an API error's message is the
 * server's).
 *
 * @internal
 */
export const afterAttempts = (error: ResponseError, attempts: number, spentMillis: number): ResponseError => {
  if (attempts < 2 || error._tag !== "TransportError") return error
  const over = Duration.format(Duration.millis(Math.round(spentMillis)))
  return new TransportError({
    reason: error.reason,
    method: error.method,
    url: error.url,
    message: `${error.message} (${attempts} attempts over ${over}, waits between them included)`,
    ...(error.cause === undefined ? {} : { cause: error.cause })
  })
}
