/**
 * The promise facade of stytch-effect: `ManagementClient` and
 * `ProjectClient`, their error classes and one type namespace per resource,
 * shaped like the official `stytch-management` and `stytch` node SDKs.
 *
 * The type namespaces are under the official node SDK's names (`projects`,
 * `redirecturls`, `country_code_allowlist`, …) and, where that differs,
 * under the client property's name too (`redirectURLs`,
 * `countryCodeAllowlist`, …): `projects.CreateRequest`, `projects.Vertical`,
 * `redirecturls.RedirectURL`. Each is the `@stytch-effect/resources` module
 * itself, so the types are the ones the facade's methods take and return (its
 * runtime values are the Effect schemas and operations; the facade's methods
 * are on the client). `secrets` and `event_log_streaming` /
 * `eventLogStreaming` are compat modules: their secret-bearing types say
 * `string` (the facade returns plain strings) where the Effect API says
 * `Redacted<string>`. `m2m` holds the types of a `ProjectClient`'s
 * `client.m2m.*` under the official node SDK's (`stytch`) names and with its
 * snake_case fields (`m2m.M2MClient`, `m2m.M2MClientWithClientSecret`,
 * `m2m.TokenResponse`, …), secrets as `string`.
 *
 * @since 0.1.0
 */
export {
  /**
   * A client-side failure: an invalid request caught before any network
   * call, a response that could not be understood, an invalid configuration
   * or a closed client. Switch on its `code`.
   *
   * @since 0.1.0
   * @category errors
   */
  ClientError,
  /**
   * The codes of a {@link ClientError} (`MISSING_PATH_PARAMETER`,
   * `INVALID_REQUEST`, `MISSING_CREDENTIALS`, `CLIENT_CLOSED`, `ABORTED`, …).
   *
   * @since 0.1.0
   * @category errors
   */
  type ClientErrorCode,
  /**
   * An error answer of the Management API (`status_code`, `request_id`,
   * `error_type`, `error_message`, `error_url`).
   *
   * @since 0.1.0
   * @category errors
   */
  ManagementStytchError,
  /**
   * A request that never produced a response: connection refused or failed,
   * or a timeout (`reason`, `method`, `url`).
   *
   * @since 0.1.0
   * @category errors
   */
  RequestError,
  /**
   * An error answer of a project's API (a `ProjectClient`), with the official
   * node SDK's fields.
   *
   * @since 0.1.0
   * @category errors
   */
  StytchError
} from "./Errors.js"
export {
  /**
   * An OAuth sign-in that failed, or a stored session that can no longer be
   * used (`reason`, `refresh_token_invalid`).
   *
   * @since 0.1.0
   * @category errors
   */
  AuthError,
  /**
   * What `OAuth.getLoginUrl` returns: the `url`, and the `state` and
   * `verifier` to keep until the callback.
   *
   * @since 0.1.0
   * @category models
   */
  type LoginUrl,
  /**
   * The OAuth 2.0 + PKCE login helper: login URL, callback, logout.
   *
   * @since 0.1.0
   * @category clients
   */
  OAuth,
  /**
   * The settings of the {@link OAuth} helper (`redirect_uri`,
   * `token_storage`, scopes, endpoints).
   *
   * @since 0.1.0
   * @category models
   */
  type OAuthConfig,
  /**
   * The tokens of a signed-in session, as a {@link TokenStorage} stores them.
   *
   * @since 0.1.0
   * @category models
   */
  type Tokens,
  /**
   * Where a `ManagementClient` and the {@link OAuth} helper keep the tokens:
   * `getTokens`, `setTokens`, `clearTokens`.
   *
   * @since 0.1.0
   * @category models
   */
  type TokenStorage
} from "./OAuth.js"
export {
  /**
   * The settings of a {@link ManagementClient}: a workspace key or an access
   * token (or the environment), base URL, timeout, retries, deadline,
   * response size limit, or `oauth`.
   *
   * @since 0.1.0
   * @category models
   */
  type ClientConfig,
  /**
   * The `oauth` setting of a {@link ManagementClient}: its token storage and
   * OAuth client.
   *
   * @since 0.1.0
   * @category models
   */
  type OAuthClientConfig,
  /**
   * How a {@link ManagementClient} sends requests: its HTTP transport.
   *
   * @since 0.1.0
   * @category models
   */
  type ClientOptions,
  /**
   * The Management API client with promise-returning methods, grouped by
   * resource (`client.projects`, `client.secrets`, …).
   *
   * @since 0.1.0
   * @category clients
   */
  ManagementClient,
  /**
   * One operation as a promise-returning method.
   *
   * @since 0.1.0
   * @category models
   */
  type PromiseOperation,
  /**
   * Every operation of a resource module as a promise-returning method.
   *
   * @since 0.1.0
   * @category models
   */
  type PromiseResource,
  /**
   * Per-call options, the optional second argument of every method
   * (`signal`, `timeout`, `deadline`, `maxRetries`, `headers`).
   *
   * @since 0.1.0
   * @category models
   */
  type RequestOptions,
  /**
   * What the facade needs of a resource module: its endpoint definitions.
   *
   * @since 0.1.0
   * @category models
   */
  type ResourceModule,
  /**
   * The resource properties of a {@link ManagementClient}, one per resource
   * group.
   *
   * @since 0.1.0
   * @category models
   */
  type Resources
} from "./ManagementClient.js"
export type {
  /**
   * A type with every `Redacted<V>` inside replaced by `V`: what the facade
   * returns where the Effect API returns `Redacted` secrets.
   *
   * @since 0.1.0
   * @category models
   */
  Unredacted
} from "./internal/unredact.js"
export {
  /**
   * `client.m2m.authenticateToken`'s request (stytch-node's names):
   * `access_token`, `required_scopes`, `max_token_age_seconds`,
   * `clock_tolerance_seconds`.
   *
   * @since 0.1.0
   * @category models
   */
  type AuthenticateTokenRequest,
  /**
   * `client.m2m.clients`, as stytch-node has it (`get`, `search`, `update`,
   * `delete`, `create`, the rotation steps under `secrets`), and `searchAll`.
   *
   * @since 0.1.0
   * @category models
   */
  type M2MClientsResource,
  /**
   * `client.m2m`: M2M clients, tokens and token verification.
   *
   * @since 0.1.0
   * @category models
   */
  type M2MResource,
  /**
   * The client of one project's API (M2M clients and tokens) with
   * promise-returning methods.
   *
   * @since 0.1.0
   * @category clients
   */
  ProjectClient,
  /**
   * The settings of a {@link ProjectClient} (`project_id`, `secret`, base
   * URL, timeout, retries), or the environment.
   *
   * @since 0.1.0
   * @category models
   */
  type ProjectClientConfig,
  /**
   * How a {@link ProjectClient} sends requests: its HTTP transport.
   *
   * @since 0.1.0
   * @category models
   */
  type ProjectClientOptions,
  /**
   * `client.m2m.token`'s request (stytch-node's names): `client_id`,
   * `client_secret`, `scopes`.
   *
   * @since 0.1.0
   * @category models
   */
  type TokenRequest
} from "./ProjectClient.js"

