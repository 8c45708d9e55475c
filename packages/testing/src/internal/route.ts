import type { Endpoint } from "@stytch-effect/core"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

/** An endpoint compiled for the fake's router: its path pattern and its request/response codecs. @internal */
export interface Route<H> {
  readonly endpoint: Endpoint.Any
  readonly handler: H
  /** The path template as a regex; each `{param}` captures one segment. */
  readonly pattern: RegExp
  readonly decode: (u: unknown) => Effect.Effect<unknown, unknown>
  readonly encode: (a: unknown) => Effect.Effect<unknown, unknown>
}

const escape = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, "\\$&")

/** Compiles one endpoint with its handler (the management and the project fake alike). @internal */
export const compileRoute = <H>(endpoint: Endpoint.Any, handler: H): Route<H> => ({
  endpoint,
  handler,
  pattern: new RegExp(`^${escape(endpoint.path).replace(/\\?\{[^}]+\\?\}/g, "([^/]+)")}$`),
  decode: endpoint.request === undefined
    ? () => Effect.void
    : Schema.decodeUnknown(endpoint.request as Schema.Schema<unknown, unknown>),
  encode: Schema.encode(endpoint.response as Schema.Schema<unknown, unknown>)
})
