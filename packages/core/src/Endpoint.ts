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
 * An endpoint names the API service it is sent with: the Management API's
 * `StytchManagement` by default, or any other service tag whose value has a
 * `send` (the project API's `StytchProject`), given to {@link group}. Every
 * service gets the same pipeline: checks, escaping, encoding, decoding,
 * typed errors, retries and the span.
 *
 * @since 0.1.0
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- service tags are invariant in their shape; `any` erases it where only `send` is used */
import type * as HttpMethod from "@effect/platform/HttpMethod"
import type * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"
import { bodyMethods, fieldKeys, make as makeOperation, templateParams } from "./internal/endpoint.js"
import type { ResponseError, StytchError } from "./StytchError.js"
import { type ApiRequest, type ApiResponse, StytchManagement } from "./StytchManagement.js"

/**
 * What an API service must offer its endpoints: one `send` (base URL,
 * authorization, timeout, retries, error mapping). `StytchManagement` and
 * `StytchProject` are such services.
 *
 * @since 0.1.0
 * @category models
 */
export interface Sender {
  readonly send: (request: ApiRequest) => Effect.Effect<ApiResponse, ResponseError>
}

/**
 * The tag of an API service an endpoint is sent with: any tag whose service
 * has a {@link Sender}'s `send`.
 *
 * @since 0.1.0
 * @category models
 */
export type ServiceTag<Id, Shape extends Sender = Sender> = Context.Tag<Id, Shape>

/**
 * A request schema: a struct (possibly with `fromKey` renames) and no context.
 *
 * @since 0.1.0
 * @category models
 */
export type RequestSchema = Schema.Schema.AnyNoContext

/**
 * A path parameter of an endpoint: the request field that fills a `{param}` of
 * the path template, under both its names.
 *
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
 * A defined endpoint: its {@link Spec} plus what is derived from it (the API
 * service it is sent with, its path parameters, body keys and whether it has
 * a body). Made by {@link make} or {@link group}; {@link operation} turns it
 * into the function users call, and the fake server and the OpenAPI document
 * read it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Endpoint<
  Request extends RequestSchema | undefined = RequestSchema | undefined,
  Response extends Schema.Schema.AnyNoContext = Schema.Schema.AnyNoContext,
  Service = StytchManagement
> {
  /** The resource group (`projects`); spans are named `stytch.<group>.<name>`. */
  readonly group: string
  /** The API service the endpoint is sent with (default `StytchManagement`). */
  readonly service: ServiceTag<Service, any>
  /** Sent without the service's credentials (a public endpoint, e.g. an OAuth token endpoint). */
  readonly anonymous: boolean
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
 * Any endpoint, whatever its request, response and service: what registries
 * (`Api.endpoints`) and generic code (the fake server, `OpenApi`) take.
 *
 * @since 0.1.0
 * @category models
 */
export type Any = Endpoint<RequestSchema | undefined, Schema.Schema.AnyNoContext, any>

/**
 * The service an endpoint requires (`StytchManagement`, `StytchProject`).
 *
 * @since 0.1.0
 * @category models
 */
export type ServiceOf<E extends Any> = E extends Endpoint<any, any, infer S> ? S : never

/**
 * What describes one endpoint of a group.
 *
 * @since 0.1.0
 * @category models
 */
export interface Spec<
  Request extends RequestSchema | undefined = RequestSchema | undefined,
  Response extends Schema.Schema.AnyNoContext = Schema.Schema.AnyNoContext
> {
  readonly method: HttpMethod.HttpMethod
  /** The path template with the API's wire names: `/pwa/v3/projects/{project_slug}`. */
  readonly path: `/${string}`
  /** Path, query and body fields together, with their wire names; `undefined` for none. */
  readonly request: Request
  readonly response: Response
  /** Wire keys of request fields sent in the query string. */
  readonly query?: ReadonlyArray<string>
  readonly description: string
  /** Send without the service's credentials (no `Authorization` header). Default `false`. */
  readonly anonymous?: boolean | undefined
}

/**
 * Options of a group.
 *
 * @since 0.1.0
 * @category models
 */
export interface GroupOptions<Service, Shape extends Sender = Sender> {
  /** The API service the group's endpoints are sent with. Default `StytchManagement`. */
  readonly service?: ServiceTag<Service, Shape> | undefined
}

/**
 * Defines an endpoint. Throws at definition time (a programming error) when
 * a `{param}` of the path or a `query` key has no request field.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <
  const Request extends RequestSchema | undefined,
  const Response extends Schema.Schema.AnyNoContext,
  Service = StytchManagement,
  Shape extends Sender = Sender
>(
  spec: Spec<Request, Response> & {
    readonly group: string
    readonly name: string
    readonly service?: ServiceTag<Service, Shape> | undefined
  }
): Endpoint<Request, Response, Service> => {
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
  const service = (spec.service ?? StytchManagement) as unknown as ServiceTag<Service, any>
  return { ...spec, service, anonymous: spec.anonymous === true, query, pathParams, bodyKeys, hasBody }
}

/**
 * Defines the endpoints of a resource group, named by their keys:
 *
 * ```ts
 * export const endpoints = Endpoint.group("secrets", {
 *   get: { method: "GET", path: "/pwa/v3/…/secrets/{secret_id}", request: GetRequest, response: GetResponse, description: "…" }
 * })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const group = <
  const Specs extends Readonly<Record<string, Spec>>,
  Service = StytchManagement,
  Shape extends Sender = Sender
>(
  group: string,
  specs: Specs,
  options?: GroupOptions<Service, Shape>
): { readonly [Name in keyof Specs]: Endpoint<Specs[Name]["request"], Specs[Name]["response"], Service> } =>
  Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, make({ ...spec, group, name, service: options?.service })])
  ) as { readonly [Name in keyof Specs]: Endpoint<Specs[Name]["request"], Specs[Name]["response"], Service> }

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
    ServiceOf<E>
  >
  : () => Effect.Effect<Schema.Schema.Type<E["response"]>, Errors<E>, ServiceOf<E>>

/**
 * Turns an endpoint into the typed function users call:
 * `Effect<Response, <its errors>, <its service>>` (`StytchManagement` unless
 * the group names another). Path parameters are
 * checked (empty, blank, `.`/`..` → `InvalidRequestError`, nothing sent) and
 * percent-encoded, the request is encoded to its wire form and split into
 * path, query and body, the response is decoded, and the call runs in the
 * span `stytch.<group>.<name>`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const operation: <E extends Any>(endpoint: E) => Operation<E> = makeOperation
