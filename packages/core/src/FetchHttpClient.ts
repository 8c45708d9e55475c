/**
 * An `HttpClient` over the runtime's `fetch`: the default transport of
 * `StytchManagement.layer` off Node (browsers, Deno, Bun, Cloudflare
 * Workers and other edge runtimes). Supply it on Node to use `fetch` there
 * too (for instance with undici's `ProxyAgent` as the global dispatcher).
 *
 * It is `@effect/platform`'s `FetchHttpClient` — any code that takes the
 * `HttpClient` from context gets exactly that client — which the SDK drives
 * directly for its own requests: the request goes to `fetch` as a plain
 * `RequestInit`, without an `HttpClientRequest`, a response wrapper or a
 * fiber for the timeout (the way the Node transport runs). Supplying
 * `@effect/platform`'s `FetchHttpClient.layer` instead works too, through
 * the general path every supplied client takes (slower; see bench/README.md).
 *
 * ```ts
 * import * as FetchHttpClient from "@stytch-effect/core/FetchHttpClient"
 *
 * const live = StytchManagement.layerWithHttpClient(options).pipe(Layer.provide(FetchHttpClient.layer))
 * ```
 *
 * What it does, and does not:
 * - `fetch` and its options are `@effect/platform`'s `FetchHttpClient.Fetch`
 *   and `FetchHttpClient.RequestInit` services when present (the calling
 *   fiber's, else those the layer was built with), else `globalThis.fetch`.
 * - Never follows a redirect (`redirect: "manual"`, or `"error"` if your
 *   `RequestInit` says so): the SDK refuses a 3xx, and nothing is sent to
 *   its target.
 * - The response body is bounded (`maxResponseSize`: an uncompressed body
 *   by its declared length, any other counted as the decoded bytes arrive,
 *   so compressed and chunked bodies too): past it the body is cancelled,
 *   which closes the connection, and the call fails with
 *   `UnexpectedResponseError`.
 * - Interruption and the SDK's per-attempt timeout abort the request
 *   (`AbortSignal`).
 * - There is no HTTP client span: the operation's span
 *   (`stytch.<group>.<operation>`) is the call's one client span, as with
 *   every transport.
 *
 * @since 0.1.0
 */
import * as PlatformFetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { DirectAttemptId } from "./internal/direct.js"
import * as FetchAttempt from "./internal/fetchAttempt.js"

/**
 * The `fetch` transport as a layer (no options: configure `fetch` through
 * `@effect/platform`'s `FetchHttpClient.Fetch` and `FetchHttpClient.RequestInit`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<HttpClient.HttpClient> = Layer.effect(
  HttpClient.HttpClient,
  Effect.flatMap(Effect.context<never>(), (context) =>
    Effect.map(HttpClient.HttpClient, (client) =>
      // The platform's layer builds a client object of its own each time: ours to extend.
      Object.assign(client, { [DirectAttemptId]: FetchAttempt.make(context) })))
).pipe(Layer.provide(PlatformFetchHttpClient.layer))
