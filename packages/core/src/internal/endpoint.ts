/**
 * The runtime of `Endpoint`: reading request schemas, checking path
 * parameters, and the generic operation every endpoint becomes.
 *
 * @internal
 */
import type * as HttpMethod from "@effect/platform/HttpMethod"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import type * as Fiber from "effect/Fiber"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as SchemaAST from "effect/SchemaAST"
import * as Context from "effect/Context"
import * as Tracer from "effect/Tracer"
import type { ApiRequest, ApiResponse } from "./api.js"
import * as Codec from "./codec.js"
import type { Any, Operation, Sender } from "./endpointTypes.js"
import { InvalidRequestError, type ResponseError, UnexpectedResponseError } from "../StytchError.js"
import { describeParseError } from "./parseIssue.js"
import { misspeltKeys } from "./requestKeys.js"
import { requestIdOf } from "./outcome.js"
import * as OperationSpan from "./operationSpan.js"
import { onFailure, sendInSpanOf, withParentSpan } from "./transport.js"

/**
 * The domain → wire key pairs of a struct schema's fields.
 *
 * @internal
 */
export const fieldKeys = (schema: Schema.Schema.Any): ReadonlyArray<{ readonly field: string; readonly wire: string }> => {
  // Walks the AST by tag (rather than with `SchemaAST.typeAST`, which would
  // pull the whole AST rewriter into every client bundle): the type side of a
  // struct is the struct itself, or the `to` side of its `fromKey` renames.
  let ast: SchemaAST.AST = schema.ast
  while (ast._tag === "Refinement") ast = ast.from
  const renames = new Map<PropertyKey, PropertyKey>()
  let typeSide: SchemaAST.AST = ast
  if (ast._tag === "Transformation") {
    typeSide = ast.to
    while (typeSide._tag === "Refinement") typeSide = typeSide.from
    if (ast.transformation._tag === "TypeLiteralTransformation") {
      for (const t of ast.transformation.propertySignatureTransformations) renames.set(t.to, t.from)
    }
  }
  if (typeSide._tag !== "TypeLiteral") {
    throw new Error("an endpoint's request schema must be a struct")
  }
  return typeSide.propertySignatures.map((ps) => ({
    field: String(ps.name),
    wire: String(renames.get(ps.name) ?? ps.name)
  }))
}

export const templateParams = (path: string): ReadonlyArray<string> => Array.from(path.matchAll(/\{([^}]+)\}/g), (m) => m[1]!)

export const bodyMethods = new Set<HttpMethod.HttpMethod>(["POST", "PUT", "PATCH"])

/**
 * The error for an empty or dot-segment path parameter, if it is one.
 *
 * @internal
 */
export const checkPathParam = (field: string, value: unknown): InvalidRequestError | undefined => {
  if (typeof value !== "string" || value.trim() === "") {
    return new InvalidRequestError({ kind: "MissingPathParameter", field, message: `${field} cannot be empty` })
  }
  if (value === "." || value === "..") {
    return new InvalidRequestError({ kind: "InvalidPathParameter", field, message: `${field} must not be "." or ".."` })
  }
  if (!wellFormed(value)) {
    return new InvalidRequestError({ kind: "InvalidPathParameter", field, message: notWellFormed(field) })
  }
  return undefined
}

/** A lone UTF-16 surrogate (e.g. a string cut in the middle of an emoji) cannot be percent-encoded. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** @internal */
export const wellFormed = (value: string): boolean => !loneSurrogate.test(value)

const notWellFormed = (field: string) =>
  `${field} is not well-formed Unicode (it contains a lone surrogate, e.g. a string cut in the middle of an emoji)`

/**
 * The path (`a.b.0`) of the first number in a JSON value that is not finite
 * (`NaN`, `Infinity`), which `JSON.stringify` would silently send as `null`.
 *
 * @internal
 */
