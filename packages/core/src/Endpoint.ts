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
import type * as Schema from "effect/Schema"
import { bodyMethods, fieldKeys, make as makeOperation, templateParams } from "./internal/endpoint.js"
import type { Any, Endpoint, Operation, RequestSchema, Sender, ServiceTag } from "./internal/endpointTypes.js"
import { StytchManagement } from "./StytchManagement.js"

export type {
  /**
   * What an API service must offer its endpoints: one `send` (base URL,
   * authorization, timeout, retries, error mapping). `StytchManagement` and
   * `StytchProject` are such services.
   *
   * @since 0.1.0
   * @category models
   */
  Sender,
  /**
   * The tag of an API service an endpoint is sent with: any tag whose service
   * has a {@link Sender}'s `send`.
   *
   * @since 0.1.0
   * @category models
   */
  ServiceTag,
  /**
   * A request schema: a struct (possibly with `fromKey` renames) and no context.
   *
   * @since 0.1.0
   * @category models
   */
  RequestSchema,
  /**
   * A path parameter of an endpoint: the request field that fills a `{param}` of
   * the path template, under both its names.
   *
   * @since 0.1.0
   * @category models
   */
  PathParam,
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
  Endpoint,
  /**
   * Any endpoint, whatever its request, response and service: what registries
   * (`Api.endpoints`) and generic code (the fake server, `OpenApi`) take.
   *
   * @since 0.1.0
   * @category models
   */
  Any,
  /**
   * The service an endpoint requires (`StytchManagement`, `StytchProject`).
   *
   * @since 0.1.0
   * @category models
   */
  ServiceOf
} from "./internal/endpointTypes.js"

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

export type {
  /**
   * The errors of an operation: those that need a request value can also fail
   * with `InvalidRequestError`.
   *
   * @since 0.1.0
   * @category models
   */
  Errors,
  /**
   * The function an endpoint becomes.
   *
   * @since 0.1.0
   * @category models
   */
  Operation
} from "./internal/endpointTypes.js"

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