export {
  /**
   * The types of `client.countryCodeAllowlist`, under the official node
   * SDK's name: the `CountryCodeAllowlist` module of
   * `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  CountryCodeAllowlist as country_code_allowlist,
  /**
   * The types of `client.countryCodeAllowlist`: the `CountryCodeAllowlist`
   * module of `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  CountryCodeAllowlist as countryCodeAllowlist,
  /**
   * The types of `client.emailTemplates`, under the official node SDK's
   * name: the `EmailTemplates` module of `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  EmailTemplates as emailtemplates,
  /**
   * The types of `client.emailTemplates`: the `EmailTemplates` module of
   * `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  EmailTemplates as emailTemplates,
  /**
   * The types of `client.environments`: the `Environments` module of
   * `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  Environments as environments,
  /**
   * The types of `client.jwtTemplates`, under the official node SDK's name:
   * the `JWTTemplates` module of `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  JWTTemplates as jwttemplates,
  /**
   * The types of `client.jwtTemplates`: the `JWTTemplates` module of
   * `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  JWTTemplates as jwtTemplates,
  /**
   * The types of `client.passwordStrengthConfig`, under the official node
   * SDK's name: the `PasswordStrengthConfig` module of
   * `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  PasswordStrengthConfig as passwordstrengthconfig,
  /**
   * The types of `client.passwordStrengthConfig`: the
   * `PasswordStrengthConfig` module of `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  PasswordStrengthConfig as passwordStrengthConfig,
  /**
   * The types of `client.projects`: the `Projects` module of
   * `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  Projects as projects,
  /**
   * The types of `client.publicTokens`, under the official node SDK's name:
   * the `PublicTokens` module of `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  PublicTokens as publictokens,
  /**
   * The types of `client.publicTokens`: the `PublicTokens` module of
   * `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  PublicTokens as publicTokens,
  /**
   * The types of `client.rbacPolicy`, under the official node SDK's name:
   * the `RBACPolicy` module of `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  RBACPolicy as rbacpolicy,
  /**
   * The types of `client.rbacPolicy`: the `RBACPolicy` module of
   * `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  RBACPolicy as rbacPolicy,
  /**
   * The types of `client.redirectURLs`, under the official node SDK's name:
   * the `RedirectURLs` module of `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  RedirectURLs as redirecturls,
  /**
   * The types of `client.redirectURLs`: the `RedirectURLs` module of
   * `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  RedirectURLs as redirectURLs,
  /**
   * The types of `client.sdk`: the `SDK` module of
   * `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  SDK as sdk,
  /**
   * The types of `client.trustedTokenProfiles`, under the official node
   * SDK's name: the `TrustedTokenProfiles` module of
   * `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  TrustedTokenProfiles as trustedtokenprofiles,
  /**
   * The types of `client.trustedTokenProfiles`: the `TrustedTokenProfiles`
   * module of `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  TrustedTokenProfiles as trustedTokenProfiles,
  /**
   * The types of `client.v1ToV3Migration`: the `V1ToV3Migration` module of
   * `@stytch-effect/resources`.
   *
   * @since 0.1.0
   * @category type namespaces
   */
  V1ToV3Migration as v1ToV3Migration
} from "@stytch-effect/resources"
/**
 * The types of `client.eventLogStreaming`, under the official node SDK's
 * name: those of the `EventLogStreaming` module of
 * `@stytch-effect/resources`, with `apiKey` and `password` as `string` (types
 * only: the schemas are in `@stytch-effect/resources`).
 *
 * @since 0.1.0
 * @category type namespaces
 */