export const nonFinitePath = (value: unknown, path = ""): string | undefined => {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : path
  if (typeof value !== "object" || value === null) return undefined
  // The own enumerable keys, as `Object.entries` reads them, without its array of pairs per object on every call.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    const found = nonFinitePath((value as Record<string, unknown>)[key], path === "" ? key : `${path}.${key}`)
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * The line that called the function calling this one, read lazily: the
 * operation span's stack trace. Taken once, where the operation is defined
 * (`Secrets.ts: export const get = …`); capturing every call site, as
 * `Effect.fn` does, costs an `Error` per call.
 */
const V8Error = Error as { stackTraceLimit?: number | undefined }
const callerLine = (): (() => string | undefined) => {
  const limit = V8Error.stackTraceLimit
  V8Error.stackTraceLimit = 3
  const error = new Error()
  V8Error.stackTraceLimit = limit
  let line: string | undefined
  return () => (line ??= error.stack?.split("\n")[3]?.trim())
}

/**
 * The typed function an endpoint becomes. All per-endpoint plumbing — path
 * checks, URL building, encoding, decoding, error mapping, the span —
 * happens here, once for every endpoint.
 *
 * Everything that can be is prepared once, when the operation is defined
 * (schema parsers, path segments, span options); a call does the checks and
 * the encoding synchronously and runs one span around one `send`.
 *
 * @internal
 */
export const make = <E extends Any>(endpoint: E): Operation<E> => {
  const encode = endpoint.request === undefined ? undefined : Schema.encodeEither(endpoint.request)
  const encodeAsync = endpoint.request === undefined ? undefined : Schema.encode(endpoint.request)
  const decode = Schema.decodeUnknownEither(endpoint.response)
  const decodeAsync = Schema.decodeUnknown(endpoint.response)
  // The compiled fast paths (same values as Schema's on success; a miss runs Schema's parser).
  const fastEncode = endpoint.request === undefined ? undefined : Codec.compile(endpoint.request.ast, false)
  const fastDecode = Codec.compile(endpoint.response.ast, true)
  const segments = endpoint.path.split(/\{([^}]+)\}/)
  const spanName = `stytch.${endpoint.group}.${endpoint.name}`
  const spanOptions: OperationSpan.Options = {
    kind: "client",
    attributes: { "http.request.method": endpoint.method, "url.template": endpoint.path },
    captureStackTrace: callerLine()
  }
  const label = `${endpoint.group}.${endpoint.name}`
  const service = endpoint.service as Context.Tag<unknown, Sender>
  const anonymous = endpoint.anonymous ? { anonymous: true } : {}
  const withoutInput: ApiRequest = {
    method: endpoint.method,
    path: endpoint.path,
    query: [],
    body: endpoint.hasBody ? {} : undefined,
    ...anonymous
  }

  const pathFields = new Set(endpoint.pathParams.map((p) => p.field))
  const invalidBody = (error: ParseResult.ParseError) => {
    const { message, path } = describeParseError(error, true)
    // A path parameter that does not encode (an unknown enum value) is a bad path parameter.
    return new InvalidRequestError({ kind: pathFields.has(path) ? "InvalidPathParameter" : "Body", field: path, message })
  }

  /** Splits the encoded request into path, query and body, or rejects what cannot be sent faithfully. */
  const queryFields = new Map(
    endpoint.request === undefined ? [] : fieldKeys(endpoint.request).map((k) => [k.wire, k.field] as const)
  )
  const fromWire = (wire: Record<string, unknown>): ApiRequest | InvalidRequestError => {
    let path = ""
    for (let i = 0; i < segments.length; i++) {
      path += i % 2 === 0 ? segments[i] : encodeURIComponent(wire[segments[i]!] as string)
    }
    const query: Array<readonly [string, string]> = []
    for (const key of endpoint.query) {
      const value = wire[key]
      if (value === undefined) continue
      const text = String(value)
      if (!wellFormed(text)) {
        const field = queryFields.get(key) ?? key
        return new InvalidRequestError({ kind: "Body", field, message: notWellFormed(field) })
      }
      query.push([key, text])
    }
    let body: Record<string, unknown> | undefined
    if (endpoint.hasBody) {
      body = {}
      for (const key of endpoint.bodyKeys) if (wire[key] !== undefined) body[key] = wire[key]
    }
    return endpoint.anonymous
      ? { method: endpoint.method, path, query, body, anonymous: true }
      : { method: endpoint.method, path, query, body }
  }

  const split = (wire: unknown): Exit.Exit<ApiRequest, InvalidRequestError> => {
    const request = fromWire(wire as Record<string, unknown>)
    return request instanceof InvalidRequestError ? Exit.fail(request) : Exit.succeed(request)
  }

  const misspelt = endpoint.request === undefined ? undefined : misspeltKeys(endpoint.request.ast)
  /** A key spelt like a field it is not (`project_slug` for `projectSlug`): schemas would silently drop it. */
  const misspeltKey = (input: unknown): InvalidRequestError | undefined => {
    const found = misspelt?.(input)
    if (found === undefined) return undefined
    return new InvalidRequestError({
      kind: pathFields.has(found.field) ? "MissingPathParameter" : "Body",
      field: found.field,
      message: `${found.key}: no such field; did you mean ${found.name}?`
    })
  }

  const toRequest = (input: unknown, span: Tracer.Span): Effect.Effect<ApiRequest, InvalidRequestError> => {
    if (encode === undefined || encodeAsync === undefined) return Exit.succeed(withoutInput)
    const misspeltError = misspeltKey(input)
    if (misspeltError !== undefined) return Exit.fail(misspeltError)
    for (const p of endpoint.pathParams) {
      const invalid = checkPathParam(p.field, (input as Record<string, unknown> | undefined)?.[p.field])
      if (invalid !== undefined) return Exit.fail(invalid)
    }
    const nonFinite = nonFinitePath(input)
    if (nonFinite !== undefined) {
      return Exit.fail(
        new InvalidRequestError({
          kind: "Body",
          field: nonFinite,
          message: `${nonFinite}: expected a finite number (NaN and Infinity cannot be sent as JSON)`
        })
      )
    }
    const fast = fastEncode === undefined ? Codec.miss : fastEncode(input)
    if (fast !== Codec.miss) return split(fast)
    const wire = encode(input)
    if (Either.isRight(wire)) return split(wire.right)
    // A schema with asynchronous transformations cannot encode synchronously: take the effectful path.
    if (wire.left.issue._tag === "Forbidden") {
      return withParentSpan(Effect.flatMap(Effect.mapError(encodeAsync(input), invalidBody), split), span)
    }
    return Exit.fail(invalidBody(wire.left))
  }

  const fromResponse = (response: ApiResponse, span: Tracer.Span): Effect.Effect<unknown, UnexpectedResponseError> => {
    const body = response.body
    const requestID = requestIdOf(body)
    span.attribute("http.response.status_code", response.status)
    if (requestID !== undefined) span.attribute("stytch.request_id", requestID)
    // A success body without `status_code` gets the HTTP status (anything that is not an object fails to decode).
    const input = typeof body === "object" && body !== null && !Array.isArray(body) &&
        typeof (body as { status_code?: unknown }).status_code !== "number"
      ? { ...body, status_code: response.status }
      : body
    const unexpected = (error: ParseResult.ParseError) => {
      const failure = new UnexpectedResponseError({
        statusCode: response.status,
        ...(requestID === undefined ? {} : { requestID }),
        message: `response of ${label} did not decode: ${describeParseError(error).message}`
      })
      annotateError(span, failure)
      return failure
    }
    const fast = fastDecode === undefined ? Codec.miss : fastDecode(input)
    if (fast !== Codec.miss) return Exit.succeed(fast)
    const decoded = decode(input)
    if (Either.isRight(decoded)) return Exit.succeed(decoded.right)
    if (decoded.left.issue._tag === "Forbidden") return withParentSpan(Effect.mapError(decodeAsync(input), unexpected), span)
    return Exit.fail(unexpected(decoded.left))
  }

  const annotateError = (span: Tracer.Span, error: ResponseError | InvalidRequestError) => {
    if ("statusCode" in error) span.attribute("http.response.status_code", error.statusCode)
    if ("requestID" in error && error.requestID !== undefined) span.attribute("stytch.request_id", error.requestID)
    span.attribute("error.type", error._tag)
  }

  const failed = (error: ResponseError, span: Tracer.Span) => {
    annotateError(span, error)
    return withParentSpan(Effect.fail(error), span)
  }

  /**
   * The operation's span is the parent of what runs inside the call that is
   * not plain synchronous code: the send (see `sendInSpanOf`), an
   * asynchronous encode or decode, and the failure (which records the span
   * for `Cause.pretty`). Each sets it where it runs: replacing the fiber's
   * context for the whole call costs more than the rest of our own work.
   */
  const run = (
    input: unknown,
    span: Tracer.Span,
    fiber: Fiber.RuntimeFiber<unknown, unknown>
  ): Effect.Effect<unknown, ResponseError | InvalidRequestError> => {
    // Checked and encoded synchronously (an `Exit`) unless the schema is asynchronous.
    const request = toRequest(input, span)
    if (!Exit.isExit(request)) {
      return Effect.matchCauseEffect(request, { onFailure: rejected(span), onSuccess: (request) => exchange(request, span, fiber) })
    }
    const exit = request as Exit.Exit<ApiRequest, InvalidRequestError>
    return Exit.isSuccess(exit) ? exchange(exit.value, span, fiber) : rejected(span)(exit.cause)
  }

  /** A request rejected before it is sent: the span names the error, as for any other failure (made on failure only). */
  const rejected = (span: Tracer.Span) =>
    onFailure((error: InvalidRequestError) => {
      annotateError(span, error)
      return Exit.fail(error)
    })

  /**
   * The send and the decode: `matchEffect`'s semantics with one frame, and
   * no closures made for the failure side until it fails.
   */
  const exchange = (request: ApiRequest, span: Tracer.Span, fiber: Fiber.RuntimeFiber<unknown, unknown>) =>
    Effect.matchCauseEffect(sendInSpanOf(Context.unsafeGet(fiber.currentContext, service).send)(request, span, fiber), {
      onFailure: (cause) => onFailure((error: ResponseError) => failed(error, span))(cause),
      onSuccess: (response) => fromResponse(response, span)
    })

  const inSpan = OperationSpan.make(spanName, spanOptions)
  const call = (input?: unknown) => inSpan((span, fiber) => run(input, span, fiber))
  return call as unknown as Operation<E>
}
