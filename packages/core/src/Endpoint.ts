/**
 * One way to define an endpoint. Each endpoint is described once — method,
 * path template, request schema (path, query and body fields together, with
 * their wire names) and response schema — and from that one description come
 * the typed operation ({@link operation}), the fake server's route and the
 * OpenAPI document.
 *
 * Splitting a request on the wire is generic: a field whose wire key appears
 * as `{key}` in the path is a path parameter (checked non-empty, then
 * percent-encoded), a field listed in `query` travels in the query string
 * (its encoded form must be a string), and every other field is the JSON body
 * (sent for POST, PUT and PATCH, `{}` when empty).
 *
 * @since 0.1.0
 */
import type * as HttpMethod from "@effect/platform/HttpMethod"
import { Effect, ParseResult, Schema, SchemaAST } from "effect"
import { InvalidRequestError, type ResponseError, type StytchError, UnexpectedResponseError } from "./StytchError.js"
import { type ApiRequest, StytchManagement } from "./StytchManagement.js"

/**
 * A request schema: a struct (possibly with `fromKey` renames) and no context.
 *
 * @since 0.1.0
 * @category models
 */
export type RequestSchema = Schema.Schema.AnyNoContext

/**
 * @since 0.1.0
 * @category models
 */
export interface PathParam {
  /** The request field, as callers spell it (`projectSlug`). */
  readonly field: string
  /** The name in the path template (`project_slug`). */
  readonly wire: string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Endpoint<
  Request extends RequestSchema | undefined = RequestSchema | undefined,
  Response extends Schema.Schema.AnyNoContext = Schema.Schema.AnyNoContext
> {
  /** The resource group (`projects`); spans are named `stytch.<group>.<name>`. */
  readonly group: string
  readonly name: string
  readonly method: HttpMethod.HttpMethod
  /** The path template with wire names: `/pwa/v3/projects/{project_slug}`. */
  readonly path: string
  /** Wire keys of request fields sent in the query string. */
  readonly query: ReadonlyArray<string>
  readonly request: Request
  readonly response: Response
  readonly description: string
  /** Derived from `path` and `request`. */
  readonly pathParams: ReadonlyArray<PathParam>
  /** Wire keys of the body fields (everything not in the path or query). */
  readonly bodyKeys: ReadonlyArray<string>
  /** Whether a JSON body is sent (POST, PUT, PATCH). */
  readonly hasBody: boolean
}

/**
 * @since 0.1.0
 * @category models
 */
export type Any = Endpoint<RequestSchema | undefined, Schema.Schema.AnyNoContext>

/**
 * The domain → wire key pairs of a struct schema's fields.
 *
 * @since 0.1.0
 * @category utils
 */
export const fieldKeys = (schema: Schema.Schema.Any): ReadonlyArray<{ readonly field: string; readonly wire: string }> => {
  const ast = schema.ast
  const typeSide = SchemaAST.typeAST(ast)
  if (!SchemaAST.isTypeLiteral(typeSide)) {
    throw new Error("an endpoint's request schema must be a struct")
  }
  const renames = new Map<PropertyKey, PropertyKey>()
  if (SchemaAST.isTransformation(ast) && SchemaAST.isTypeLiteralTransformation(ast.transformation)) {
    for (const t of ast.transformation.propertySignatureTransformations) renames.set(t.to, t.from)
  }
  return typeSide.propertySignatures.map((ps) => ({
    field: String(ps.name),
    wire: String(renames.get(ps.name) ?? ps.name)
  }))
}

const templateParams = (path: string): ReadonlyArray<string> => Array.from(path.matchAll(/\{([^}]+)\}/g), (m) => m[1]!)

const bodyMethods = new Set<HttpMethod.HttpMethod>(["POST", "PUT", "PATCH"])

/**
 * Defines an endpoint. Throws at definition time (a programming error) when
 * a `{param}` of the path or a `query` key has no request field.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <
  const Request extends RequestSchema | undefined,
  const Response extends Schema.Schema.AnyNoContext
>(spec: {
  readonly group: string
  readonly name: string
  readonly method: HttpMethod.HttpMethod
  readonly path: `/${string}`
  readonly request: Request
  readonly response: Response
  readonly query?: ReadonlyArray<string>
  readonly description: string
}): Endpoint<Request, Response> => {
  const keys = spec.request === undefined ? [] : fieldKeys(spec.request)
  const byWire = new Map(keys.map((k) => [k.wire, k]))
  const params = templateParams(spec.path)
  const query = spec.query ?? []
  for (const wire of [...params, ...query]) {
    if (!byWire.has(wire)) {
      throw new Error(`endpoint ${spec.group}.${spec.name}: "${wire}" has no field in the request schema`)
    }
  }
  const pathParams = params.map((wire) => byWire.get(wire)!)
  const bodyKeys = keys.map((k) => k.wire).filter((wire) => !params.includes(wire) && !query.includes(wire))
  const hasBody = bodyMethods.has(spec.method)
  if (!hasBody && bodyKeys.length > 0) {
    throw new Error(`endpoint ${spec.group}.${spec.name}: ${spec.method} cannot carry body fields ${bodyKeys.join(", ")}`)
  }
  return { ...spec, query, pathParams, bodyKeys, hasBody }
}

/**
 * The errors of an operation: those that need a request value can also fail
 * with `InvalidRequestError`.
 *
 * @since 0.1.0
 * @category models
 */
