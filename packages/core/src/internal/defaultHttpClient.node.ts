/**
 * The default transport on Node: `node:http`/`node:https` with keep-alive
 * agents (`NodeHttpClient`). `#defaultHttpClient` (package.json `imports`)
 * resolves here under the `node` condition only.
 *
 * @internal
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as NodeHttpClient from "../NodeHttpClient.js"
import { directAttemptOf, type Transport } from "./direct.js"

/** @internal */
export const name = "node:http"

/** @internal */
export const layer: Layer.Layer<HttpClient.HttpClient> = NodeHttpClient.layer()

/**
 * What the default layers send with: the Node client's own attempt (its
 * agents destroyed when the scope closes).
 *
 * @internal
 */
export const transport: Effect.Effect<Transport, never, Scope.Scope> = Effect.map(
  NodeHttpClient.make(),
  // The Node client always offers its direct attempt.
  (client) => ({ makeAttempt: directAttemptOf(client)!, readsSpan: false })
)
