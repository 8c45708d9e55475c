/**
 * The default transport outside Node (browsers, Deno, Bun, edge runtimes):
 * `fetch` (`FetchHttpClient`). `#defaultHttpClient` (package.json
 * `imports`) resolves here for every condition but `node`; the Node build
 * resolves to `defaultHttpClient.node.ts`. Imports nothing node-only.
 *
 * @internal
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as FetchHttpClient from "../FetchHttpClient.js"
import type { Transport } from "./direct.js"
import * as FetchAttempt from "./fetchAttempt.js"

/** @internal */
export const name = "fetch"

/** @internal */
export const layer: Layer.Layer<HttpClient.HttpClient> = FetchHttpClient.layer

/**
 * What the default layers send with: the `fetch` attempt, with the `fetch`
 * and `RequestInit` of the context it is built in (as {@link layer}'s
 * client), and no `HttpClient` — its `execute` is never used by them, and
 * would be bundled.
 *
 * @internal
 */
export const transport: Effect.Effect<Transport, never, Scope.Scope> = Effect.map(
  Effect.context<never>(),
  (context) => ({ makeAttempt: FetchAttempt.make(context), readsSpan: false })
)
