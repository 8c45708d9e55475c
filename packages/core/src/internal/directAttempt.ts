/**
 * The attempt every transport runs (see `direct.ts`): one `Effect.async`
 * around the transport's own send, with the per-attempt
 * timeout as a timer on the fiber's clock — a plain `setTimeout` on the live
 * clock, the clock's own `sleep` under a `TestClock` — that aborts the
 * request. The SDK's own transports (`NodeHttpClient.ts`, `FetchHttpClient.ts`)
 * send without an `HttpClientRequest` or a fiber; any other `HttpClient` is
 * sent through its `execute` in a fiber of its own (`clientAttempt.ts`).
 *
 * @internal
 */
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type { ApiResponse } from "./api.js"
import type { AttemptFailure, Call } from "./call.js"
import type { DirectAttempt, DirectSettings } from "./direct.js"
import { causeCode, classify, networkError, startTimer, tooLargeError } from "./outcome.js"
import { ResponseTooLarge } from "./webBody.js"

/** A received response, its body read and decoded. @internal */
export interface DirectResponse {
  readonly status: number
  /** A response header by its lower-case name (the first value if repeated). */
  readonly header: (name: string) => string | undefined
  readonly text: string
}

/**
 * How a supplied client's fiber ended when it is neither an answer nor a
 * network error (a defect, an interruption of its own): the attempt ends
 * with that cause as it is.
 *
 * @internal
 */
export class ClientCause {
  constructor(readonly cause: Cause.Cause<never>) {}
}

/**
 * Sends one request and calls `callback` exactly once, unless the returned
 * abort function is called first (then never). Abort destroys the request's
 * socket (the server sees the connection closed). `headers` is a fresh
 * object the transport may add to. A body over the settings' limit fails
 * with a {@link ResponseTooLarge} (the connection is destroyed). `fiber`
 * is the calling one (the `fetch` transport reads `FetchHttpClient`'s
 * services from its context; a supplied client runs on its refs).
 *
 * @internal
 */
export type DirectSend = (
  method: string,
  pathAndQuery: string,
  headers: Record<string, string>,
  body: string | undefined,
  callback: (error: unknown, response: DirectResponse | undefined) => void,
  fiber: Fiber.RuntimeFiber<unknown, unknown>
) => () => void

/**
 * Interruption aborts the request through the attempt's own uninterruptible
 * region rather than `Effect.async`'s canceller, and what it would stop (the
 * request, the timer) is dropped as soon as the answer is in: `Effect.async`
 * keeps its canceller reachable after the call, and with it the request's
 * whole object graph (the socket's `ClientRequest`, its response, the
 * call's closures), which scavenges then copy and promote (sequential calls
 * on loopback: 6.9 KB promoted per call with the canceller, 2.4 KB without).
 *
 * @internal
 */
export const make = (send: DirectSend, settings: DirectSettings): DirectAttempt => {
  const { authorization } = settings
  const attempt = (
    token: Redacted.Redacted<string> | undefined,
    method: string,
    pathAndQuery: string,
    url: string,
    json: string | undefined,
    call: Call,
    onTimeout: () => AttemptFailure
  ) =>
    Effect.withFiberRuntime<ApiResponse, AttemptFailure>((fiber) => {
      const timeoutMillis = call.timeoutMillis
      const clock = timeoutMillis === undefined
        ? undefined
        : Context.get(fiber.getFiberRef(DefaultServices.currentServices), Clock.Clock)
      // While the request is in flight: how to abort it, and how to cancel its timer.
      let done = false
      let abort: (() => void) | undefined
      let cancelTimer: (() => void) | undefined
      const finish = () => {
        done = true
        cancelTimer?.()
        cancelTimer = undefined
        abort = undefined
      }
      const request = Effect.async<ApiResponse, AttemptFailure>((resume) => {
        const requestHeaders: Record<string, string> = token === undefined
          ? { ...call.headers }
          : { ...call.headers, authorization: Redacted.value(token) }
        if (json !== undefined) requestHeaders["content-type"] = "application/json"
        abort = send(method, pathAndQuery, requestHeaders, json, (error, response) => {
          if (done) return
          finish()
          resume(
            error instanceof ClientCause
              ? Exit.failCause(error.cause)
              : response === undefined
              ? Exit.fail({
                error: error instanceof ResponseTooLarge
                  ? tooLargeError(error.status, error.limit)
                  : networkError(method, url, error, causeCode(error) === "ECONNREFUSED", call.secrets),
                retryAfter: Option.none()
              })
              : classify(response.status, response.header("retry-after"), response.header("date"), response.text)
          )
        }, fiber)
        if (done) {
          // Answered synchronously (an invalid header, a stub transport).
          abort = undefined
        } else if (clock !== undefined) {
          cancelTimer = startTimer(clock, timeoutMillis!, () => {
            if (done) return
            const stop = abort
            finish()
            stop?.()
            resume(Exit.fail(onTimeout()))
          })
        }
      })
      // A failure handler only (`catchAllCause`): on success the answer passes its frame as it is.
      return Effect.uninterruptibleMask((restore) =>
        Effect.catchAllCause(restore(request), (cause) => {
          if (Cause.isInterruptedOnly(cause) && !done) {
            const stop = abort
            finish()
            stop?.()
          }
          return Exit.failCause(cause)
        })
      )
    })
  // A fixed header (workspace key, access token) is used as is; a token source is asked per attempt.
  // Made once (not a closure per call): only the attempt's own fiber callback is per call.
  return authorization === undefined || Redacted.isRedacted(authorization)
    ? (method, pathAndQuery, url, json, call, onTimeout) =>
      attempt(authorization, method, pathAndQuery, url, json, call, onTimeout)
    : (method, pathAndQuery, url, json, call, onTimeout) =>
      Effect.flatMap(authorization, (token) => attempt(token, method, pathAndQuery, url, json, call, onTimeout))
}