export type Errors<E extends Any> = E["request"] extends RequestSchema ? StytchError : ResponseError

/**
 * The function an endpoint becomes.
 *
 * @since 0.1.0
 * @category models
 */
export type Operation<E extends Any> = E["request"] extends RequestSchema
  ? (request: Schema.Schema.Type<E["request"]>) => Effect.Effect<
    Schema.Schema.Type<E["response"]>,
    Errors<E>,
    StytchManagement
  >
  : () => Effect.Effect<Schema.Schema.Type<E["response"]>, Errors<E>, StytchManagement>

/**
 * The error for an empty or dot-segment path parameter, if it is one.
 *
 * @since 0.1.0
 * @category utils
 */
export const checkPathParam = (field: string, value: unknown): InvalidRequestError | undefined => {
  if (typeof value !== "string" || value.trim() === "") {
    return new InvalidRequestError({ kind: "MissingPathParameter", field, message: `${field} cannot be empty` })
  }
  if (value === "." || value === "..") {
    return new InvalidRequestError({ kind: "InvalidPathParameter", field, message: `${field} must not be "." or ".."` })
  }
  return undefined
}

/**
 * A parse issue as a short message: paths and expectations, never the
 * offending values (requests and responses may carry secrets).
 *
 * @since 0.1.0
 * @category utils
 */
export const describeParseError = (error: ParseResult.ParseError): { readonly path: string; readonly message: string } => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const first = issues[0]
  const path = first === undefined ? "" : first.path.map(String).join(".")
  const message = issues
    .map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message.replace(/, actual [\s\S]*$/, "")}`)
    .join("; ")
  return { path, message }
}

/**
 * Turns an endpoint into the typed function users call. All per-endpoint
 * plumbing — path checks, URL building, encoding, decoding, error mapping,
 * the span — happens here, once for every endpoint.
 *
 * @since 0.1.0
 * @category constructors
 */
export const operation = <E extends Any>(endpoint: E): Operation<E> => {
  const encode = endpoint.request === undefined ? undefined : Schema.encode(endpoint.request)
  const decode = Schema.decodeUnknown(endpoint.response)
  const segments = endpoint.path.split(/\{([^}]+)\}/)
  const spanName = `stytch.${endpoint.group}.${endpoint.name}`

  const toRequest = (input: unknown) =>
    Effect.gen(function*() {
      if (encode === undefined) {
        return { method: endpoint.method, path: endpoint.path, query: [], body: endpoint.hasBody ? {} : undefined }
      }
      for (const p of endpoint.pathParams) {
        const invalid = checkPathParam(p.field, (input as Record<string, unknown> | undefined)?.[p.field])
        if (invalid !== undefined) return yield* invalid
      }
      const wire: Record<string, unknown> = yield* Effect.mapError(encode(input), (error) => {
        const { message, path } = describeParseError(error)
        return new InvalidRequestError({ kind: "Body", field: path, message })
      })
      let path = ""
      for (let i = 0; i < segments.length; i++) {
        path += i % 2 === 0 ? segments[i] : encodeURIComponent(wire[segments[i]!] as string)
      }
      const query: Array<readonly [string, string]> = []
      for (const key of endpoint.query) {
        const value = wire[key]
        if (value !== undefined) query.push([key, String(value)])
      }
      let body: Record<string, unknown> | undefined
      if (endpoint.hasBody) {
        body = {}
        for (const key of endpoint.bodyKeys) if (wire[key] !== undefined) body[key] = wire[key]
      }
      return { method: endpoint.method, path, query, body } satisfies ApiRequest
    })

  const run = Effect.fn(spanName, {
    kind: "client",
    attributes: { "http.request.method": endpoint.method, "url.template": endpoint.path }
  })(function*(input: unknown) {
    const request = yield* toRequest(input)
    const { send } = yield* StytchManagement
    const response = yield* send(request).pipe(
      Effect.tapError((error) =>
        Effect.annotateCurrentSpan({
          "http.response.status_code": "statusCode" in error ? error.statusCode : undefined,
          "stytch.request_id": "requestID" in error ? error.requestID : undefined,
          "error.type": error._tag
        })
      )
    )
    const body = response.body as Record<string, unknown>
    const requestID = typeof body.request_id === "string" ? body.request_id : undefined
    yield* Effect.annotateCurrentSpan({ "http.response.status_code": response.status, "stytch.request_id": requestID })
    return yield* Effect.mapError(
      decode(typeof body.status_code === "number" ? body : { ...body, status_code: response.status }),
      (error) =>
        new UnexpectedResponseError({
          statusCode: response.status,
          ...(requestID === undefined ? {} : { requestID }),
          message: `response of ${endpoint.group}.${endpoint.name} did not decode: ${describeParseError(error).message}`
        })
    )
  })
  return run as unknown as Operation<E>
}
