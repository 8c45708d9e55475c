import * as HttpBody from "@effect/platform/HttpBody"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpMethod from "@effect/platform/HttpMethod"
import { Duration, Effect, Option, Redacted, Schema } from "effect"
import { CurrentRetryPolicy } from "../RetryPolicy.js"
import { type ResponseError, StytchApiError, TransportError, UnexpectedResponseError } from "../StytchError.js"

/** A request whose URL path is already built and whose body is wire JSON. @internal */
export interface ApiRequest {
  readonly method: HttpMethod.HttpMethod
  readonly path: string
  readonly query: ReadonlyArray<readonly [string, string]>
  readonly body: unknown
}

/** A 2xx response with its parsed JSON body. @internal */
export interface ApiResponse {
  readonly status: number
  readonly body: unknown
}

/** @internal */
export interface Settings {
  readonly baseURL: string
  readonly timeout: Duration.Duration
  readonly headers: Readonly<Record<string, string>>
  readonly authorization: Effect.Effect<Redacted.Redacted<string>>
}

interface AttemptFailure {
  readonly error: ResponseError
  readonly retryAfter: Option.Option<Duration.Duration>
}

const ErrorBody = Schema.Struct({
  status_code: Schema.optional(Schema.Number),
  request_id: Schema.String,
  error_type: Schema.String,
  error_message: Schema.String,
  error_url: Schema.optional(Schema.String)
})
const decodeErrorBody = Schema.decodeUnknownOption(ErrorBody)

const requestIdOf = (body: unknown): string | undefined =>
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

const causeCode = (cause: unknown): string | undefined => {
  for (let c = cause, depth = 0; typeof c === "object" && c !== null && depth < 5; depth++) {
    const code = (c as { code?: unknown }).code
    if (typeof code === "string") return code
    c = (c as { cause?: unknown }).cause
  }
  return undefined
}

const transportError = (method: string, url: string, error: HttpClientError.HttpClientError): TransportError => {
  const refused = error._tag === "RequestError" && causeCode(error.cause) === "ECONNREFUSED"
  return new TransportError({
    reason: refused ? "ConnectionRefused" : "Network",
    method,
    url,
    message: refused ? `connection refused: ${method} ${url}` : `network error: ${method} ${url}`,
    cause: error.cause ?? error
  })
}

/**
 * Sends one API request: headers, per-attempt timeout, error mapping and the
 * retry loop. Shared by every operation.
 *
 * @internal
 */
export const makeSend = (client: HttpClient.HttpClient, settings: Settings) => {
  const policy = CurrentRetryPolicy
  return (request: ApiRequest): Effect.Effect<ApiResponse, ResponseError> => {
    const url = request.query.length === 0
      ? settings.baseURL + request.path
      : `${settings.baseURL}${request.path}?${new URLSearchParams(request.query as Array<[string, string]>).toString()}`

    const attempt: Effect.Effect<ApiResponse, AttemptFailure> = Effect.flatMap(
      settings.authorization,
      (authorization) => {
        let httpRequest = HttpClientRequest.make(request.method)(url, {
          headers: { ...settings.headers, authorization: Redacted.value(authorization) }
        })
        if (request.body !== undefined) {
          httpRequest = HttpClientRequest.setBody(
            httpRequest,
            HttpBody.text(JSON.stringify(request.body), "application/json")
          )
        }
        return client.execute(httpRequest).pipe(
          Effect.flatMap((response) =>
            Effect.map(response.text, (text) => ({ status: response.status, headers: response.headers, text }))
          ),
          Effect.scoped,
          Effect.mapError((error): AttemptFailure => ({
            error: transportError(request.method, url, error),
            retryAfter: Option.none()
          })),
          Effect.timeoutFail({
            duration: settings.timeout,
            onTimeout: (): AttemptFailure => ({
              error: new TransportError({
                reason: "Timeout",
                method: request.method,
                url,
                message: `request timed out after ${Duration.format(settings.timeout)}: ${request.method} ${url}`
              }),
              retryAfter: Option.none()
            })
          }),
          Effect.flatMap(({ headers, status, text }) => {
            let body: unknown
            try {
              body = text === "" ? {} : JSON.parse(text)
            } catch {
              body = undefined
            }
            if (status >= 200 && status < 300) {
              return body === undefined
                ? Effect.fail<AttemptFailure>({
                  error: new UnexpectedResponseError({ statusCode: status, message: `status ${status}: body is not JSON` }),
                  retryAfter: Option.none()
                })
                : Effect.succeed({ status, body })
            }
            const retryAfter = parseRetryAfter(headers["retry-after"], Date.now())
            const parsed = decodeErrorBody(body)
            if (Option.isSome(parsed)) {
              const e = parsed.value
              return Effect.fail<AttemptFailure>({
                error: new StytchApiError({
                  statusCode: e.status_code ?? status,
                  requestID: e.request_id,
                  errorType: e.error_type,
                  errorMessage: e.error_message,
                  ...(e.error_url === undefined ? {} : { errorURL: e.error_url })
                }),
                retryAfter
              })
            }
            const requestID = requestIdOf(body)
            return Effect.fail<AttemptFailure>({
              error: new UnexpectedResponseError({
                statusCode: status,
                ...(requestID === undefined ? {} : { requestID }),
                message: `status ${status} without a Stytch error body`
              }),
              retryAfter
            })
          })
        )
      }
    )

    const loop = (n: number): Effect.Effect<ApiResponse, ResponseError> =>
      Effect.catchAll(attempt, (failure) =>
        Effect.flatMap(policy, (p) =>
          Effect.flatMap(
            p.decide({ method: request.method, attempt: n, error: failure.error, retryAfter: failure.retryAfter }),
            Option.match({
              onNone: () => Effect.fail(failure.error),
              onSome: (delay) => Effect.zipRight(Effect.sleep(delay), loop(n + 1))
            })
          )
        ))
    return loop(1)
  }
}
