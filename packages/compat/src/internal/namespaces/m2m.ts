/**
 * The facade's `m2m` type namespace: the types `client.m2m.*` of a
 * `ProjectClient` take and return, under the official node SDK's
 * (`stytch`) names and with its snake_case fields (`m2m.M2MClient`,
 * `m2m.M2MClientsCreateRequest`, `m2m.TokenResponse`, …): plain JSON
 * objects, secrets as `string`. The wire types are the encoded side of the
 * `@stytch-effect/resources` schemas (`M2MClients`, `M2M`), so they cannot
 * drift from what is sent and received; the Effect API's types are the
 * camelCase decoded side. Types only.
 *
 * @internal
 */
import type { M2M, M2MClients } from "@stytch-effect/resources"
import type * as Schema from "effect/Schema"

/**
 * A wire type as stytch-node types it, so that a `ProjectClient` fits code
 * typed with stytch-node's types: arrays are mutable (`string[]`), and an
 * optional field is `T` when present, without `null` (the API may send
 * `null` for `next_cursor` or `next_client_secret_last_four`: it is passed
 * through as stytch-node passes it, and its types do not say so either).
 */
type AsStytchNode<A> = A extends string | number | boolean ? A
  : A extends ReadonlyArray<infer E> ? Array<AsStytchNode<E>>
  : A extends object ? { [K in keyof A]: AsStytchNode<Exclude<A[K], null | undefined>> }
  : A

type Wire<S extends Schema.Schema.Any> = AsStytchNode<Schema.Schema.Encoded<S>>

/**
 * An M2M client, as every read returns it (no secret, only last fours).
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClient extends Wire<typeof M2MClients.M2MClient> {}

/**
 * An M2M client just created: `client_secret` is the plain secret. Store
 * it: it is never returned again.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientWithClientSecret extends Wire<typeof M2MClients.M2MClientWithClientSecret> {}

/**
 * An M2M client whose secret rotation just started: `next_client_secret` is
 * the plain next secret, returned only once.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientWithNextClientSecret extends Wire<typeof M2MClients.M2MClientWithNextClientSecret> {}

/**
 * `active` or `inactive`.
 *
 * @since 0.1.0
 * @category models
 */
export type M2MClientStatus = M2MClients.Status

/**
 * The paging information of a search: `total` and `next_cursor`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MResultsMetadata extends Wire<typeof M2MClients.ResultsMetadata> {}

/**
 * The filter of a search: `operator` (`AND`, `OR`) and `operands`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MSearchQuery extends Wire<typeof M2MClients.SearchQuery> {}

/**
 * One filter of an {@link M2MSearchQuery}: `filter_name` (`client_id`,
 * `client_name` or `scopes`) and `filter_value`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MSearchQueryOperand extends Wire<typeof M2MClients.SearchOperand> {}

/**
 * `scopes`, and optionally `client_id`, `client_secret`, `client_name`,
 * `client_description`, `trusted_metadata`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsCreateRequest extends Wire<typeof M2MClients.CreateRequest> {}

/**
 * `m2m_client` (with its `client_secret`), `request_id`, `status_code`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsCreateResponse extends Wire<typeof M2MClients.CreateResponse> {}

/**
 * `client_id`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsGetRequest extends Wire<typeof M2MClients.ClientRequest> {}

/**
 * `m2m_client`, `request_id`, `status_code`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsGetResponse extends Wire<typeof M2MClients.ClientResponse> {}

/**
 * `cursor`, `limit`, `query`, all optional.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsSearchRequest extends Wire<typeof M2MClients.SearchRequest> {}

/**
 * `m2m_clients`, `results_metadata`, `request_id`, `status_code`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsSearchResponse extends Wire<typeof M2MClients.SearchResponse> {}

/**
 * `client_id`, and optionally `client_name`, `client_description`, `status`,
 * `scopes`, `trusted_metadata`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsUpdateRequest extends Wire<typeof M2MClients.UpdateRequest> {}

/**
 * `m2m_client`, `request_id`, `status_code`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsUpdateResponse extends Wire<typeof M2MClients.ClientResponse> {}

/**
 * `client_id`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsDeleteRequest extends Wire<typeof M2MClients.ClientRequest> {}

/**
 * `client_id` (of the deleted client), `request_id`, `status_code`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsDeleteResponse extends Wire<typeof M2MClients.DeleteResponse> {}

/**
 * `client_id`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsSecretsRotateStartRequest extends Wire<typeof M2MClients.ClientRequest> {}

/**
 * `m2m_client` (with its `next_client_secret`), `request_id`, `status_code`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsSecretsRotateStartResponse extends Wire<typeof M2MClients.RotateStartResponse> {}

/**
 * `client_id`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsSecretsRotateRequest extends Wire<typeof M2MClients.ClientRequest> {}

/**
 * `m2m_client`, `request_id`, `status_code`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsSecretsRotateResponse extends Wire<typeof M2MClients.ClientResponse> {}

/**
 * `client_id`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsSecretsRotateCancelRequest extends Wire<typeof M2MClients.ClientRequest> {}

/**
 * `m2m_client`, `request_id`, `status_code`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsSecretsRotateCancelResponse extends Wire<typeof M2MClients.ClientResponse> {}

/**
 * `client.m2m.token`'s request: `client_id`, `client_secret`, and the
 * `scopes` to request (all of the client's when omitted or empty).
 *
 * @since 0.1.0
 * @category models
 */
export interface TokenRequest {
  readonly client_id: string
  readonly client_secret: string
  readonly scopes?: ReadonlyArray<string> | undefined
}

/**
 * `client.m2m.token`'s response, the token endpoint's body: `access_token`
 * (the JWT), `token_type`, `expires_in`, `status_code`, and `request_id` and
 * `scope` when the server sends them.
 *
 * @since 0.1.0
 * @category models
 */
export interface TokenResponse extends Wire<typeof M2M.TokenResponse> {}

/**
 * `client.m2m.authenticateToken`'s request: the `access_token`, and
 * optionally `required_scopes`, `max_token_age_seconds` (`0`: every token is
 * too old) and `clock_tolerance_seconds` (leeway for `exp`/`nbf`).
 *
 * @since 0.1.0
 * @category models
 */
export interface AuthenticateTokenRequest {
  readonly access_token: string
  readonly required_scopes?: ReadonlyArray<string> | undefined
  readonly max_token_age_seconds?: number | undefined
  readonly clock_tolerance_seconds?: number | undefined
}

/**
 * `client.m2m.authenticateToken`'s response: the `client_id` the token was
 * issued to, its `scopes`, and every other claim in `custom_claims`.
 *
 * @since 0.1.0
 * @category models
 */
export interface AuthenticateTokenResponse {
  readonly client_id: string
  readonly scopes: Array<string>
  readonly custom_claims: Record<string, unknown>
}

/**
 * The second argument of `client.m2m.authenticateToken`: decides whether the
 * token's scopes (`hasScopes`) satisfy the `requiredScopes`, in place of the
 * default `action:resource` check. Called only when `required_scopes` is not
 * empty; `false` rejects with `ClientError` `missing_scopes`.
 *
 * @since 0.1.0
 * @category models
 */
export type ScopeAuthorizationFunc = (
  scopes: { readonly hasScopes: Array<string>; readonly requiredScopes: Array<string> }
) => boolean
