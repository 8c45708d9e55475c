import type { Endpoint } from "@stytch-effect/core"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { FakeError } from "./errors.js"

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

/**
 * A request's wire input for `route.decode`: the JSON body's fields (when
 * the endpoint has a body), the endpoint's query parameters present in the
 * URL, and the path parameters the route's pattern captured. @internal
 */
export const wireInput = (
  route: Route<unknown>,
  body: unknown,
  url: URL,
  params: ReadonlyArray<string>
): Record<string, unknown> => {
  const wire: Record<string, unknown> = {}
  if (route.endpoint.hasBody && typeof body === "object" && body !== null) Object.assign(wire, body)
  for (const key of route.endpoint.query) {
    const value = url.searchParams.get(key)
    if (value !== null) wire[key] = value
  }
  route.endpoint.pathParams.forEach((p, i) => {
    wire[p.wire] = params[i]
  })
  return wire
}

/**
 * Runs a route's handler (`run`) and encodes its payload as the success
 * body. Fails with the `FakeError` to answer instead: the handler's own, or
 * a 500 when the handler throws anything else or its payload does not
 * encode with the route's response schema. @internal
 */
export const answer = (route: Route<unknown>, requestID: string, run: () => object): Effect.Effect<unknown, FakeError> =>
  Effect.suspend(() => {
    let payload: object
    try {
      payload = run()
    } catch (error) {
      return Effect.fail(
        error instanceof FakeError ? error : new FakeError(500, "internal_server_error", `The fake failed: ${String(error)}`)
      )
    }
    return Effect.mapError(
      route.encode({ requestID, statusCode: 200, ...payload }),
      (error) => new FakeError(500, "internal_server_error", `The fake sent an invalid response: ${String(error)}`)
    )
  })
