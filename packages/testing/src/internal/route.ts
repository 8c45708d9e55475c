import type { Endpoint } from "@stytch-effect/core"
import * as Either from "effect/Either"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { FakeError } from "./errors.js"

/** An endpoint compiled for the fake's router: its path pattern and its request/response codecs. @internal */
export interface Route<H> {
  readonly endpoint: Endpoint.Any
  readonly handler: H
  /** The path template as a regex; each `{param}` captures one segment. */
  readonly pattern: RegExp
  /** Synchronous, as the SDK's own codec: no fiber steps per request. */
  readonly decode: (u: unknown) => Either.Either<unknown, ParseResult.ParseError>
  readonly encode: (a: unknown) => Either.Either<unknown, ParseResult.ParseError>
}

const escape = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, "\\$&")

/** Compiles one endpoint with its handler (the management and the project fake alike). @internal */
export const compileRoute = <H>(endpoint: Endpoint.Any, handler: H): Route<H> => ({
  endpoint,
  handler,
  pattern: new RegExp(`^${escape(endpoint.path).replace(/\\?\{[^}]+\\?\}/g, "([^/]+)")}$`),
  decode: endpoint.request === undefined
    ? () => Either.void
    : Schema.decodeUnknownEither(endpoint.request as Schema.Schema<unknown, unknown>),
  encode: Schema.encodeEither(endpoint.response as Schema.Schema<unknown, unknown>)
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
 * body, synchronously. A `Left` is the `FakeError` to answer instead: the
 * handler's own, or a 500 when the handler throws anything else or its
 * payload does not encode with the route's response schema. @internal
 */
export const answer = (route: Route<unknown>, requestID: string, run: () => object): Either.Either<unknown, FakeError> => {
  let payload: object
  try {
    payload = run()
  } catch (error) {
    return Either.left(
      error instanceof FakeError ? error : new FakeError(500, "internal_server_error", `The fake failed: ${String(error)}`)
    )
  }
  return Either.mapLeft(
    route.encode({ requestID, statusCode: 200, ...payload }),
    (error) => new FakeError(500, "internal_server_error", `The fake sent an invalid response: ${String(error)}`)
  )
}
