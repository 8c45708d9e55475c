import * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpMethod from "@effect/platform/HttpMethod"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { constTrue } from "effect/Function"
import { CurrentRetryPolicy } from "../RetryPolicy.js"
import { directAttemptOf } from "./direct.js"
import { apiErrorOf } from "./errorBody.js"
import type { ApiRequest, ApiResponse } from "../StytchManagement.js"
import { type ResponseError, TransportError, UnexpectedResponseError } from "../StytchError.js"

/** @internal */
export interface Settings {
  readonly baseURL: string
  readonly timeout: Duration.Duration
  readonly headers: Readonly<Record<string, string>>
  readonly authorization: Effect.Effect<Redacted.Redacted<string>>
}

/** @internal */
export interface AttemptFailure {
  readonly error: ResponseError
  readonly retryAfter: Option.Option<Duration.Duration>
}


/** The `request_id` of a JSON body, if it is an object that has one. @internal */
export const requestIdOf = (body: unknown): string | undefined =>
  typeof body === "object" && body !== null && typeof (body as { request_id?: unknown }).request_id === "string"
    ? (body as { request_id: string }).request_id
    : undefined

/** Parses `Retry-After` (seconds or an HTTP date). @internal */
export const parseRetryAfter = (value: string | undefined, now: number): Option.Option<Duration.Duration> => {
  if (value === undefined || value.trim() === "") return Option.none()
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return seconds >= 0 ? Option.some(Duration.seconds(seconds)) : Option.none()
  const date = Date.parse(value)
  return Number.isNaN(date) ? Option.none() : Option.some(Duration.millis(Math.max(0, date - now)))
}

/** The `code` of an error, its `cause` chain, or the first of an `AggregateError` (Happy Eyeballs). */
export const causeCode = (cause: unknown): string | undefined => {
  for (let c = cause, depth = 0; typeof c === "object" && c !== null && depth < 5; depth++) {
    const code = (c as { code?: unknown }).code
    if (typeof code === "string") return code
    const errors = (c as { errors?: unknown }).errors
    c = Array.isArray(errors) && errors.length > 0 ? errors[0] : (c as { cause?: unknown }).cause
  }
  return undefined
}

/** @internal */
export const networkError = (method: string, url: string, cause: unknown, refused: boolean): TransportError =>
  new TransportError({
    reason: refused ? "ConnectionRefused" : "Network",
    method,
    url,
    message: refused ? `connection refused: ${method} ${url}` : `network error: ${method} ${url}`,
    cause
  })

const transportError = (method: string, url: string, error: HttpClientError.HttpClientError): TransportError =>
  networkError(
    method,
    url,
    error.cause ?? error,
    error._tag === "RequestError" && causeCode(error.cause) === "ECONNREFUSED"
  )

/** The largest delay `setTimeout` honours; longer timeouts never fire (as with Effect's own clock). */
const MAX_TIMER_MILLIS = 2 ** 31 - 1

/** @internal */
export const liveClock = Context.get(DefaultServices.liveServices, Clock.Clock)

/**
 * Starts a timer on the fiber's clock; returns its canceller. The live clock
 * gets a bare `setTimeout`; any other clock (a `TestClock`) gets its own
 * `sleep`, run in a fiber of its own.
 */
export const startTimer = (clock: Clock.Clock, millis: number, onFire: () => void): () => void => {
  if (clock === liveClock) {
    const handle = setTimeout(onFire, millis)
    return () => clearTimeout(handle)
  }
  const sleeper = Effect.runFork(Effect.map(clock.sleep(Duration.millis(millis)), onFire))
  return () => sleeper.unsafeInterruptAsFork(sleeper.id())
}

/**
 * `Effect.timeoutFail` with one fiber instead of two: `self` runs in a child
 * fiber that is interrupted (and awaited) when the timer fires, then the
 * attempt fails with `onTimeout()`. Interrupting the caller interrupts the
 * child. Same semantics as `timeoutFail` for a request, at about half its
 * cost (it forks `self` and a sleeping fiber, then races them).
 */
const timeoutFail = <A, E, E2>(
  self: Effect.Effect<A, E>,
  millis: number,
  onTimeout: () => E2
): Effect.Effect<A, E | E2> =>
  Effect.uninterruptibleMask((restore) =>
    Effect.flatMap(Effect.fork(restore(self)), (child) =>
      Effect.withFiberRuntime<A, E | E2>((parent) => {
        const clock = Context.get(parent.getFiberRef(DefaultServices.currentServices), Clock.Clock)
        return restore(Effect.async<A, E | E2>((resume) => {
          let timedOut = false
          const cancelTimer = startTimer(clock, millis, () => {
            timedOut = true
            child.unsafeInterruptAsFork(parent.id())
          })
          const observer = (exit: Exit.Exit<A, E>) => {
            cancelTimer()
            resume(timedOut ? Exit.fail(onTimeout()) : exit)
          }
          child.addObserver(observer)
          return Effect.suspend(() => {
            cancelTimer()
            child.removeObserver(observer)
            return Effect.zipRight(child.interruptAsFork(parent.id()), child.await)
          })
        }))
      }))
  )

