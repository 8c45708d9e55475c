/**
 * The attempt over any `HttpClient` the SDK does not drive itself (a
 * user's, the fake's, `@effect/platform`'s `FetchHttpClient`): a
 * {@link DirectSend} run by the same `directAttempt.make` as the SDK's own
 * transports, so the timer, interruption and classification are shared.
 * `execute` runs in a fiber of its own — a client we do not control is
 * stopped by interrupting it — started at once on the calling fiber's refs
 * and context (the operation's span as parent), with the client's own span
 * and trace headers off and `fetch`'s redirects off. The body is read by
 * the SDK ({@link readWebBody}): a web body as it is, any other through a
 * web stream of the response's `stream`.
 *
 * @internal
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import type * as HttpMethod from "@effect/platform/HttpMethod"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as FiberId from "effect/FiberId"
import * as FiberRefs from "effect/FiberRefs"
import { constTrue } from "effect/Function"
import { globalValue } from "effect/GlobalValue"
import * as Option from "effect/Option"
import * as Runtime from "effect/Runtime"
import * as Stream from "effect/Stream"
import { directAttemptOf, type MakeDirectAttempt, type Transport } from "./direct.js"
import { ClientCause, type DirectResponse, type DirectSend, make as makeAttempt } from "./directAttempt.js"
import { readWebBody } from "./webBody.js"

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
 * `context` with `fetch` (`FetchHttpClient`) told not to follow redirects.
 * `fetch` follows them by default, re-sending the request — custom headers
 * included — to wherever the server points. The API never redirects: its
 * requests run with `redirect: "manual"` (kept as `"error"` if the caller
 * chose that), so a 3xx comes back as a response, which the SDK refuses.
 */
const withoutRedirects = (context: Context.Context<never>): Context.Context<never> => {
  const init = Context.getOrElse(context, FetchHttpClient.RequestInit, () => undefined)
  return init?.redirect === "manual" || init?.redirect === "error"
    ? context
    : Context.add(context, FetchHttpClient.RequestInit, { ...init, redirect: "manual" })
}

/** A forked fiber's refs with the client's own span turned off. */
const tracerDisabled = (refs: FiberRefs.FiberRefs, fiberId: FiberId.Runtime): FiberRefs.FiberRefs =>
  FiberRefs.updateAs(refs, { fiberId, fiberRef: HttpClient.currentTracerDisabledWhen, value: constTrue })

/** What a failed `execute` hands to the attempt: its cause, which names the network error. */
const causeOf = (error: HttpClientError.HttpClientError): unknown =>
  error.cause ?? { name: error._tag, message: error.reason }

/** The attempt over `httpClient`. @internal */
export const make = (httpClient: HttpClient.HttpClient): MakeDirectAttempt => (settings) => {
  const { baseURL, maxResponseBytes: limit } = settings
  const send: DirectSend = (method, pathAndQuery, headers, body, callback, fiber) => {
    // Per call: the caller's context carries the operation's span, so it is new each time.
    const runtime = Runtime.make({
      context: withoutRedirects(fiber.currentContext),
      fiberRefs: fiber.getFiberRefs(),
      runtimeFlags: Runtime.defaultRuntimeFlags
    })
    let request = HttpClientRequest.make(method as HttpMethod.HttpMethod)(baseURL + pathAndQuery, { headers })
    if (body !== undefined) request = HttpClientRequest.bodyText(request, body, "application/json")
    let cancelBody: (() => void) | undefined
    // Run by a fiber of its own, started with the client's own span turned off (set in its refs as it is
    // forked: no step of its own, not restored).
    const child = Runtime.runFork(runtime)(httpClient.execute(request), { updateRefs: tracerDisabled })
    child.addObserver((exit) => {
      if (Exit.isFailure(exit)) {
        // A failure is the network error; anything else (a defect, an interruption) is kept as it is.
        // After `abort` the attempt has ended, and ignores this.
        const failure = Cause.failureOption(exit.cause)
        return callback(
          Option.isSome(failure) ? causeOf(failure.value) : new ClientCause(exit.cause as Cause.Cause<never>),
          undefined
        )
      }
      const response = exit.value
      const web = webResponseOf(response)
      // Read once: each read of an `HttpClientResponse`'s headers may convert them.
      const responseHeaders = web === undefined ? response.headers : undefined
      const header = (name: string) =>
        responseHeaders === undefined ? web!.headers.get(name) ?? undefined : responseHeaders[name]
      const stream = web === undefined ? Stream.toReadableStreamRuntime(response.stream, runtime) : web.body
      const status = response.status
      if (stream === null) return callback(undefined, { status, header, text: "" })
      const length = header("content-length")
      cancelBody = readWebBody(stream, length === undefined ? NaN : Number(length), limit, status, (error, text) =>
        callback(
          error instanceof HttpClientError.ResponseError ? causeOf(error) : error,
          text === undefined ? undefined : ({ status, header, text } satisfies DirectResponse)
        ))
    })
    return () => {
      cancelBody?.()
      child.unsafeInterruptAsFork(fiber.id())
    }
  }
  return makeAttempt(send, settings)
}

/**
 * What a service over the `HttpClient` in context sends with (the services'
 * `make`, as `#defaultHttpClient`'s `transport` is for their default
 * layers): the client's own attempt if it is one of the SDK's transports,
 * else {@link make}'s over its `execute`.
 *
 * @internal
 */
export const transport: Effect.Effect<Transport, never, HttpClient.HttpClient> = Effect.map(
  HttpClient.HttpClient,
  (httpClient) => {
    const direct = directAttemptOf(httpClient)
    return direct === undefined
      ? { makeAttempt: make(httpClient), readsSpan: true }
      : { makeAttempt: direct, readsSpan: false }
  }
)