export * as event_log_streaming from "./internal/namespaces/eventLogStreaming.js"
/**
 * The types of `client.eventLogStreaming`: those of the `EventLogStreaming`
 * module of `@stytch-effect/resources`, with `apiKey` and `password` as
 * `string` (types only: the schemas are in `@stytch-effect/resources`).
 *
 * @since 0.1.0
 * @category type namespaces
 */
export * as eventLogStreaming from "./internal/namespaces/eventLogStreaming.js"
/**
 * The types of `client.secrets`: those of the `Secrets` module of
 * `@stytch-effect/resources`, with the secret value as `string` (types only:
 * the schemas are in `@stytch-effect/resources`).
 *
 * @since 0.1.0
 * @category type namespaces
 */
export * as secrets from "./internal/namespaces/secrets.js"
/**
 * The types of a `ProjectClient`'s `client.m2m.*`, under the official node
 * SDK's (`stytch`) names and with its snake_case fields (`M2MClient`,
 * `M2MClientWithClientSecret`, `M2MClientsCreateRequest`, `TokenResponse`,
 * `ScopeAuthorizationFunc`, …), plain JSON, secrets as `string` (types only:
 * the wire side of the schemas in `@stytch-effect/resources`).
 *
 * @since 0.1.0
 * @category type namespaces
 */
export type * as m2m from "./internal/namespaces/m2m.js"
