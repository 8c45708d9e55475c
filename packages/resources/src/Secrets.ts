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
 * @since 0.1.0
 * @category models
 */
export interface CreateRequest extends Schema.Schema.Type<typeof CreateRequest_> {}
/**
 * @since 0.1.0
 * @category schemas
 */
export const CreateRequest: Schema.Schema<CreateRequest, typeof CreateRequest_.Encoded> = CreateRequest_

const CreateResponse_ = Wire.Response({ secret: Secret })
/**
 * @since 0.1.0
 * @category models
 */
export interface CreateResponse extends Schema.Schema.Type<typeof CreateResponse_> {}
/**
 * @since 0.1.0
 * @category schemas
 */
export const CreateResponse: Schema.Schema<CreateResponse, typeof CreateResponse_.Encoded> = CreateResponse_

const GetRequest_ = Schema.Struct({ ...environmentScope, secretID: Wire.field("secret_id", Wire.PathParam) })
/**
 * @since 0.1.0
 * @category models
 */
export interface GetRequest extends Schema.Schema.Type<typeof GetRequest_> {}
/**
 * @since 0.1.0
 * @category schemas
 */
export const GetRequest: Schema.Schema<GetRequest, typeof GetRequest_.Encoded> = GetRequest_

const GetResponse_ = Wire.Response({ secret: MaskedSecret })
/**
 * @since 0.1.0
 * @category models
 */
export interface GetResponse extends Schema.Schema.Type<typeof GetResponse_> {}
/**
 * @since 0.1.0
 * @category schemas
 */
export const GetResponse: Schema.Schema<GetResponse, typeof GetResponse_.Encoded> = GetResponse_

const GetAllRequest_ = Schema.Struct(environmentScope)
/**
 * @since 0.1.0
 * @category models
 */
export interface GetAllRequest extends Schema.Schema.Type<typeof GetAllRequest_> {}
/**
 * @since 0.1.0
 * @category schemas
 */
export const GetAllRequest: Schema.Schema<GetAllRequest, typeof GetAllRequest_.Encoded> = GetAllRequest_

const GetAllResponse_ = Wire.Response({ secrets: Schema.Array(MaskedSecret) })
/**
 * @since 0.1.0
 * @category models
 */
export interface GetAllResponse extends Schema.Schema.Type<typeof GetAllResponse_> {}
/**
 * @since 0.1.0
 * @category schemas
 */
export const GetAllResponse: Schema.Schema<GetAllResponse, typeof GetAllResponse_.Encoded> = GetAllResponse_

const DeleteRequest_ = Schema.Struct({ ...environmentScope, secretID: Wire.field("secret_id", Wire.PathParam) })
/**
 * @since 0.1.0
 * @category models
 */
export interface DeleteRequest extends Schema.Schema.Type<typeof DeleteRequest_> {}
/**
 * @since 0.1.0
 * @category schemas
 */
export const DeleteRequest: Schema.Schema<DeleteRequest, typeof DeleteRequest_.Encoded> = DeleteRequest_

const DeleteResponse_ = Wire.Response({})
/**
 * @since 0.1.0
 * @category models
 */
export interface DeleteResponse extends Schema.Schema.Type<typeof DeleteResponse_> {}
/**
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
 * @since 0.1.0
 * @category operations
 */
export const create = Endpoint.operation(endpoints.create)

/**
 * Gets a secret, masked to its last four characters.
 *
 * @since 0.1.0
 * @category operations
 */
export const get = Endpoint.operation(endpoints.get)

/**
 * Lists an environment's secrets, masked.
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
   * @since 0.1.0
   * @category operations
   */
  delete_ as delete
}
