/**
 * M2M clients of a project (project API, `StytchProject`): the machine
 * credentials services use to get access tokens ({@link M2M.token}). A
 * client's secret is returned once, by {@link create} (or by
 * {@link rotateStart} for the next one), as a `Redacted<string>`; Stytch keeps
 * only a hash. Rotation: {@link rotateStart} issues a next secret (both
 * authenticate), {@link rotate} makes it the only one, {@link rotateCancel}
 * discards it.
 *
 * ```ts
 * const { m2mClient } = yield* M2MClients.create({ scopes: ["read:users"], clientName: "billing" })
 * const all = yield* Stream.runCollect(M2MClients.searchAll({}))
 * ```
 *
 * @since 0.1.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as StytchProject from "@stytch-effect/core/StytchProject"
import * as Wire from "@stytch-effect/core/Wire"
import type { StytchError } from "@stytch-effect/core/StytchError"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"

/**
 * A client's status: an inactive client cannot get new tokens (tokens
 * already issued stay valid until they expire).
 *
 * @since 0.1.0
 * @category enums
 */
export const Status = Wire.Enum("M2MClientStatus", "active", "inactive")
/**
 * An M2M client's status: `active` or `inactive`. Closed in requests, open in
 * responses (`M2MClient.status`).
 *
 * @since 0.1.0
 * @category enums
 */
export type Status = typeof Status.Type

/**
 * A filter of {@link search}: `client_id` and `client_name` (exact values),
 * `scopes` (clients having any of the given scopes).
 *
 * @since 0.1.0
 * @category enums
 */
export const FilterName = Wire.Enum("M2MClientFilterName", "client_id", "client_name", "scopes")
/**
 * The field a {@link SearchOperand} filters on.
 *
 * @since 0.1.0
 * @category enums
 */
export type FilterName = typeof FilterName.Type

/**
 * How a search query combines its operands.
 *
 * @since 0.1.0
 * @category enums
 */
export const Operator = Wire.Enum("SearchOperator", "AND", "OR")
/**
 * How a {@link SearchQuery} combines its operands: `AND` or `OR`.
 *
 * @since 0.1.0
 * @category enums
 */
export type Operator = typeof Operator.Type

const Metadata = Schema.Record({ key: Schema.String, value: Schema.Unknown })

const clientFields = {
  clientID: Wire.field("client_id", Schema.String, "The ID of the client."),
  clientName: Wire.field("client_name", Schema.String, "A human-readable name for the client."),
  clientDescription: Wire.field("client_description", Schema.String, "A human-readable description for the client."),
  status: Status.open,
  scopes: Schema.Array(Schema.String),
  clientSecretLastFour: Wire.field("client_secret_last_four", Schema.String, "Last four characters of the client secret."),
  nextClientSecretLastFour: Wire.optionalField(
    "next_client_secret_last_four",
    Schema.NullOr(Schema.String),
    "Last four characters of the next secret, during a rotation."
  ),
  trustedMetadata: Wire.optionalField("trusted_metadata", Metadata, "Arbitrary JSON of the application.")
}

/**
 * An M2M client, as every read returns it (no secret, only last fours).
 *
 * @since 0.1.0
 * @category models
 */
export class M2MClient extends Schema.Class<M2MClient>("M2MClient")(clientFields) {}

/**
 * An M2M client just created, with its secret: store it, it is never
 * returned again. `clientSecret` is a `Redacted<string>`.
 *
 * @since 0.1.0
 * @category models
 */
export class M2MClientWithClientSecret extends Schema.Class<M2MClientWithClientSecret>("M2MClientWithClientSecret")({
  ...clientFields,
  clientSecret: Wire.field(
    "client_secret",
    Schema.Redacted(Schema.String)
  )
}) {}

/**
 * An M2M client whose secret rotation just started, with its next secret
 * (returned only once). `nextClientSecret` is a `Redacted<string>`.
 *
 * @since 0.1.0
 * @category models
 */
export class M2MClientWithNextClientSecret
  extends Schema.Class<M2MClientWithNextClientSecret>("M2MClientWithNextClientSecret")({
    ...clientFields,
    nextClientSecret: Wire.field(
      "next_client_secret",
      Schema.Redacted(Schema.String)
    )
  })
{}

const clientIDParam = { clientID: Wire.field("client_id", Wire.PathParam) }

