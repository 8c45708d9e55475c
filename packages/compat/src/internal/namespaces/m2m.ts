/**
 * The facade's `m2m` type namespace: the types `client.m2m.*` of a
 * `ProjectClient` take and return, under the official node SDK's names
 * (`m2m.M2MClient`, `m2m.M2MClientWithClientSecret`,
 * `m2m.M2MClientsCreateRequest`, `m2m.TokenResponse`, …), with the facade's
 * camelCase fields. They are the `@stytch-effect/resources` modules
 * `M2MClients` and `M2M`, except that the secret-bearing fields
 * (`clientSecret`, `nextClientSecret`, `accessToken`) say `string` where the
 * Effect API says `Redacted<string>`: the facade returns plain strings, as
 * the official SDK does. Types only; the Effect schemas are in
 * `@stytch-effect/resources`.
 *
 * @internal
 */
import type { M2M, M2MClients } from "@stytch-effect/resources"
import type * as ProjectClient from "../../ProjectClient.js"
import type { Unredacted } from "../unredact.js"

/**
 * An M2M client, as every read returns it (no secret, only last fours).
 *
 * @since 0.1.0
 * @category models
 */
export type M2MClient = M2MClients.M2MClient

/**
 * An M2M client just created: `clientSecret` is the plain secret. Store
 * it: it is never returned again.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientWithClientSecret extends Unredacted<M2MClients.M2MClientWithClientSecret> {}

/**
 * An M2M client whose secret rotation just started: `nextClientSecret` is
 * the plain next secret, returned only once.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientWithNextClientSecret extends Unredacted<M2MClients.M2MClientWithNextClientSecret> {}

/**
 * `active` or `inactive`.
 *
 * @since 0.1.0
 * @category models
 */
export type M2MClientStatus = M2MClients.Status

/**
 * @since 0.1.0
 * @category models
 */
export type M2MResultsMetadata = M2MClients.ResultsMetadata

/**
 * @since 0.1.0
 * @category models
 */
export type M2MSearchQuery = M2MClients.SearchQuery

/**
 * One filter of an {@link M2MSearchQuery}: `client_id`, `client_name` or `scopes`.
 *
 * @since 0.1.0
 * @category models
 */
export type M2MSearchQueryOperand = M2MClients.SearchOperand

/**
 * @since 0.1.0
 * @category models
 */
export type M2MClientsCreateRequest = M2MClients.CreateRequest

/**
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsCreateResponse extends Unredacted<M2MClients.CreateResponse> {}

/**
 * @since 0.1.0
 * @category models
 */
export type M2MClientsGetRequest = M2MClients.ClientRequest

/**
 * @since 0.1.0
 * @category models
 */
export type M2MClientsGetResponse = M2MClients.ClientResponse

/**
 * @since 0.1.0
 * @category models
 */
export type M2MClientsSearchRequest = M2MClients.SearchRequest

/**
 * @since 0.1.0
 * @category models
 */
export type M2MClientsSearchResponse = M2MClients.SearchResponse

/**
 * @since 0.1.0
 * @category models
 */
export type M2MClientsUpdateRequest = M2MClients.UpdateRequest

/**
 * @since 0.1.0
 * @category models
 */
export type M2MClientsUpdateResponse = M2MClients.ClientResponse

/**
 * @since 0.1.0
 * @category models
 */
export type M2MClientsDeleteRequest = M2MClients.ClientRequest

/**
 * @since 0.1.0
 * @category models
 */
export type M2MClientsDeleteResponse = M2MClients.DeleteResponse

/**
 * @since 0.1.0
 * @category models
 */
export type M2MClientsSecretsRotateStartRequest = M2MClients.ClientRequest

/**
 * `m2mClient.nextClientSecret` is the plain next secret.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsSecretsRotateStartResponse extends Unredacted<M2MClients.RotateStartResponse> {}

/**
 * @since 0.1.0
 * @category models
 */
export type M2MClientsSecretsRotateRequest = M2MClients.ClientRequest

/**
 * @since 0.1.0
 * @category models
 */
export type M2MClientsSecretsRotateResponse = M2MClients.ClientResponse

/**
 * @since 0.1.0
 * @category models
 */
export type M2MClientsSecretsRotateCancelRequest = M2MClients.ClientRequest

/**
 * @since 0.1.0
 * @category models
 */
export type M2MClientsSecretsRotateCancelResponse = M2MClients.ClientResponse

/**
 * `client.m2m.token`'s request: the client secret as a string.
 *
 * @since 0.1.0
 * @category models
 */
export type TokenRequest = ProjectClient.TokenRequest

/**
 * `client.m2m.token`'s response: `accessToken` is the plain JWT.
 *
 * @since 0.1.0
 * @category models
 */
export interface TokenResponse extends Unredacted<M2M.TokenResponse> {}

/**
 * @since 0.1.0
 * @category models
 */
export type AuthenticateTokenRequest = ProjectClient.AuthenticateTokenRequest

/**
 * @since 0.1.0
 * @category models
 */
export type AuthenticateTokenResponse = M2M.AuthenticateTokenResponse
