import * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpMethod from "@effect/platform/HttpMethod"
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
import * as Stream from "effect/Stream"
import * as Tracer from "effect/Tracer"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { constTrue } from "effect/Function"
import { globalValue } from "effect/GlobalValue"
import { CurrentRetryPolicy } from "../RetryPolicy.js"
import { afterAttempts, timedOutMillis } from "./attempts.js"
import { directAttemptOf } from "./direct.js"
import { apiErrorOf } from "./errorBody.js"
import { currentRequestOptions, type Resolved as RequestOptions } from "./requestOptions.js"
import type { ApiRequest, ApiResponse } from "./api.js"
import { type ResponseError, TransportError, UnexpectedResponseError } from "../StytchError.js"
import type { AttemptFailure, Call } from "./call.js"
import { readWebBody, ResponseTooLarge } from "./webBody.js"

/** @internal */
export { ResponseTooLarge }

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

/** @internal */
export const tooLargeError = (status: number, limit: number): UnexpectedResponseError =>
  new UnexpectedResponseError({
    statusCode: status,
    message: `status ${status}: response body exceeds the limit of ${limit} bytes (maxResponseSize); not read`
  })



/** The `request_id` of a JSON body, if it is an object that has one. @internal */
export const requestIdOf = (body: unknown): string | undefined =>
  typeof body === "object" && body !== null && typeof (body as { request_id?: unknown }).request_id === "string"
    ? (body as { request_id: string }).request_id
    : undefined

/**
 * Parses `Retry-After` (seconds or an HTTP date). A date is measured against
 * `now`: the response's own `Date` when it has one (so a skewed local clock
 * does not matter), else the local clock.
 *
 * @internal
 */
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

/** Replaces every secret in a text (longest first). */
const scrub = (text: string, secrets: ReadonlyArray<string>): string => {
  let out = text
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join("<redacted>")
  return out
}

const primitive = (value: unknown): value is string | number | boolean =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean"

/**
 * A copy of a transport's error safe to keep as a `cause`: an `Error` with
 * the same name, message, `code`, `syscall`, `errno`, `address` and `port`,
 * every secret scrubbed from its text, and the same for its `cause` chain
 * and an `AggregateError`'s errors. Nothing else of the original is kept
 * (an error may hold the request, its headers, a socket).
 *
 * @internal
 */
export const safeCause = (cause: unknown, secrets: ReadonlyArray<string>, depth = 0): unknown => {
  if (primitive(cause)) return scrub(String(cause), secrets)
  if (typeof cause !== "object" || cause === null || depth > 4) return undefined
  const source = cause as Record<string, unknown>
  const message = typeof source.message === "string" ? scrub(source.message, secrets) : ""
  const inner = source.cause === undefined ? undefined : safeCause(source.cause, secrets, depth + 1)
  const copy = (inner === undefined ? new Error(message) : new Error(message, { cause: inner })) as Error & Record<string, unknown>
  if (typeof source.name === "string") copy.name = scrub(source.name, secrets)
  for (const key of ["code", "syscall", "errno", "address", "port"]) {
    if (primitive(source[key])) copy[key] = typeof source[key] === "string" ? scrub(source[key], secrets) : source[key]
  }
  if (Array.isArray(source.errors)) {
    copy.errors = source.errors.slice(0, 4).map((e) => safeCause(e, secrets, depth + 1))
  }
  copy.stack = `${copy.name}: ${message}`
  return copy
}

/** The most specific message of an error chain (its deepest non-empty one). */
const detailOf = (cause: unknown): string | undefined => {
  let detail: string | undefined
  for (let c = cause, depth = 0; typeof c === "object" && c !== null && depth < 6; depth++) {
    const message = (c as { message?: unknown }).message
    if (typeof message === "string" && message.trim() !== "") detail = message
    const errors = (c as { errors?: unknown }).errors
    c = Array.isArray(errors) && errors.length > 0 ? errors[0] : (c as { cause?: unknown }).cause
  }
  return detail
}

/**
 * A transport failure: the cause's own text follows the method and URL
 * (`network error: GET … (connect ECONNREFUSED 127.0.0.1:…)`), scrubbed of
 * every secret, and the cause is kept as a scrubbed copy ({@link safeCause}).
 *
 * @internal
 */