const CreateRequest_ = Schema.Struct({
  scopes: Schema.Array(Schema.String).annotations({ description: "The scopes assigned to the client." }),
  clientID: Wire.optionalField("client_id", Schema.String, "The client ID; generated if omitted."),
  clientSecret: Wire.optionalField(
    "client_secret",
    Wire.secret("The client secret (at least 8 characters); generated if omitted.")
  ),
  clientName: Wire.optionalField("client_name", Schema.String, "A human-readable name for the client."),
  clientDescription: Wire.optionalField("client_description", Schema.String, "A human-readable description for the client."),
  trustedMetadata: Wire.optionalField("trusted_metadata", Metadata, "Arbitrary JSON of the application.")
})
/**
 * The input of {@link create}: `scopes`, and optionally `clientID`, `clientSecret`, `clientName`,
 * `clientDescription` and `trustedMetadata`.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateRequest extends Schema.Schema.Type<typeof CreateRequest_> {}
/**
 * The schema of {@link CreateRequest}. {@link create} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends every field in the JSON body,
 * with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreateRequest: Schema.Schema<CreateRequest, typeof CreateRequest_.Encoded> = CreateRequest_

const CreateResponse_ = Wire.Response({ m2mClient: Wire.field("m2m_client", M2MClientWithClientSecret) })
/**
 * What {@link create} succeeds with: `m2mClient` ({@link M2MClientWithClientSecret}), beside the `requestID`
 * and `statusCode` every response carries.
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

const ClientRequest_ = Schema.Struct(clientIDParam)
/**
 * A request that names one client (get, delete, the rotation steps).
 *
 * @since 0.1.0
 * @category models
 */
export interface ClientRequest extends Schema.Schema.Type<typeof ClientRequest_> {}
/**
 * The schema of {@link ClientRequest}. {@link get}, {@link delete}, {@link rotateStart}, {@link rotate} and
 * {@link rotateCancel} encodes its input with it: a value that does not fit fails with an
 * `InvalidRequestError` and nothing is sent; otherwise it sends `clientID` in the path, with snake_case wire
 * names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ClientRequest: Schema.Schema<ClientRequest, typeof ClientRequest_.Encoded> = ClientRequest_

const ClientResponse_ = Wire.Response({ m2mClient: Wire.field("m2m_client", M2MClient) })
/**
 * A response carrying one client (get, update, rotate, rotateCancel).
 *
 * @since 0.1.0
 * @category models
 */
export interface ClientResponse extends Schema.Schema.Type<typeof ClientResponse_> {}
/**
 * The schema of {@link ClientResponse}: decodes the JSON body of a successful {@link get}, {@link update},
 * {@link rotate} and {@link rotateCancel} (snake_case keys) into it; a body that does not fit fails with an
 * `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ClientResponse: Schema.Schema<ClientResponse, typeof ClientResponse_.Encoded> = ClientResponse_

const SearchOperand_ = Schema.Struct({
  filterName: Wire.field("filter_name", FilterName),
  filterValue: Wire.field("filter_value", Schema.Array(Schema.String))
})
/**
 * One condition of a {@link SearchQuery}: a `filterName` and the values it
 * matches (`filterValue`).
 *
 * @since 0.1.0
 * @category models
 */
export interface SearchOperand extends Schema.Schema.Type<typeof SearchOperand_> {}
/**
 * The schema of {@link SearchOperand} (`filter_name` and `filter_value` on the
 * wire).
 *
 * @since 0.1.0
 * @category schemas
 */
export const SearchOperand: Schema.Schema<SearchOperand, typeof SearchOperand_.Encoded> = SearchOperand_

const SearchQuery_ = Schema.Struct({ operator: Operator, operands: Schema.Array(SearchOperand) })
/**
 * The filter of a {@link search}: `operands` combined with `operator`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SearchQuery extends Schema.Schema.Type<typeof SearchQuery_> {}
/**
 * The schema of {@link SearchQuery}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SearchQuery: Schema.Schema<SearchQuery, typeof SearchQuery_.Encoded> = SearchQuery_

const SearchRequest_ = Schema.Struct({
  cursor: Schema.optional(Schema.String.annotations({ description: "The next_cursor of the previous page." })),
  limit: Schema.optional(
    Schema.Int.annotations({ description: "Results per page (default 100, at most 1000)." })
  ),
  query: Schema.optional(SearchQuery)
})
/**
 * The input of {@link search}, every field optional: `cursor`, `limit` and `query`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SearchRequest extends Schema.Schema.Type<typeof SearchRequest_> {}
/**
 * The schema of {@link SearchRequest}. {@link search} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends every field in the JSON body,
 * with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SearchRequest: Schema.Schema<SearchRequest, typeof SearchRequest_.Encoded> = SearchRequest_

const ResultsMetadata_ = Schema.Struct({
  total: Schema.Number,
  nextCursor: Wire.optionalField("next_cursor", Schema.NullOr(Schema.String))
})
/**
 * The paging information of a {@link search} page: the `total` number of
 * matching clients, and the `nextCursor` to pass as `cursor` for the next page
 * (absent, `null` or empty on the last page).
 *
 * @since 0.1.0
 * @category models
 */
