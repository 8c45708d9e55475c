/**
 * The foundation of stytch-effect: the `StytchManagement` and `StytchProject`
 * services and their layers, credentials, typed errors, the retry policy,
 * OAuth sign-in, and the endpoint pattern (with its wire schemas and the
 * OpenAPI document) that `@stytch-effect/resources` builds every operation
 * with. `NodeHttpClient` and `NodeOAuth` are Node-only and imported by path
 * (`@stytch-effect/core/NodeHttpClient`).
 *
 * @since 0.1.0
 */
/**
 * Credentials of the Management API: a workspace key or an access token,
 * held as `Redacted` values.
 *
 * @since 0.1.0
 */
export * as Credentials from "./Credentials.js"
/**
 * The endpoint pattern: an endpoint described once (method, path, request
 * and response schemas) becomes the typed operation, the fake server's route
 * and the OpenAPI entry.
 *
 * @since 0.1.0
 */
export * as Endpoint from "./Endpoint.js"
/**
 * Sign-in to the Management API with OAuth 2.0 + PKCE instead of a workspace
 * key: login URL, callback exchange, token storage and a refreshing
 * credentials layer.
 *
 * @since 0.1.0
 */
export * as OAuth from "./OAuth.js"
/**
 * An OpenAPI 3.1 document generated from endpoint definitions.
 *
 * @since 0.1.0
 */
export * as OpenApi from "./OpenApi.js"
/**
 * When a failed request is retried, and after how long; swap or disable the
 * policy with a layer.
 *
 * @since 0.1.0
 */
export * as RetryPolicy from "./RetryPolicy.js"
/**
 * The typed errors of every operation (`StytchApiError`, `TransportError`,
 * `UnexpectedResponseError`, `InvalidRequestError`) and OAuth's `AuthError`.
 *
 * @since 0.1.0
 */
export * as StytchError from "./StytchError.js"
/**
 * The Management API service (`StytchManagement`) every resource operation
 * requires, its layers and per-call request options.
 *
 * @since 0.1.0
 */
export * as StytchManagement from "./StytchManagement.js"
/**
 * The project API service (`StytchProject`): a project's own API,
 * authenticated with its project id and secret (M2M clients and tokens).
 *
 * @since 0.1.0
 */
export * as StytchProject from "./StytchProject.js"
/**
 * Building blocks of the wire schemas: snake_case fields, closed and open
 * enums, secrets in requests and the response envelope.
 *
 * @since 0.1.0
 */
export * as Wire from "./Wire.js"
