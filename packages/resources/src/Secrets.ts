/**
 * API secrets of an environment. The secret value is returned once, by
 * {@link create}; later reads return only its last four characters.
 *
 * @since 0.1.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as Wire from "@stytch-effect/core/Wire"
import * as Schema from "effect/Schema"
import { environmentScope, PE } from "./internal/scope.js"

/**
 * A newly created secret, with its value. Store the value: it is never
 * returned again. `secret` is a `Redacted<string>`: it prints as
 * `<redacted>` (logs, spans, errors, `JSON.stringify`); read it with
 * `Redacted.value(secret.secret)`.
 *
 * @since 0.1.0
 * @category models
 */
export class Secret extends Schema.Class<Secret>("Secret")({
  secretID: Wire.field("secret_id", Schema.String),
  secret: Schema.Redacted(Schema.String.annotations({ description: "Full secret value; returned only once, by create." })),
  createdAt: Wire.optionalField("created_at", Schema.String)
}) {}

/**
 * A secret as later reads return it: no value, only its last four characters.
 *
 * @since 0.1.0
 * @category models
 */
export class MaskedSecret extends Schema.Class<MaskedSecret>("MaskedSecret")({
  secretID: Wire.field("secret_id", Schema.String),
  lastFour: Wire.field("last_four", Schema.String),
  createdAt: Wire.optionalField("created_at", Schema.String),
  usedAt: Wire.optionalField("used_at", Schema.String)
}) {}

