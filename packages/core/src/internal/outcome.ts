/**
 * What an attempt's answer becomes, shared by every transport: the
 * classification of a received response (`classify`), the typed error of a
 * network failure with every secret scrubbed (`networkError`), and the
 * per-attempt timer on the fiber's clock (`startTimer`). Its own module, so
 * the transport and the attempts it runs do not import each other.
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import type { ApiResponse } from "./api.js"
import type { AttemptFailure } from "./call.js"
import { apiErrorOf } from "./errorBody.js"
import { TransportError, UnexpectedResponseError } from "../StytchError.js"

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

/** The largest delay `setTimeout` honours; longer timeouts never fire (as with Effect's own clock). */
/** @internal */
export const MAX_TIMER_MILLIS = 2 ** 31 - 1

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

const jsonOf = (text: string): unknown => {
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
  const body = jsonOf(text)
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
