/**
 * The contract between `makeSend` and a transport that runs an API attempt
 * itself — without `HttpClientRequest`/`HttpClientResponse` objects and
 * without a fiber (the SDK's Node and `fetch` transports). An `HttpClient`
 * that carries a {@link DirectAttemptId} property offers it; any other
 * `HttpClient` (a user's, a fake, `@effect/platform`'s `FetchHttpClient`)
 * is sent through its `execute` by the same attempt (`clientAttempt.ts`).
 *
 * @internal
 */
import type * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import type { ApiResponse } from "./api.js"
import type { AttemptFailure, Call } from "./call.js"

/** @internal */
export const DirectAttemptId: unique symbol = Symbol.for("@stytch-effect/core/DirectAttempt") as never

/** What `makeSend` hands over once, per client. @internal */
export interface DirectSettings {
  readonly baseURL: string
  /** `undefined`: no Authorization header (public endpoints). */
  readonly authorization: Redacted.Redacted<string> | Effect.Effect<Redacted.Redacted<string>> | undefined
  /** The largest response body read, in bytes (decoded). */
  readonly maxResponseBytes: number
}

/** One attempt: send, time out, read, classify. @internal */
export type DirectAttempt = (
  method: string,
  pathAndQuery: string,
  url: string,
  json: string | undefined,
  call: Call,
  onTimeout: () => AttemptFailure
) => Effect.Effect<ApiResponse, AttemptFailure>

/** @internal */
export type MakeDirectAttempt = (settings: DirectSettings) => DirectAttempt

/**
 * What a service sends its requests with: the attempt, and whether the
 * attempt needs the operation's span as the parent of what it runs (a
 * supplied client's `execute` does; the SDK's own transports do not). The
 * default layers build one from the platform's transport directly, without
 * an `HttpClient`; the constructors over an `HttpClient` from its client
 * (`clientAttempt.transport`).
 *
 * @internal
 */
export interface Transport {
  readonly makeAttempt: MakeDirectAttempt
  readonly readsSpan: boolean
}

/** The direct attempt of an `HttpClient`, if it offers one. @internal */
export const directAttemptOf = (client: object): MakeDirectAttempt | undefined =>
  (client as { readonly [DirectAttemptId]?: MakeDirectAttempt })[DirectAttemptId]
