/**
 * The default transport outside Node (browsers, Deno, Bun, edge runtimes):
 * `fetch` (`FetchHttpClient`). `#defaultHttpClient` (package.json
 * `imports`) resolves here for every condition but `node`; the Node build
 * resolves to `defaultHttpClient.node.ts`. Imports nothing node-only.
 *
 * @internal
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Layer from "effect/Layer"
import * as FetchHttpClient from "../FetchHttpClient.js"

/** @internal */
export const name = "fetch"

/** @internal */
export const layer: Layer.Layer<HttpClient.HttpClient> = FetchHttpClient.layer
