/**
 * The default transport on Node: `node:http`/`node:https` with keep-alive
 * agents (`NodeHttpClient`). `#defaultHttpClient` (package.json `imports`)
 * resolves here under the `node` condition only.
 *
 * @internal
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Layer from "effect/Layer"
import * as NodeHttpClient from "../NodeHttpClient.js"

/** @internal */
export const name = "node:http"

/** @internal */
export const layer: Layer.Layer<HttpClient.HttpClient> = NodeHttpClient.layer()
