/**
 * The promise facade of stytch-effect: `ManagementClient` and
 * `ProjectClient`, their error classes and one type namespace per resource,
 * shaped like the official `stytch-management` and `stytch` node SDKs.
 *
 * @since 0.1.0
 */
export { ClientError, type ClientErrorCode, ManagementStytchError, RequestError, StytchError } from "./Errors.js"
export { AuthError, type LoginUrl, OAuth, type OAuthConfig, type Tokens, type TokenStorage } from "./OAuth.js"
export {
  type ClientConfig,
  type OAuthClientConfig,
  type ClientOptions,
  ManagementClient,
  type PromiseOperation,
  type PromiseResource,
  type RequestOptions,
  type ResourceModule,
  type Resources
} from "./ManagementClient.js"
export type { Unredacted } from "./internal/unredact.js"
export {
  type AuthenticateTokenRequest,
  type M2MClientsResource,
  type M2MResource,
  ProjectClient,
  type ProjectClientConfig,
  type ProjectClientOptions,
  type TokenRequest
} from "./ProjectClient.js"

/**
 * One namespace per resource, for its types, under the official node SDK's
 * name (`projects`, `redirecturls`, `country_code_allowlist`, …) and, where
 * that differs, under the client property's name too (`redirectURLs`,
 * `countryCodeAllowlist`, …): `projects.CreateRequest`, `projects.Vertical`,
 * `redirecturls.RedirectURL`. Each is the `@stytch-effect/resources` module itself, so the types are
 * the ones the facade's methods take and return (its runtime values are the
 * Effect schemas and operations; the facade's methods are on the client).
 * `secrets` and `event_log_streaming` / `eventLogStreaming` are compat
 * modules: their secret-bearing types say `string` (the facade returns
 * plain strings) where the Effect API says `Redacted<string>`.
 *
 * `m2m` holds the types of a `ProjectClient`'s `client.m2m.*` under the
 * official node SDK's names (`m2m.M2MClient`, `m2m.M2MClientWithClientSecret`,
 * `m2m.M2MClientsCreateRequest`, `m2m.TokenResponse`, …), secrets as `string`.
 *
 * @since 0.1.0
 */
export {
  CountryCodeAllowlist as country_code_allowlist,
  CountryCodeAllowlist as countryCodeAllowlist,
  EmailTemplates as emailtemplates,
  EmailTemplates as emailTemplates,
  Environments as environments,
  JWTTemplates as jwttemplates,
  JWTTemplates as jwtTemplates,
  PasswordStrengthConfig as passwordstrengthconfig,
  PasswordStrengthConfig as passwordStrengthConfig,
  Projects as projects,
  PublicTokens as publictokens,
  PublicTokens as publicTokens,
  RBACPolicy as rbacpolicy,
  RBACPolicy as rbacPolicy,
  RedirectURLs as redirecturls,
  RedirectURLs as redirectURLs,
  SDK as sdk,
  TrustedTokenProfiles as trustedtokenprofiles,
  TrustedTokenProfiles as trustedTokenProfiles,
  V1ToV3Migration as v1ToV3Migration
} from "@stytch-effect/resources"
export * as event_log_streaming from "./internal/namespaces/eventLogStreaming.js"
export * as eventLogStreaming from "./internal/namespaces/eventLogStreaming.js"
export * as secrets from "./internal/namespaces/secrets.js"
export type * as m2m from "./internal/namespaces/m2m.js"