export interface ResultsMetadata extends Schema.Schema.Type<typeof ResultsMetadata_> {}
/**
 * The schema of {@link ResultsMetadata} (`next_cursor` on the wire).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ResultsMetadata: Schema.Schema<ResultsMetadata, typeof ResultsMetadata_.Encoded> = ResultsMetadata_

const SearchResponse_ = Wire.Response({
  m2mClients: Wire.field("m2m_clients", Schema.Array(M2MClient)),
  resultsMetadata: Wire.field("results_metadata", ResultsMetadata)
})
/**
 * What {@link search} succeeds with: `m2mClients` (an array of {@link M2MClient}) and `resultsMetadata`
 * ({@link ResultsMetadata}), beside the `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface SearchResponse extends Schema.Schema.Type<typeof SearchResponse_> {}
/**
 * The schema of {@link SearchResponse}: decodes the JSON body of a successful {@link search} (snake_case
 * keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SearchResponse: Schema.Schema<SearchResponse, typeof SearchResponse_.Encoded> = SearchResponse_

const UpdateRequest_ = Schema.Struct({
  ...clientIDParam,
  clientName: Wire.optionalField("client_name", Schema.String, "A human-readable name for the client."),
  clientDescription: Wire.optionalField("client_description", Schema.String, "A human-readable description for the client."),
  status: Schema.optional(Status),
  scopes: Schema.optional(Schema.Array(Schema.String)),
  trustedMetadata: Wire.optionalField("trusted_metadata", Metadata, "Arbitrary JSON of the application.")
})
/**
 * The input of {@link update}: `clientID`, and optionally `clientName`, `clientDescription`, `status`,
 * `scopes` and `trustedMetadata`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateRequest extends Schema.Schema.Type<typeof UpdateRequest_> {}
/**
 * The schema of {@link UpdateRequest}. {@link update} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `clientID` in the path and the
 * other fields in the JSON body, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UpdateRequest: Schema.Schema<UpdateRequest, typeof UpdateRequest_.Encoded> = UpdateRequest_

const DeleteResponse_ = Wire.Response({ clientID: Wire.field("client_id", Schema.String) })
/**
 * What {@link delete} succeeds with: `clientID`, beside the `requestID` and `statusCode` every response
 * carries.
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

const RotateStartResponse_ = Wire.Response({ m2mClient: Wire.field("m2m_client", M2MClientWithNextClientSecret) })
/**
 * What {@link rotateStart} succeeds with: `m2mClient` ({@link M2MClientWithNextClientSecret}), beside the
 * `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface RotateStartResponse extends Schema.Schema.Type<typeof RotateStartResponse_> {}
/**
 * The schema of {@link RotateStartResponse}: decodes the JSON body of a successful {@link rotateStart}
 * (snake_case keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RotateStartResponse: Schema.Schema<RotateStartResponse, typeof RotateStartResponse_.Encoded> =
  RotateStartResponse_

const C = "/v1/m2m/clients"

/**
 * The endpoint definitions of this group (project API).
 *
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints = Endpoint.group("m2mClients", {
  create: {
    method: "POST",
    path: C,
    request: CreateRequest,
    response: CreateResponse,
    description: "Creates an M2M client (returns its secret, once)."
  },
  get: {
    method: "GET",
    path: `${C}/{client_id}`,
    request: ClientRequest,
    response: ClientResponse,
    description: "Gets an M2M client."
  },
  search: {
    method: "POST",
    path: `${C}/search`,
    request: SearchRequest,
    response: SearchResponse,
    description: "Searches M2M clients, a page at a time."
  },
  update: {
    method: "PUT",
    path: `${C}/{client_id}`,
    request: UpdateRequest,
    response: ClientResponse,
    description: "Updates an M2M client."
  },
  delete: {
    method: "DELETE",
    path: `${C}/{client_id}`,
    request: ClientRequest,
    response: DeleteResponse,
    description: "Deletes an M2M client."
  },
  rotateStart: {
    method: "POST",
    path: `${C}/{client_id}/secrets/rotate/start`,
    request: ClientRequest,
    response: RotateStartResponse,
    description: "Starts a secret rotation (returns the next secret, once)."
  },
  rotate: {
    method: "POST",
    path: `${C}/{client_id}/secrets/rotate`,
    request: ClientRequest,
    response: ClientResponse,
    description: "Completes a secret rotation."
  },
  rotateCancel: {
    method: "POST",
    path: `${C}/{client_id}/secrets/rotate/cancel`,
    request: ClientRequest,
    response: ClientResponse,
    description: "Cancels a secret rotation."
  }
}, { service: StytchProject.StytchProject })

/**
 * Creates an M2M client. The response is the only one that carries its
 * secret (`m2mClient.clientSecret`, a `Redacted<string>`).
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { M2MClients } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { m2mClient } = yield* M2MClients.create({ scopes: ["read:users", "write:users"], clientName: "billing-service" })
 *   return { clientID: m2mClient.clientID, clientSecret: Redacted.value(m2mClient.clientSecret) } // store the secret now
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const create = Endpoint.operation(endpoints.create)

/**
 * Gets an M2M client.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { M2MClients } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { m2mClient } = yield* M2MClients.get({ clientID: "m2m-client-live-0a1b2c" })
 *   return m2mClient.status === "active"
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const get = Endpoint.operation(endpoints.get)

/**
 * Searches M2M clients, one page per call; see {@link searchAll} for every page.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { M2MClients } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const page = yield* M2MClients.search({
 *     limit: 50,
 *     query: { operator: "AND", operands: [{ filterName: "scopes", filterValue: ["read:users"] }] }
 *   })
 *   return { clients: page.m2mClients, next: page.resultsMetadata.nextCursor }
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const search = Endpoint.operation(endpoints.search)

/**
 * Updates an M2M client.
 *
 * @example
 * ```ts
 * import { M2MClients } from "@stytch-effect/resources"
 *
 * const program = M2MClients.update({ clientID: "m2m-client-live-0a1b2c", status: "inactive" })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const update = Endpoint.operation(endpoints.update)

const delete_ = Endpoint.operation(endpoints.delete)
export {
  /**
   * Deletes an M2M client.
   *
   * @example
   * ```ts
   * import { M2MClients } from "@stytch-effect/resources"
   *
   * const program = M2MClients.delete({ clientID: "m2m-client-live-0a1b2c" })
   * ```
   *
   * @since 0.1.0
   * @category operations
   */
  delete_ as delete
}

