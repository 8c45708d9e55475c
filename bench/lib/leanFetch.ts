/**
 * DIAGNOSTIC ONLY — not part of the SDK. A minimal `fetch`-based
 * `HttpClient` built with `HttpClient.makeWith`: one `fetch`, the body read
 * as text in the same promise chain, one async boundary, no per-request span,
 * URL re-parse, FinalizationRegistry or cached-body machinery. Interruption
 * aborts the fetch (through `Effect.async`'s signal).
 *
 * The loopback section runs `Secrets.get` over it next to the default
 * `FetchHttpClient`, to measure how much of the remaining gap to raw fetch
 * is `FetchHttpClient` (see bench/README.md).
 */
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as IncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as Effect from "effect/Effect"
import * as Inspectable from "effect/Inspectable"
import * as Option from "effect/Option"

/** A response whose body has already been read as text. */
class TextResponse extends Inspectable.Class implements HttpClientResponse.HttpClientResponse {
  readonly [HttpClientResponse.TypeId]: HttpClientResponse.TypeId = HttpClientResponse.TypeId
  readonly [IncomingMessage.TypeId]: IncomingMessage.TypeId = IncomingMessage.TypeId
  #web: HttpClientResponse.HttpClientResponse | undefined

  constructor(
    readonly request: HttpClientRequest.HttpClientRequest,
    private readonly source: Response,
    private readonly body: string
  ) {
    super()
  }

  /** The platform's own response over a copy of the body, for the rarely used accessors. */
  private get web(): HttpClientResponse.HttpClientResponse {
    return this.#web ??= HttpClientResponse.fromWeb(
      this.request,
      new Response(this.body, { status: this.source.status, headers: this.source.headers })
    )
  }

  get status() {
    return this.source.status
  }
  get headers() {
    return Headers.fromInput(this.source.headers)
  }
  get cookies() {
    return this.web.cookies
  }
  get remoteAddress() {
    return Option.none()
  }
  get text() {
    return Effect.succeed(this.body)
  }
  get json() {
    return this.web.json
  }
  get formData() {
    return this.web.formData
  }
  get urlParamsBody() {
    return this.web.urlParamsBody
  }
  get arrayBuffer() {
    return this.web.arrayBuffer
  }
  get stream() {
    return this.web.stream
  }
  toJSON(): unknown {
    return { _id: "@effect/platform/HttpClientResponse", status: this.status }
  }
}

const bodyInit = (request: HttpClientRequest.HttpClientRequest): BodyInit | null => {
  switch (request.body._tag) {
    case "Raw":
      return request.body.body as BodyInit
    case "Uint8Array":
      return request.body.body as Uint8Array<ArrayBuffer>
    case "FormData":
      return request.body.formData
    default:
      return null
  }
}

const send = (request: HttpClientRequest.HttpClientRequest) =>
  Effect.async<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError>((resume, signal) => {
    const fail = (cause: unknown) =>
      resume(Effect.fail(new HttpClientError.RequestError({ request, reason: "Transport", cause })))
    const url = request.urlParams.length === 0 && Option.isNone(request.hash) ? request.url : undefined
    if (url === undefined) return fail(new Error("leanFetch: URL parameters and fragments are not supported"))
    fetch(url, { method: request.method, headers: request.headers, body: bodyInit(request), signal }).then(
      (response) => response.text().then((text) => resume(Effect.succeed(new TextResponse(request, response, text)))),
      fail
    ).catch(fail)
  })

export const leanFetch: HttpClient.HttpClient = HttpClient.makeWith(
  (request) => Effect.flatMap(request, send),
  Effect.succeed as HttpClient.HttpClient.Preprocess<never, never>
)
