import type * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Runtime from "effect/Runtime"
import * as Tracer from "effect/Tracer"
import { CurrentRetryPolicy } from "../RetryPolicy.js"
import type { ApiRequest, ApiResponse } from "./api.js"
import { afterAttempts, timedOutMillis } from "./attempts.js"
import type { AttemptFailure, Call } from "./call.js"
import type { DirectAttempt, Transport } from "./direct.js"
import { MAX_TIMER_MILLIS, startTimer } from "./outcome.js"
import { currentRequestOptions, type Resolved as RequestOptions } from "./requestOptions.js"
import { type ResponseError, TransportError } from "../StytchError.js"

/** @internal */
export interface Settings {
  readonly baseURL: string
  readonly timeout: Duration.Duration
  readonly headers: Readonly<Record<string, string>>
  /** A fixed header value, or (OAuth) an effect that yields a fresh one per attempt. */
  readonly authorization: Redacted.Redacted<string> | Effect.Effect<Redacted.Redacted<string>>
  /** An overall bound on a call (every attempt and every wait), or `undefined`. */
  readonly deadline: Duration.Duration | undefined
  /** The largest response body read, in bytes (decoded). */
  readonly maxResponseBytes: number
  /** Values never to be repeated in an error (credentials, configured header values). */
  readonly secrets: ReadonlyArray<string>
}

/**
 * `Effect.timeoutFail` with one fiber instead of two (the overall deadline):
 * `self` runs in a child fiber, started at once on the caller's fiber refs
 * and context, that is interrupted (and awaited) when the timer fires, then
 * this fails with `onTimeout()`; without `millis`, no timer. Interrupting
 * the caller interrupts the child. Same semantics as `timeoutFail`, at about
 * half its cost (it forks `self` and a sleeping fiber, then races them).
 */
const timeoutFail = <A, E, E2>(
  self: Effect.Effect<A, E>,
  millis: number | undefined,
  onTimeout: () => E2
): Effect.Effect<A, E | E2> =>
  Effect.withFiberRuntime<A, E | E2>((parent, status) =>
    Effect.async<A, E | E2>((resume) => {
      const child = Runtime.runFork(Runtime.make({
        context: parent.currentContext,
        fiberRefs: parent.getFiberRefs(),
        runtimeFlags: status.runtimeFlags
      }))(self)
      let timedOut = false
      const clock = Context.get(parent.getFiberRef(DefaultServices.currentServices), Clock.Clock)
      const cancelTimer = millis === undefined ? undefined : startTimer(clock, millis, () => {
        timedOut = true
        child.unsafeInterruptAsFork(parent.id())
      })
      const observer = (exit: Exit.Exit<A, E>) => {
        cancelTimer?.()
        resume(timedOut ? Exit.fail(onTimeout()) : exit)
      }
      child.addObserver(observer)
      return Effect.suspend(() => {
        cancelTimer?.()
        child.removeObserver(observer)
        return Effect.zipRight(child.interruptAsFork(parent.id()), child.await)
      })
    })
  )

/**
 * A query string, every reserved character percent-encoded. `URLSearchParams`
 * writes a space as `+` (form encoding), which only form decoders read as a
 * space; it writes a literal `+` as `%2B`, so every `+` it emits is a space and
 * becomes `%20`, which every decoder reads the same.
 *
 * @internal
 */
export const queryString = (query: ReadonlyArray<readonly [string, string]>): string =>
  new URLSearchParams(query as Array<[string, string]>).toString().replace(/\+/g, "%20")

const timerMillis = (timeout: Duration.Duration): number | undefined => {
  const millis = Duration.isFinite(timeout) ? Duration.toMillis(timeout) : Infinity
  return millis <= MAX_TIMER_MILLIS ? millis : undefined
}

/** The headers with their names in lower case, as every attempt sends them (an `undefined` value is no header). */
const lowerCased = (headers: Readonly<Record<string, string>>): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = value
  return out
}

/** Longest first, so a secret that contains another is scrubbed whole. */
const secretList = (values: Iterable<string>): ReadonlyArray<string> =>
  [...new Set([...values].filter((v) => v.length >= 4))].sort((a, b) => b.length - a.length)

/** @internal */
export { secretList }

