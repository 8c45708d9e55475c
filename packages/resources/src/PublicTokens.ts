/**
 * Public tokens of an environment: the identifiers front-end SDKs use to
 * talk to Stytch. Public tokens are not secret. A new environment comes with
 * one token, and the last token of an environment cannot be deleted.
 *
 * @since 0.1.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as Wire from "@stytch-effect/core/Wire"
import * as Schema from "effect/Schema"
import { environmentScope, PE } from "./internal/scope.js"

/**
 * A public token. Not a secret: it is embedded in front-end code.
 *
 * @since 0.1.0
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

const CreateResponse_ = Wire.Response({ publicToken: Wire.field("public_token", PublicToken, "The new token.") })
/**
 * What {@link create} succeeds with: `publicToken` ({@link PublicToken}), beside the `requestID` and
 * `statusCode` every response carries.
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

const GetRequest_ = Schema.Struct({ ...environmentScope, publicToken: publicTokenParam })
/**
 * The input of {@link get}: the environment (`projectSlug`, `environmentSlug`) and `publicToken`.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetRequest extends Schema.Schema.Type<typeof GetRequest_> {}
/**
 * The schema of {@link GetRequest}. {@link get} encodes its input with it: a value that does not fit fails
 * with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`, `environmentSlug` and
 * `publicToken` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetRequest: Schema.Schema<GetRequest, typeof GetRequest_.Encoded> = GetRequest_

const GetResponse_ = Wire.Response({ publicToken: Wire.field("public_token", PublicToken, "The token.") })
/**
 * What {@link get} succeeds with: `publicToken` ({@link PublicToken}), beside the `requestID` and
 * `statusCode` every response carries.
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

const GetAllResponse_ = Wire.Response({
  // Lenient (D5): an absent list decodes as empty rather than failing the response.
  publicTokens: Schema.optionalWith(Schema.Array(PublicToken), { default: () => [] })
    .annotations({ description: "All active tokens of the environment." })
    .pipe(Schema.fromKey("public_tokens"))
})
/**
 * What {@link getAll} succeeds with: `publicTokens` (an array of {@link PublicToken}), beside the `requestID`
 * and `statusCode` every response carries.
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

const DeleteRequest_ = Schema.Struct({ ...environmentScope, publicToken: publicTokenParam })
/**
 * The input of {@link delete}: the environment (`projectSlug`, `environmentSlug`) and `publicToken`.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeleteRequest extends Schema.Schema.Type<typeof DeleteRequest_> {}
/**
 * The schema of {@link DeleteRequest}. {@link delete} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`,
 * `environmentSlug` and `publicToken` in the path, with snake_case wire names.
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
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PublicTokens } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { publicToken } = yield* PublicTokens.create({ projectSlug: "my-project", environmentSlug: "production" })
 *   return publicToken.publicToken // embed it in the frontend SDK's configuration
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const create = Endpoint.operation(endpoints.create)

/**
 * Gets a public token; the same object {@link create} returned.
 *
 * @example
 * ```ts
 * import { PublicTokens } from "@stytch-effect/resources"
 *
 * const program = PublicTokens.get({
 *   projectSlug: "my-project",
 *   environmentSlug: "production",
 *   publicToken: "public-token-live-5e1d2a3b-0c4f-4d8e-9a7b-6c5d4e3f2a1b"
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const get = Endpoint.operation(endpoints.get)

/**
 * Lists an environment's active public tokens, including the one every new
 * environment starts with.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PublicTokens } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { publicTokens } = yield* PublicTokens.getAll({ projectSlug: "my-project", environmentSlug: "production" })
 *   return publicTokens.map((token) => token.publicToken)
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
   * Deletes a public token. The API refuses to delete the last public token
   * of an environment (a `StytchApiError` with status 400).
   *
   * @example
   * ```ts
   * import { PublicTokens } from "@stytch-effect/resources"
   *
   * const program = PublicTokens.delete({
   *   projectSlug: "my-project",
   *   environmentSlug: "production",
   *   publicToken: "public-token-live-5e1d2a3b-0c4f-4d8e-9a7b-6c5d4e3f2a1b"
   * })
   * ```
   *
   * @since 0.1.0
   * @category operations
   */
  delete_ as delete
}