const isJsonBody = (text: string): unknown => {
  try {
    return text === "" ? {} : JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Maps a received response to the attempt's outcome. */
export const classify = (
  status: number,
  retryAfterHeader: string | undefined,
  text: string
): Effect.Effect<ApiResponse, AttemptFailure> => {
  const body = isJsonBody(text)
  if (status >= 200 && status < 300) {
    return body === undefined
      ? Exit.fail({
        error: new UnexpectedResponseError({ statusCode: status, message: `status ${status}: body is not JSON` }),
        retryAfter: Option.none()
      })
      : Exit.succeed({ status, body })
  }
  const retryAfter = parseRetryAfter(retryAfterHeader, Date.now())
  // The Stytch error body, or the OAuth2 one (`error`, `error_description`): see errorBody.ts.
  const apiError = apiErrorOf(body, status)
  if (apiError !== undefined) return Exit.fail({ error: apiError, retryAfter })
  const requestID = requestIdOf(body)
  return Exit.fail({
    error: new UnexpectedResponseError({
      statusCode: status,
      ...(requestID === undefined ? {} : { requestID }),
      message: `status ${status} without a Stytch error body`
    }),
    retryAfter
  })
}

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

/**
 * Sends one API request: headers, per-attempt timeout, error mapping and the
 * retry loop. Shared by every operation.
 *
 * The operation's span (`stytch.<group>.<operation>`) is the one client span
 * of a call: the `HttpClient`'s own per-request span and its trace-context
 * headers are turned off for these requests (see docs/decisions.md).
 *
 * @internal
 */
export const makeSend = (httpClient: HttpClient.HttpClient, settings: Settings) => {
  const client = HttpClient.withTracerDisabledWhen(httpClient, constTrue)
  const policy = CurrentRetryPolicy
  const timeoutMillis = Duration.isFinite(settings.timeout) ? Duration.toMillis(settings.timeout) : Infinity
  const timed = timeoutMillis <= MAX_TIMER_MILLIS
  const timeoutText = Duration.format(settings.timeout)
  const headers = HttpClientRequest.setHeaders(HttpClientRequest.get(""), settings.headers).headers
  const makeDirect = directAttemptOf(httpClient)
  const directSettings = {
    baseURL: settings.baseURL,
    headers: { ...headers },
    authorization: settings.authorization,
    timeoutMillis: timed ? timeoutMillis : undefined
  }
  const direct = makeDirect?.(directSettings)
  // Public endpoints (`ApiRequest.anonymous`) are sent without the Authorization header.
  let directAnonymous: ReturnType<NonNullable<typeof makeDirect>> | undefined

  return (request: ApiRequest): Effect.Effect<ApiResponse, ResponseError> => {
    const method = request.method
    const pathAndQuery = request.query.length === 0
      ? request.path
      : `${request.path}?${queryString(request.query)}`
    const url = settings.baseURL + pathAndQuery
    const json = request.body === undefined ? undefined : JSON.stringify(request.body)

    const onTimeout = (): AttemptFailure => ({
      error: new TransportError({
        reason: "Timeout",
        method,
        url,
        message: `request timed out after ${timeoutText}: ${method} ${url}`
      }),
      retryAfter: Option.none()
    })

    const anonymous = request.anonymous === true
    const viaDirect = anonymous && makeDirect !== undefined
      ? (directAnonymous ??= makeDirect({ ...directSettings, authorization: undefined }))
      : direct
    const attempt = viaDirect === undefined
      ? executeAttempt(method, url, json, onTimeout, anonymous)
      : viaDirect(method, pathAndQuery, url, json, onTimeout)

    const loop = (n: number): Effect.Effect<ApiResponse, ResponseError> =>
      Effect.catchAll(attempt, (failure) =>
        Effect.flatMap(policy, (p) =>
          Effect.flatMap(
            p.decide({ method, attempt: n, error: failure.error, retryAfter: failure.retryAfter }),
            Option.match({
              onNone: () => Effect.fail(failure.error),
              onSome: (delay) => Effect.zipRight(Effect.sleep(delay), loop(n + 1))
            })
          )
        ))
    return loop(1)
  }

  /** One attempt over any `HttpClient`: `execute`, with the fiber timeout. */
  function executeAttempt(
    method: HttpMethod.HttpMethod,
    url: string,
    json: string | undefined,
    onTimeout: () => AttemptFailure,
    anonymous: boolean
  ): Effect.Effect<ApiResponse, AttemptFailure> {
    const body = json === undefined ? undefined : HttpBody.text(json, "application/json")
    const onError = (error: HttpClientError.HttpClientError): AttemptFailure => ({
      error: transportError(method, url, error),
      retryAfter: Option.none()
    })
    return Effect.flatMap(
      anonymous ? Effect.succeed(undefined) : settings.authorization,
      (authorization) => {
        let httpRequest = HttpClientRequest.make(method)(url, { headers })
        if (authorization !== undefined) {
          httpRequest = HttpClientRequest.setHeader(httpRequest, "authorization", Redacted.value(authorization))
        }
        if (body !== undefined) httpRequest = HttpClientRequest.setBody(httpRequest, body)
        const exchange = Effect.mapError(
          Effect.flatMap(
            client.execute(httpRequest),
            (response) => Effect.map(response.text, (text) => ({ response, text }))
          ),
          onError
        )
        return Effect.flatMap(
          timed ? timeoutFail(exchange, timeoutMillis, onTimeout) : exchange,
          ({ response, text }) => classify(response.status, response.headers["retry-after"], text)
        )
      }
    )
  }
}