/**
 * Starts a secret rotation; the response carries the next secret
 * (`m2mClient.nextClientSecret`, a `Redacted<string>`).
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { M2MClients } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { m2mClient } = yield* M2MClients.rotateStart({ clientID: "m2m-client-live-0a1b2c" })
 *   return Redacted.value(m2mClient.nextClientSecret) // deploy it, then call M2MClients.rotate
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const rotateStart = Endpoint.operation(endpoints.rotateStart)

/**
 * Completes a secret rotation: the next secret replaces the current one.
 *
 * @example
 * ```ts
 * import { M2MClients } from "@stytch-effect/resources"
 *
 * const program = M2MClients.rotate({ clientID: "m2m-client-live-0a1b2c" })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const rotate = Endpoint.operation(endpoints.rotate)

/**
 * Cancels a secret rotation: the next secret is discarded.
 *
 * @example
 * ```ts
 * import { M2MClients } from "@stytch-effect/resources"
 *
 * const program = M2MClients.rotateCancel({ clientID: "m2m-client-live-0a1b2c" })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const rotateCancel = Endpoint.operation(endpoints.rotateCancel)

/**
 * Every client matching a search, page after page: each page is one
 * {@link search} call, and the next is requested (with the previous
 * `next_cursor`) only when the stream is pulled that far.
 *
 * @example
 * ```ts
 * import { Stream } from "effect"
 * import { M2MClients } from "@stytch-effect/resources"
 *
 * const program = M2MClients.searchAll({
 *   query: { operator: "OR", operands: [{ filterName: "client_name", filterValue: ["billing-service"] }] }
 * }).pipe(Stream.map((client) => client.clientID), Stream.runCollect)
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const searchAll = (
  request: Omit<SearchRequest, "cursor"> = {}
): Stream.Stream<M2MClient, StytchError, StytchProject.StytchProject> =>
  Stream.paginateChunkEffect(undefined as string | undefined, (cursor) =>
    Effect.map(
      search(cursor === undefined ? request : { ...request, cursor }),
      (page): readonly [Chunk.Chunk<M2MClient>, Option.Option<string | undefined>] => {
        const next = page.resultsMetadata.nextCursor
        return [
          Chunk.unsafeFromArray(page.m2mClients),
          next === undefined || next === null || next === "" ? Option.none() : Option.some<string | undefined>(next)
        ]
      }
    ))
