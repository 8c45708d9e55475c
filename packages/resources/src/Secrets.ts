/**
 * API secrets of an environment. The secret value is returned once, by
 * {@link create}; later reads return only its last four characters.
 *
 * @since 0.1.0
 */
import { Endpoint, Wire } from "@stytch-effect/core"
import * as Schema from "effect/Schema"
import { environmentScope, PE } from "./internal/scope.js"

/**
 * A newly created secret, with its value. Store the value: it is never
 * returned again. The SDK never logs it.
 *
 * @since 0.1.0
 * @category models
 */
export class Secret extends Schema.Class<Secret>("Secret")({
  secretID: Wire.field("secret_id", Schema.String),
  secret: Schema.String,
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

/**
 * @since 0.1.0
 * @category schemas
 */
export const CreateRequest = Schema.Struct(environmentScope)
/** @since 0.1.0 */
export type CreateRequest = typeof CreateRequest.Type

/**
 * @since 0.1.0
 * @category schemas
 */
export const CreateResponse = Wire.Response({ secret: Secret })
/** @since 0.1.0 */
export type CreateResponse = typeof CreateResponse.Type

/**
 * @since 0.1.0
 * @category schemas
 */
export const GetRequest = Schema.Struct({ ...environmentScope, secretID: Wire.field("secret_id", Wire.PathParam) })
/** @since 0.1.0 */
export type GetRequest = typeof GetRequest.Type

/**
 * @since 0.1.0
 * @category schemas
 */
export const GetResponse = Wire.Response({ secret: MaskedSecret })
/** @since 0.1.0 */
export type GetResponse = typeof GetResponse.Type

/**
 * @since 0.1.0
 * @category schemas
 */
export const GetAllRequest = Schema.Struct(environmentScope)
/** @since 0.1.0 */
export type GetAllRequest = typeof GetAllRequest.Type

/**
 * @since 0.1.0
 * @category schemas
 */
export const GetAllResponse = Wire.Response({ secrets: Schema.Array(MaskedSecret) })
/** @since 0.1.0 */
export type GetAllResponse = typeof GetAllResponse.Type

/**
 * @since 0.1.0
 * @category schemas
 */
export const DeleteRequest = Schema.Struct({ ...environmentScope, secretID: Wire.field("secret_id", Wire.PathParam) })
/** @since 0.1.0 */
export type DeleteRequest = typeof DeleteRequest.Type

/**
 * @since 0.1.0
 * @category schemas
 */
export const DeleteResponse = Wire.Response({})
/** @since 0.1.0 */
export type DeleteResponse = typeof DeleteResponse.Type

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
