/**
 * The types of `Endpoint` (re-exported with their docs by `Endpoint`; here so
 * the runtime, `internal/endpoint`, needs no import of the public module).
 *
 * @internal
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- service tags are invariant in their shape; `any` erases it where only `send` is used */
import type * as HttpMethod from "@effect/platform/HttpMethod"
import type * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"
import type { ResponseError, StytchError } from "../StytchError.js"
import type { StytchManagement } from "../StytchManagement.js"
import type { ApiRequest, ApiResponse } from "./api.js"

/**
 * What an API service must offer its endpoints: one `send` (base URL,
 * authorization, timeout, retries, error mapping). `StytchManagement` and
 * `StytchProject` are such services.
 *
 * @internal
 */
export interface Sender {
  readonly send: (request: ApiRequest) => Effect.Effect<ApiResponse, ResponseError>
}

/**
 * The tag of an API service an endpoint is sent with: any tag whose service
 * has a {@link Sender}'s `send`.
 *
 * @internal
 */
export type ServiceTag<Id, Shape extends Sender = Sender> = Context.Tag<Id, Shape>

/**
 * A request schema: a struct (possibly with `fromKey` renames) and no context.
 *
 * @internal
 */
export type RequestSchema = Schema.Schema.AnyNoContext

/**
 * A path parameter of an endpoint: the request field that fills a `{param}` of
 * the path template, under both its names.
 *
 * @internal
 */
export interface PathParam {
  /** The request field, as callers spell it (`projectSlug`). */
  readonly field: string
  /** The name in the path template (`project_slug`). */
  readonly wire: string
}

/**
 * A defined endpoint: its `Spec` plus what is derived from it (the API
 * service it is sent with, its path parameters, body keys and whether it has
 * a body). Made by `Endpoint.make` or `Endpoint.group`; `Endpoint.operation`
 * turns it into the function users call, and the fake server and the OpenAPI
 * document read it.
 *
 * @internal
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
 * @internal
 */
export type Any = Endpoint<RequestSchema | undefined, Schema.Schema.AnyNoContext, any>

/**
 * The service an endpoint requires (`StytchManagement`, `StytchProject`).
 *
 * @internal
 */
export type ServiceOf<E extends Any> = E extends Endpoint<any, any, infer S> ? S : never

/**
 * The errors of an operation: those that need a request value can also fail
 * with `InvalidRequestError`.
 *
 * @internal
 */
export type Errors<E extends Any> = E["request"] extends RequestSchema ? StytchError : ResponseError

/**
 * The function an endpoint becomes.
 *
 * @internal
 */
export type Operation<E extends Any> = E["request"] extends RequestSchema
  ? (request: Schema.Schema.Type<E["request"]>) => Effect.Effect<
    Schema.Schema.Type<E["response"]>,
    Errors<E>,
    ServiceOf<E>
  >
  : () => Effect.Effect<Schema.Schema.Type<E["response"]>, Errors<E>, ServiceOf<E>>