/**
 * The failure of an attempt that timed out. Made outside `makeSend`'s
 * per-call scope on purpose: the attempt holds it until the answer, and a
 * closure keeps its whole scope (the call's span, its retry loop) alive.
 */
const timeoutFailure = (method: string, url: string, timeoutText: string) => (): AttemptFailure => ({
  error: new TransportError({
    reason: "Timeout",
    method,
    url,
    message: `request timed out after ${timeoutText}: ${method} ${url}`
  }),
  retryAfter: Option.none()
})

/**
 * Sends one API request: headers, per-attempt timeout, overall deadline,
 * size limit, error mapping and the retry loop. Shared by every operation.
 * Per-call overrides (`StytchManagement.withRequestOptions`) are read from
 * the fiber; without them nothing is allocated for them.
 *
 * The operation's span (`stytch.<group>.<operation>`) is the one client span
 * of a call: the `HttpClient`'s own per-request span and its trace-context
 * headers are turned off for these requests (see docs/decisions.md).
 *
 * @internal
 */
export const makeSend = (transport: Transport, settings: Settings) => {
  const policy = CurrentRetryPolicy
  const limit = settings.maxResponseBytes
  const defaults: Call = {
    timeoutMillis: timerMillis(settings.timeout),
    timeoutText: Duration.format(settings.timeout),
    headers: lowerCased(settings.headers),
    secrets: settings.secrets
  }
  const makeAttempt = transport.makeAttempt
  const attemptSettings = {
    baseURL: settings.baseURL,
    authorization: settings.authorization,
    maxResponseBytes: limit
  }
  const attempt = makeAttempt(attemptSettings)
  // In an operation, its span is the parent of what the attempt runs where something reads it: a
  // supplied client, a token source. The SDK's own transports with a fixed header run neither, and
  // are not wrapped: replacing the fiber's context is a large part of a call's cost.
  const inSpanAlways = transport.readsSpan
  const fixedAuthorization = Redacted.isRedacted(settings.authorization)
  // Public endpoints (`ApiRequest.anonymous`) are sent without the Authorization header.
  let anonymousAttempt: DirectAttempt | undefined

  const callOf = (options: RequestOptions): Call => {
    const timeout = options.timeout ?? settings.timeout
    return {
      timeoutMillis: timerMillis(timeout),
      timeoutText: Duration.format(timeout),
      headers: options.headers === undefined ? defaults.headers : { ...defaults.headers, ...options.headers },
      secrets: options.headers === undefined
        ? settings.secrets
        : secretList([...settings.secrets, ...Object.values(options.headers)])
    }
  }

  const sendWith = (
    request: ApiRequest,
    options: RequestOptions | undefined,
    span: Tracer.Span | undefined
  ): Effect.Effect<ApiResponse, ResponseError> => {
    const call = options === undefined ? defaults : callOf(options)
    const method = request.method
    const pathAndQuery = request.query.length === 0
      ? request.path
      : `${request.path}?${queryString(request.query)}`
    const url = settings.baseURL + pathAndQuery
    const json = request.body === undefined ? undefined : JSON.stringify(request.body)

    const onTimeout = timeoutFailure(method, url, call.timeoutText)

    const anonymous = request.anonymous === true
    const run = anonymous
      ? (anonymousAttempt ??= makeAttempt({ ...attemptSettings, authorization: undefined }))
      : attempt
    const once = run(method, pathAndQuery, url, json, call, onTimeout)
    const attemptInSpan = inSpanAlways || !(anonymous || fixedAuthorization) ? withParentSpan(once, span) : once

    const maxRetries = options?.maxRetries
    // Counted on the failure path only: the time spent on attempts that timed out and on waits.
    let spent = 0
    const loop = (n: number, deadlineAt: number | undefined): Effect.Effect<ApiResponse, ResponseError> =>
      Effect.catchAllCause(attemptInSpan, onFailure((failure) => {
        spent += timedOutMillis(failure.error, call.timeoutMillis)
        const giveUp = () => Effect.fail(afterAttempts(failure.error, n, spent))
        if (maxRetries !== undefined && n > maxRetries) return giveUp()
        return withParentSpan(Effect.flatMap(policy, (p) =>
          Effect.flatMap(
            p.decide({
              method,
              attempt: n,
              error: failure.error,
              retryAfter: failure.retryAfter,
              ...(maxRetries === undefined ? {} : { maxRetries })
            }),
            Option.match({
              onNone: giveUp,
              onSome: (delay) => {
                if (deadlineAt === undefined) {
                  spent += Duration.toMillis(delay)
                  return Effect.zipRight(Effect.sleep(delay), loop(n + 1, undefined))
                }
                return Effect.flatMap(Clock.currentTimeMillis, (now) => {
                  // A wait that would end past the deadline is not started: the last error is the answer.
                  if (now + Duration.toMillis(delay) >= deadlineAt) return giveUp()
                  spent += Duration.toMillis(delay)
                  return Effect.zipRight(Effect.sleep(delay), loop(n + 1, deadlineAt))
                })
              }
            })
          )), span)
      }))

    const deadline = options?.deadline ?? settings.deadline
    const deadlineMillis = deadline === undefined ? undefined : timerMillis(deadline)
    if (deadlineMillis === undefined) return loop(1, undefined)
    return Effect.flatMap(Clock.currentTimeMillis, (start) =>
      timeoutFail(loop(1, start + deadlineMillis), deadlineMillis, () =>
        new TransportError({
          reason: "Timeout",
          method,
          url,
          message: `deadline of ${Duration.format(deadline!)} exceeded (all attempts and waits): ${method} ${url}`
        })))
  }

  const sendInSpan: SendInSpan = (request, span, fiber) => sendWith(request, fiber.getFiberRef(currentRequestOptions), span)
  const send = (request: ApiRequest): Effect.Effect<ApiResponse, ResponseError> =>
    FiberRef.getWith(currentRequestOptions, (options) => sendWith(request, options, undefined))
  return Object.assign(send, { [SendInSpanId]: sendInSpan })
}

