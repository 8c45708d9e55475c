/**
 * The contract between `makeSend` and a transport that can send an API
 * request without `HttpClientRequest`/`HttpClientResponse` objects and
 * abort it itself (the Node transport). An `HttpClient` that carries a
 * {@link DirectSendId} property offers it; any other `HttpClient` (a user's,
 * a fake, `FetchHttpClient`) goes through `execute` and the fiber timeout.
 *
 * Nothing here imports anything platform-specific.
 *
 * @internal
 */

/** @internal */
export const DirectSendId: unique symbol = Symbol.for("@stytch-effect/core/DirectSend") as never

/** What a direct request needs; `headers` is a fresh object the transport may add to. @internal */
export interface DirectRequest {
  readonly method: string
  /** Path and query, appended to the prepared base URL (`/pwa/v3/...?a=b`). */
  readonly path: string
  readonly headers: Record<string, string>
  readonly body: string | undefined
}

/** A received response, its body read and decoded. @internal */
export interface DirectResponse {
  readonly status: number
  /** A response header by its lower-case name (the first value if repeated). */
  readonly header: (name: string) => string | undefined
  readonly text: string
}

/**
 * Sends one request and calls `callback` exactly once, unless the returned
 * abort function is called first (then never). Abort destroys the request's
 * socket (the server sees the connection closed).
 *
 * @internal
 */
export type DirectSend = (
  request: DirectRequest,
  callback: (error: unknown, response: DirectResponse | undefined) => void
) => () => void

/** Prepares a sender for one base URL (parsed once). @internal */
export type PrepareDirectSend = (baseURL: string) => DirectSend

/** The direct sender of an `HttpClient`, if it offers one. @internal */
export const directSendOf = (client: object): PrepareDirectSend | undefined =>
  (client as { readonly [DirectSendId]?: PrepareDirectSend })[DirectSendId]