const CreateRequest_ = Schema.Struct(environmentScope)
/**
 * The input of {@link create}: the environment (`projectSlug`, `environmentSlug`); nothing else.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateRequest extends Schema.Schema.Type<typeof CreateRequest_> {}
/**
 * The schema of {@link CreateRequest}. {@link create} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and
 * `environmentSlug` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreateRequest: Schema.Schema<CreateRequest, typeof CreateRequest_.Encoded> = CreateRequest_

const CreateResponse_ = Wire.Response({ secret: Secret })
/**
 * What {@link create} succeeds with: `secret` ({@link Secret}), beside the `requestID` and `statusCode` every
 * response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateResponse extends Schema.Schema.Type<typeof CreateResponse_> {}
/**
 * The schema of {@link CreateResponse}: decodes the JSON body of a successful {@link create} (snake_case
 * keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreateResponse: Schema.Schema<CreateResponse, typeof CreateResponse_.Encoded> = CreateResponse_

const GetRequest_ = Schema.Struct({ ...environmentScope, secretID: Wire.field("secret_id", Wire.PathParam) })
/**
 * The input of {@link get}: the environment (`projectSlug`, `environmentSlug`) and `secretID`.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetRequest extends Schema.Schema.Type<typeof GetRequest_> {}
/**
 * The schema of {@link GetRequest}. {@link get} encodes its input with it: a value that does not fit fails
 * with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`, `environmentSlug` and
 * `secretID` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetRequest: Schema.Schema<GetRequest, typeof GetRequest_.Encoded> = GetRequest_

const GetResponse_ = Wire.Response({ secret: MaskedSecret })
/**
 * What {@link get} succeeds with: `secret` ({@link MaskedSecret}), beside the `requestID` and `statusCode`
 * every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetResponse extends Schema.Schema.Type<typeof GetResponse_> {}
/**
 * The schema of {@link GetResponse}: decodes the JSON body of a successful {@link get} (snake_case keys) into
 * it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetResponse: Schema.Schema<GetResponse, typeof GetResponse_.Encoded> = GetResponse_

const GetAllRequest_ = Schema.Struct(environmentScope)
/**
 * The input of {@link getAll}: the environment (`projectSlug`, `environmentSlug`); nothing else.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetAllRequest extends Schema.Schema.Type<typeof GetAllRequest_> {}
/**
 * The schema of {@link GetAllRequest}. {@link getAll} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and
 * `environmentSlug` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetAllRequest: Schema.Schema<GetAllRequest, typeof GetAllRequest_.Encoded> = GetAllRequest_

const GetAllResponse_ = Wire.Response({ secrets: Schema.Array(MaskedSecret) })
/**
 * What {@link getAll} succeeds with: `secrets` (an array of {@link MaskedSecret}), beside the `requestID` and
 * `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetAllResponse extends Schema.Schema.Type<typeof GetAllResponse_> {}
/**
 * The schema of {@link GetAllResponse}: decodes the JSON body of a successful {@link getAll} (snake_case
 * keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetAllResponse: Schema.Schema<GetAllResponse, typeof GetAllResponse_.Encoded> = GetAllResponse_

const DeleteRequest_ = Schema.Struct({ ...environmentScope, secretID: Wire.field("secret_id", Wire.PathParam) })
/**
 * The input of {@link delete}: the environment (`projectSlug`, `environmentSlug`) and `secretID`.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeleteRequest extends Schema.Schema.Type<typeof DeleteRequest_> {}
/**
 * The schema of {@link DeleteRequest}. {@link delete} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`,
 * `environmentSlug` and `secretID` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DeleteRequest: Schema.Schema<DeleteRequest, typeof DeleteRequest_.Encoded> = DeleteRequest_

const DeleteResponse_ = Wire.Response({})
/**
 * What {@link delete} succeeds with: only the `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeleteResponse extends Schema.Schema.Type<typeof DeleteResponse_> {}
/**
 * The schema of {@link DeleteResponse}: decodes the JSON body of a successful {@link delete} (snake_case
 * keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DeleteResponse: Schema.Schema<DeleteResponse, typeof DeleteResponse_.Encoded> = DeleteResponse_

/**
 * The endpoint definitions of this group.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints = Endpoint.group("secrets", {
  create: {
    method: "POST",
    path: `${PE}/secrets`,
    request: CreateRequest,
    response: CreateResponse,
    description: "Creates a secret; the only response that carries its value."
  },
  get: {
    method: "GET",
    path: `${PE}/secrets/{secret_id}`,
    request: GetRequest,
    response: GetResponse,
    description: "Gets a secret, masked."
  },
  getAll: {
    method: "GET",
    path: `${PE}/secrets`,
    request: GetAllRequest,
    response: GetAllResponse,
    description: "Lists an environment's secrets, masked."
  },
  delete: {
    method: "DELETE",
    path: `${PE}/secrets/{secret_id}`,
    request: DeleteRequest,
    response: DeleteResponse,
    description: "Deletes a secret."
  }
})

/**
 * Creates a secret. The response is the only one that carries its value.
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { Secrets } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { secret } = yield* Secrets.create({ projectSlug: "my-project", environmentSlug: "production" })
 *   yield* Effect.log(`created ${secret.secretID}`) // the value itself prints as <redacted>
 *   return Redacted.value(secret.secret) // store it now: it is never returned again
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const create = Endpoint.operation(endpoints.create)

/**
 * Gets a secret, masked to its last four characters.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Secrets } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { secret } = yield* Secrets.get({
 *     projectSlug: "my-project",
 *     environmentSlug: "production",
 *     secretID: "secret-live-80bb9bf2-2e4c-4b4b-9d0c-0a1a6f1e4f6e"
 *   })
 *   return secret.lastFour
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const get = Endpoint.operation(endpoints.get)

/**
 * Lists an environment's secrets, masked.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Secrets } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { secrets } = yield* Secrets.getAll({ projectSlug: "my-project", environmentSlug: "production" })
 *   return secrets.filter((secret) => secret.usedAt === undefined) // never used
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const getAll = Endpoint.operation(endpoints.getAll)

const delete_ = Endpoint.operation(endpoints.delete)
export {
  /**
   * Deletes a secret.
   *
   * @example
   * ```ts
   * import { Secrets } from "@stytch-effect/resources"
   *
   * const program = Secrets.delete({
   *   projectSlug: "my-project",
   *   environmentSlug: "production",
   *   secretID: "secret-live-80bb9bf2-2e4c-4b4b-9d0c-0a1a6f1e4f6e"
   * })
   * ```
   *
   * @since 0.1.0
   * @category operations
   */
  delete_ as delete
}
