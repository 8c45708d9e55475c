/**
 * Public tokens of an environment: the identifiers front-end SDKs use to
 * talk to Stytch. Public tokens are not secret. A new environment comes with
 * one token, and the last token of an environment cannot be deleted.
 *
 * @since 0.2.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as Wire from "@stytch-effect/core/Wire"
import * as Schema from "effect/Schema"
import { environmentScope, PE } from "./internal/scope.js"

/**
 * A public token. Not a secret: it is embedded in front-end code.
 *
 * @since 0.2.0
 * @category models
 */
export class PublicToken extends Schema.Class<PublicToken>("PublicToken")({
  publicToken: Wire.field("public_token", Schema.String, "The token value; it is also the token's identifier."),
  createdAt: Wire.optionalField("created_at", Schema.String, "ISO-8601 creation timestamp.")
}) {}

const publicTokenParam = Wire.field("public_token", Wire.PathParam, "The public token to address.")

const CreateRequest_ = Schema.Struct(environmentScope)
/**
 * Creates a public token in the addressed environment (no other input).
 *
 * @since 0.2.0
 * @category models
 */
export interface CreateRequest extends Schema.Schema.Type<typeof CreateRequest_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const CreateRequest: Schema.Schema<CreateRequest, typeof CreateRequest_.Encoded> = CreateRequest_

const CreateResponse_ = Wire.Response({ publicToken: Wire.field("public_token", PublicToken, "The new token.") })
/**
 * @since 0.2.0
 * @category models
 */
export interface CreateResponse extends Schema.Schema.Type<typeof CreateResponse_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const CreateResponse: Schema.Schema<CreateResponse, typeof CreateResponse_.Encoded> = CreateResponse_

const GetRequest_ = Schema.Struct({ ...environmentScope, publicToken: publicTokenParam })
/**
 * @since 0.2.0
 * @category models
 */
export interface GetRequest extends Schema.Schema.Type<typeof GetRequest_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const GetRequest: Schema.Schema<GetRequest, typeof GetRequest_.Encoded> = GetRequest_

const GetResponse_ = Wire.Response({ publicToken: Wire.field("public_token", PublicToken, "The token.") })
/**
 * @since 0.2.0
 * @category models
 */
export interface GetResponse extends Schema.Schema.Type<typeof GetResponse_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const GetResponse: Schema.Schema<GetResponse, typeof GetResponse_.Encoded> = GetResponse_

const GetAllRequest_ = Schema.Struct(environmentScope)
/**
 * @since 0.2.0
 * @category models
 */
export interface GetAllRequest extends Schema.Schema.Type<typeof GetAllRequest_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const GetAllRequest: Schema.Schema<GetAllRequest, typeof GetAllRequest_.Encoded> = GetAllRequest_

const GetAllResponse_ = Wire.Response({
  // Lenient (D5): an absent list decodes as empty rather than failing the response.
  publicTokens: Schema.optionalWith(Schema.Array(PublicToken), { default: () => [] })
    .annotations({ description: "All active tokens of the environment." })
    .pipe(Schema.fromKey("public_tokens"))
})
/**
 * @since 0.2.0
 * @category models
 */
export interface GetAllResponse extends Schema.Schema.Type<typeof GetAllResponse_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const GetAllResponse: Schema.Schema<GetAllResponse, typeof GetAllResponse_.Encoded> = GetAllResponse_

const DeleteRequest_ = Schema.Struct({ ...environmentScope, publicToken: publicTokenParam })
/**
 * @since 0.2.0
 * @category models
 */
export interface DeleteRequest extends Schema.Schema.Type<typeof DeleteRequest_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const DeleteRequest: Schema.Schema<DeleteRequest, typeof DeleteRequest_.Encoded> = DeleteRequest_

const DeleteResponse_ = Wire.Response({})
/**
 * @since 0.2.0
 * @category models
 */
export interface DeleteResponse extends Schema.Schema.Type<typeof DeleteResponse_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const DeleteResponse: Schema.Schema<DeleteResponse, typeof DeleteResponse_.Encoded> = DeleteResponse_

/**
 * The endpoint definitions of this group.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const endpoints = Endpoint.group("publicTokens", {
  create: {
    method: "POST",
    path: `${PE}/public_tokens`,
    request: CreateRequest,
    response: CreateResponse,
    description: "Creates a public token."
  },
  get: {
    method: "GET",
    path: `${PE}/public_tokens/{public_token}`,
    request: GetRequest,
    response: GetResponse,
    description: "Gets a public token."
  },
  getAll: {
    method: "GET",
    path: `${PE}/public_tokens`,
    request: GetAllRequest,
    response: GetAllResponse,
    description: "Lists an environment's active public tokens."
  },
  delete: {
    method: "DELETE",
    path: `${PE}/public_tokens/{public_token}`,
    request: DeleteRequest,
    response: DeleteResponse,
    description: "Deletes a public token; the last one of an environment cannot be deleted."
  }
})

/**
 * Creates a public token.
 *
 * @since 0.2.0
 * @category operations
 */
export const create = Endpoint.operation(endpoints.create)

/**
 * Gets a public token; the same object {@link create} returned.
 *
 * @since 0.2.0
 * @category operations
 */
export const get = Endpoint.operation(endpoints.get)

/**
 * Lists an environment's active public tokens, including the one every new
 * environment starts with.
 *
 * @since 0.2.0
 * @category operations
 */
export const getAll = Endpoint.operation(endpoints.getAll)

const delete_ = Endpoint.operation(endpoints.delete)
export {
  /**
   * Deletes a public token. The API refuses to delete the last public token
   * of an environment (a `StytchApiError` with status 400).
   *
   * @since 0.2.0
   * @category operations
   */
  delete_ as delete
}