export const networkError = (
  method: string,
  url: string,
  cause: unknown,
  refused: boolean,
  secrets: ReadonlyArray<string>
): TransportError => {
  const safe = safeCause(cause, secrets)
  const detail = detailOf(safe)
  const suffix = detail === undefined ? "" : ` (${detail.length > 300 ? `${detail.slice(0, 300)}…` : detail})`
  return new TransportError({
    reason: refused ? "ConnectionRefused" : "Network",
    method,
    url,
    message: `${refused ? "connection refused" : "network error"}: ${method} ${url}${suffix}`,
    ...(safe === undefined ? {} : { cause: safe })
  })
}

const transportError = (
  method: string,
  url: string,
  error: HttpClientError.HttpClientError,
  secrets: ReadonlyArray<string>
): TransportError =>
  networkError(
    method,
    url,
    error.cause ?? { name: error._tag, message: error.reason },
    error._tag === "RequestError" && causeCode(error.cause) === "ECONNREFUSED",
    secrets
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
 * fiber, started at once on the caller's fiber refs and `context`, that is
 * interrupted (and awaited) when the timer fires, then this fails with
 * `onTimeout()`; without `millis`, no timer. Interrupting the caller
 * interrupts the child. Same semantics as `timeoutFail` for a request, at
 * about half its cost (it forks `self` and a sleeping fiber, then races
 * them).
 */
const timeoutFail = <A, E, E2>(
  self: Effect.Effect<A, E>,
  millis: number | undefined,
  onTimeout: () => E2,
  context?: Context.Context<never>
): Effect.Effect<A, E | E2> =>
  Effect.withFiberRuntime<A, E | E2>((parent, status) =>
    Effect.async<A, E | E2>((resume) => {
      const child = Runtime.runFork(Runtime.make({
        context: context ?? parent.currentContext,
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
  dateHeader: string | undefined,
  text: string
): Effect.Effect<ApiResponse, AttemptFailure> => {
  if ((status >= 300 && status < 400) || status === 0) {
    // The API never redirects; a redirect is never followed (nothing is sent to its target).
    return Exit.fail({
      error: new UnexpectedResponseError({
        statusCode: status,
        message: `status ${status}: the API answered with a redirect, which is never followed`
      }),
      retryAfter: Option.none()
    })
  }
  const body = isJsonBody(text)
  if (status >= 200 && status < 300) {
    return body === undefined
      ? Exit.fail({
        error: new UnexpectedResponseError({ statusCode: status, message: `status ${status}: body is not JSON` }),
        retryAfter: Option.none()
      })
      : Exit.succeed({ status, body })
  }
  const serverNow = dateHeader === undefined ? NaN : Date.parse(dateHeader)
  const retryAfter = parseRetryAfter(retryAfterHeader, Number.isNaN(serverNow) ? Date.now() : serverNow)
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

const timerMillis = (timeout: Duration.Duration): number | undefined => {
  const millis = Duration.isFinite(timeout) ? Duration.toMillis(timeout) : Infinity
  return millis <= MAX_TIMER_MILLIS ? millis : undefined
}

/** Longest first, so a secret that contains another is scrubbed whole. */
const secretList = (values: Iterable<string>): ReadonlyArray<string> =>
  [...new Set([...values].filter((v) => v.length >= 4))].sort((a, b) => b.length - a.length)

/** @internal */
export { secretList }

/** A received response: what {@link classify} reads. */
interface Received {
  readonly status: number
  readonly retryAfter: string | undefined
  readonly date: string | undefined
  readonly text: string
}

/**
 * `@effect/platform`'s registry of the responses `HttpClient.make` hands
 * out: each is registered so that, if it is dropped unread, its request is
 * aborted when the response is garbage collected; reading it through the
 * response's own accessors unregisters it. A body read from the web
 * `Response` directly (below) unregisters it here, or every response would
 * be aborted after the fact, at a cost per call. Looked up lazily: it exists
 * once `HttpClient.make` has answered; `undefined` should the key change.
 */
let responseRegistry: { readonly unregister: (response: object) => void } | undefined | null = null
const unregisterResponse = (response: object): void => {
  if (responseRegistry === null) {
    responseRegistry = globalValue("@effect/platform/HttpClient/responseRegistry", () => undefined)
  }
  responseRegistry?.unregister(response)
}

/**
 * The web `Response` behind an `HttpClientResponse` made by
 * `HttpClientResponse.fromWeb` (`FetchHttpClient`'s, the fake's, most
 * supplied clients'), which `HttpClient.make` wraps; `undefined` for any
 * other response (read through its `stream`). `@effect/platform` exposes no
 * accessor: this reads the fields its response classes keep (`source`,
 * `original`), and should they change, every body is read through its
 * `stream` instead (slower, same behaviour).
 */
const webResponseOf = (response: HttpClientResponse.HttpClientResponse): Response | undefined => {
  const original = (response as { readonly original?: object }).original
  const source = ((original ?? response) as { readonly source?: unknown }).source
  if (!(source instanceof Response)) return undefined
  if (original !== undefined) unregisterResponse(original)
  return source
}

/**
 * A web body read up to `limit` bytes by the shared reader
 * ({@link readWebBody}); interruption cancels it.
 */
const readBody = (
  response: HttpClientResponse.HttpClientResponse,
  body: ReadableStream<Uint8Array>,
  declared: number,
  limit: number
): Effect.Effect<string, HttpClientError.ResponseError | ResponseTooLarge> =>
  Effect.async((resume) => {
    const cancel = readWebBody(body, declared, limit, response.status, (error, text) =>
      resume(
        text !== undefined
          ? Exit.succeed(text)
          : Exit.fail(
            error instanceof ResponseTooLarge
              ? error
              : new HttpClientError.ResponseError({ request: response.request, response, reason: "Decode", cause: error })
          )
      ))
    return Effect.sync(cancel)
  })

/**
 * The status, the headers {@link classify} reads and the body (2xx or not)
 * of a response from any `HttpClient`, read up to `limit` bytes by
 * {@link readBody}: a web body as it is, any other through a web stream
 * of its `stream` (cancelling it interrupts the stream, which aborts the
 * request).
 */
const receive = (
  response: HttpClientResponse.HttpClientResponse,
  limit: number
): Effect.Effect<Received, HttpClientError.ResponseError | ResponseTooLarge> => {
  const web = webResponseOf(response)
  // Read once: each read of an `HttpClientResponse`'s headers may convert them.
  const headers = web === undefined ? response.headers : undefined
  const header = (name: string) => headers === undefined ? web!.headers.get(name) ?? undefined : headers[name]
  const length = header("content-length")
  return Effect.map(
    Effect.flatMap(
      web === undefined ? Stream.toReadableStreamEffect(response.stream) : Effect.succeed(web.body),
      (body) => body === null ? Effect.succeed("") : readBody(response, body, length === undefined ? NaN : Number(length), limit)
    ),
    (text): Received => ({ status: response.status, retryAfter: header("retry-after"), date: header("date"), text })
  )
}

/**
 * `context` with `fetch` (`FetchHttpClient`) told not to follow redirects.
 * `fetch` follows them by default, re-sending the request — custom headers
 * included — to wherever the server points. The API never redirects: its
 * requests run with `redirect: "manual"` (kept as `"error"` if the caller
 * chose that), so a 3xx comes back as a response and {@link classify}
 * refuses it.
 */
const withoutRedirects = (context: Context.Context<never>): Context.Context<never> => {
  const init = Context.getOrElse(context, FetchHttpClient.RequestInit, () => undefined)
  return init?.redirect === "manual" || init?.redirect === "error"
    ? context
    : Context.add(context, FetchHttpClient.RequestInit, { ...init, redirect: "manual" })
}

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
export const makeSend = (httpClient: HttpClient.HttpClient, settings: Settings) => {
  const policy = CurrentRetryPolicy
  const limit = settings.maxResponseBytes
  const headers = HttpClientRequest.setHeaders(HttpClientRequest.get(""), settings.headers).headers
  const defaults: Call = {
    timeoutMillis: timerMillis(settings.timeout),
    timeoutText: Duration.format(settings.timeout),
    headers: { ...headers },
    secrets: settings.secrets
  }
  const makeDirect = directAttemptOf(httpClient)
  const directSettings = {
    baseURL: settings.baseURL,
    authorization: settings.authorization,
    maxResponseBytes: limit
  }
  const direct = makeDirect?.(directSettings)
  const fixedAuthorization = Redacted.isRedacted(settings.authorization)

  // The request's context: the caller's, redirects off, the operation's span as parent. The last caller's
  // is kept, since one runtime or fiber makes call after call with the same context.
  let contextIn: Context.Context<never> | undefined
  let contextOut: Context.Context<never> | undefined
  const requestContext = (context: Context.Context<never>, span: Tracer.Span | undefined) => {
    if (context !== contextIn) {
      contextOut = withoutRedirects(context)
      contextIn = context
    }
    return span === undefined ? contextOut! : Context.add(contextOut!, Tracer.ParentSpan, span)
  }
  // Public endpoints (`ApiRequest.anonymous`) are sent without the Authorization header.
  let directAnonymous: ReturnType<NonNullable<typeof makeDirect>> | undefined

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
    const viaDirect = anonymous && makeDirect !== undefined
      ? (directAnonymous ??= makeDirect({ ...directSettings, authorization: undefined }))
      : direct
    // In an operation, its span is the parent of a user's `HttpClient`, a token source's refresh, the
    // retry policy and its waits. The supplied client's attempt sets it where needed; the direct attempt
    // with a fixed header runs none of them, and is not wrapped: replacing the fiber's context is a large
    // part of a call's cost.
    const attemptInSpan = viaDirect === undefined
      ? executeAttempt(method, url, json, call, onTimeout, anonymous, span)
      : anonymous || fixedAuthorization
      ? viaDirect(method, pathAndQuery, url, json, call, onTimeout)
      : withParentSpan(viaDirect(method, pathAndQuery, url, json, call, onTimeout), span)

    const maxRetries = options?.maxRetries
    // Counted on the failure path only: the time spent on attempts that timed out and on waits.
    let spent = 0
    const loop = (n: number, deadlineAt: number | undefined): Effect.Effect<ApiResponse, ResponseError> =>
      Effect.catchAll(attemptInSpan, (failure) => {
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
      })

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

  /**
   * One attempt over any `HttpClient`: `execute` and the body read in a
   * fiber of their own (a client we do not control is stopped by
   * interrupting it), timed by {@link timeoutFail}, in the request's context.
   */
  function executeAttempt(
    method: HttpMethod.HttpMethod,
    url: string,
    json: string | undefined,
    call: Call,
    onTimeout: () => AttemptFailure,
    anonymous: boolean,
    span: Tracer.Span | undefined
  ): Effect.Effect<ApiResponse, AttemptFailure> {
    const onError = (error: HttpClientError.HttpClientError | ResponseTooLarge): AttemptFailure => ({
      error: error instanceof ResponseTooLarge
        ? tooLargeError(error.status, error.limit)
        : transportError(method, url, error, call.secrets),
      retryAfter: Option.none()
    })
    const attempt = (authorization: Redacted.Redacted<string> | undefined) =>
      Effect.withFiberRuntime<ApiResponse, AttemptFailure>((fiber) => {
        let httpRequest = HttpClientRequest.make(method)(url, { headers: call.headers })
        if (authorization !== undefined) {
          httpRequest = HttpClientRequest.setHeader(httpRequest, "authorization", Redacted.value(authorization))
        }
        if (json !== undefined) httpRequest = HttpClientRequest.setBody(httpRequest, HttpBody.text(json, "application/json"))
        // Run by a fiber of its own: the client's own span is turned off there, not restored.
        const exchange = Effect.zipRight(
          FiberRef.set(HttpClient.currentTracerDisabledWhen, constTrue),
          Effect.mapError(Effect.flatMap(httpClient.execute(httpRequest), (response) => receive(response, limit)), onError)
        )
        return Effect.flatMap(
          timeoutFail(exchange, call.timeoutMillis, onTimeout, requestContext(fiber.currentContext, span)),
          (received) => classify(received.status, received.retryAfter, received.date, received.text)
        )
      })
    // A fixed header is used as is; a token source is asked per attempt, under the operation's span.
    if (anonymous) return attempt(undefined)
    const authorization = settings.authorization
    return Redacted.isRedacted(authorization)
      ? attempt(authorization)
      : Effect.flatMap(withParentSpan(authorization, span), attempt)
  }
}

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

const SendInSpanId: unique symbol = Symbol("@stytch-effect/core/SendInSpan") as never

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