/**
 * The cause handler of `Effect.catchAll(self, f)`, for a failure-only frame
 * (`Effect.catchAllCause`) or `Effect.matchCauseEffect`: `catchAll` is a
 * `matchEffect` whose success side re-wraps every value and whose failure
 * side is one more closure and options object per call. A single failure
 * goes straight to `f`; any other cause (a defect, an interruption, several
 * failures) takes `catchAll` itself, so the semantics are `catchAll`'s.
 *
 * @internal
 */
export const onFailure = <E, A2, E2>(f: (error: E) => Effect.Effect<A2, E2>) =>
(cause: Cause.Cause<E>): Effect.Effect<A2, E2> =>
  cause._tag === "Fail" ? f(cause.error) : Effect.catchAll(Effect.failCause(cause), f)

/**
 * `Effect.withParentSpan(self, span)`, reading the fiber's context once
 * (instead of `provideService`'s read-then-replace); `self` as is without
 * a span.
 *
 * @internal
 */
export const withParentSpan = <A, E>(self: Effect.Effect<A, E>, span: Tracer.Span | undefined): Effect.Effect<A, E> =>
  span === undefined ? self : Effect.withFiberRuntime((fiber) =>
    Effect.locally(self, FiberRef.currentContext, Context.add(fiber.currentContext, Tracer.ParentSpan, span))
  )

// A global symbol (as `DirectAttemptId`): with two copies of core loaded (Bun and Deno running
// this repository's sources beside a package's build, a duplicated install), an operation of one
// still finds the other's send, instead of wrapping every call in `withParentSpan` (~8 µs per call on Bun, in memory).
const SendInSpanId: unique symbol = Symbol.for("@stytch-effect/core/SendInSpan") as never

/**
 * An operation's send: `send(request)` run with `span` (the operation's) as
 * the parent span of what it runs, by `fiber` (which runs it: its request
 * options are read from it directly).
 *
 * @internal
 */
export type SendInSpan = (
  request: ApiRequest,
  span: Tracer.Span,
  fiber: Fiber.RuntimeFiber<unknown, unknown>
) => Effect.Effect<ApiResponse, ResponseError>

/**
 * The {@link SendInSpan} of a service's `send`: the one `makeSend` attaches
 * (which sets the span only where something may use it), else `send` run
 * with the span as parent.
 *
 * @internal
 */
export const sendInSpanOf = (send: (request: ApiRequest) => Effect.Effect<ApiResponse, ResponseError>): SendInSpan =>
  (send as { readonly [SendInSpanId]?: SendInSpan })[SendInSpanId] ??
    ((request, span) => withParentSpan(send(request), span))

