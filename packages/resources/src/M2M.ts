/**
 * Machine-to-machine tokens (project API, `StytchProject`): {@link token}
 * gets an access token for an M2M client (OAuth 2.0 client-credentials
 * grant), cached until shortly before it expires; {@link authenticateToken}
 * verifies one locally against the project's JWKS (signature, issuer,
 * audience, age, scopes).
 *
 * ```ts
 * const { accessToken } = yield* M2M.token({ clientID, clientSecret, scopes: ["read:users"] })
 * const { clientID, scopes } = yield* M2M.authenticateToken({ accessToken, requiredScopes: ["read:users"] })
 * ```
 *
 * @since 0.1.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as StytchProject from "@stytch-effect/core/StytchProject"
import * as Wire from "@stytch-effect/core/Wire"
import type { StytchError } from "@stytch-effect/core/StytchError"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"

import type { TokenVerificationError } from "./internal/tokenError.js"
import type { AuthenticateTokenRequest, AuthenticateTokenResponse } from "./internal/m2mTypes.js"
import * as TokenCache from "./internal/tokenCache.js"
import { verifyToken } from "./internal/verify.js"

export {
  /**
   * What {@link authenticateToken} takes: the `accessToken` (a string, or the
   * `Redacted` that {@link token} returns), and optionally the
   * `requiredScopes`, a `maxTokenAgeSeconds`, a `clockToleranceSeconds` leeway
   * for `exp`/`nbf`, and an `authorizationCheck` replacing the default
   * `action:resource` scope check.
   *
   * @since 0.1.0
   * @category models
   */
  type AuthenticateTokenRequest,
  /**
   * What {@link authenticateToken} succeeds with: the `clientID` the token was
   * issued to (its `sub`), the granted `scopes`, and every other claim in
   * `customClaims`.
   *
   * @since 0.1.0
   * @category models
   */
  type AuthenticateTokenResponse
} from "./internal/m2mTypes.js"
export {
  /**
   * Why a token was not accepted by {@link authenticateToken}.
   *
   * @since 0.1.0
   * @category errors
   */
  TokenVerificationError
} from "./internal/tokenError.js"

const OAuthTokenRequest_ = Schema.Struct({
  projectID: Wire.field("project_id", Wire.PathParam),
  clientID: Wire.field("client_id", Schema.String, "The ID of the M2M client."),
  clientSecret: Wire.field("client_secret", Wire.secret("The secret of the M2M client.")),
  grantType: Wire.field("grant_type", Schema.Literal("client_credentials")),
  scope: Wire.optionalField("scope", Schema.String, "The requested scopes, space-separated; all of the client's when omitted.")
})
/**
 * The wire request of the token endpoint (what {@link token} sends).
 *
 * @since 0.1.0
 * @category models
 */
export interface OAuthTokenRequest extends Schema.Schema.Type<typeof OAuthTokenRequest_> {}
/**
 * The schema of {@link OAuthTokenRequest}. {@link token} builds one from its {@link TokenRequest} and the
 * project client's `projectID`, and encodes it with this schema: `projectID` goes in the path, the other
 * fields in the JSON body (`client_id`, `client_secret` as plain text, `grant_type`, `scope`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const OAuthTokenRequest: Schema.Schema<OAuthTokenRequest, typeof OAuthTokenRequest_.Encoded> = OAuthTokenRequest_

const TokenResponse_ = Schema.Struct({
  // A plain OAuth 2.0 token body (RFC 6749 §5.1) has no request_id (stytch-node's type neither).
  requestID: Wire.optionalField("request_id", Schema.String),
  statusCode: Wire.field("status_code", Schema.Number),
  accessToken: Wire.field(
    "access_token",
    Schema.Redacted(Schema.String.annotations({ description: "The access token, a JWT signed with the project's keys." }))
  ),
  tokenType: Wire.field("token_type", Schema.String, "Always bearer."),
  expiresIn: Wire.field("expires_in", Schema.Number, "Seconds until the token expires."),
  scope: Schema.optional(
    Schema.String.annotations({ description: "The granted scopes, space-separated, when the server says (OAuth 2.0)." })
  )
})
/**
 * An access token. `accessToken` is a `Redacted<string>` (it is a bearer
 * credential); `authenticateToken` takes it as is. The body is read as a
 * plain OAuth 2.0 token response: `requestID` only when the server sends
 * one (Stytch does, a plain OAuth server does not), `scope` (the granted
 * scopes) when the server sends it, and `statusCode` from the HTTP status
 * when the body has none.
 *
 * @since 0.1.0
 * @category models
 */
export interface TokenResponse extends Schema.Schema.Type<typeof TokenResponse_> {}
/**
 * The schema of {@link TokenResponse}: decodes the JSON body of a successful {@link token} (snake_case keys)
 * into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TokenResponse: Schema.Schema<TokenResponse, typeof TokenResponse_.Encoded> = TokenResponse_

const JWKSRequest_ = Schema.Struct({ projectID: Wire.field("project_id", Wire.PathParam) })
/**
 * The input of {@link jwks}: `projectID`.
 *
 * @since 0.1.0
 * @category models
 */
export interface JWKSRequest extends Schema.Schema.Type<typeof JWKSRequest_> {}
/**
 * The schema of {@link JWKSRequest}. {@link jwks} encodes its input with it: a value that does not fit fails
 * with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectID` in the path, with
 * snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const JWKSRequest: Schema.Schema<JWKSRequest, typeof JWKSRequest_.Encoded> = JWKSRequest_

const JWKSResponse_ = Schema.Struct({
  requestID: Wire.optionalField("request_id", Schema.String),
  statusCode: Wire.field("status_code", Schema.Number),
  keys: Schema.Array(Schema.Record({ key: Schema.String, value: Schema.Unknown })).annotations({
    description: "The project's public signing keys (JWK)."
  })
})
/**
 * What {@link jwks} succeeds with: the project's public signing `keys` (JWKs, as plain JSON objects), the
 * `statusCode` and, when the server sends one, a `requestID`.
 *
 * @since 0.1.0
 * @category models
 */
export interface JWKSResponse extends Schema.Schema.Type<typeof JWKSResponse_> {}
/**
 * The schema of {@link JWKSResponse}: decodes the JSON body of a successful {@link jwks} (snake_case keys)
 * into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const JWKSResponse: Schema.Schema<JWKSResponse, typeof JWKSResponse_.Encoded> = JWKSResponse_

/**
 * The endpoint definitions of this group (project API, both public: sent
 * without the project's credentials).
 *
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints = Endpoint.group("m2m", {
  token: {
    method: "POST",
    path: "/v1/public/{project_id}/oauth2/token",
    request: OAuthTokenRequest,
    response: TokenResponse,
    anonymous: true,
    description: "OAuth 2.0 client-credentials grant: an access token for an M2M client (credentials in the body)."
  },
  jwks: {
    method: "GET",
    path: "/v1/sessions/jwks/{project_id}",
    request: JWKSRequest,
    response: JWKSResponse,
    anonymous: true,
    description: "The project's JSON Web Key Set, to verify its tokens."
  }
}, { service: StytchProject.StytchProject })

/**
 * Fetches the project's JWKS (uncached; `authenticateToken` caches it).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { M2M } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { keys } = yield* M2M.jwks({ projectID: "project-live-c60c0abe-1234-4c1e-9d8a-0f1e2d3c4b5a" })
 *   return keys.map((key) => key["kid"])
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const jwks = Endpoint.operation(endpoints.jwks)

const requestToken = Endpoint.operation(endpoints.token)

/**
 * What {@link token} takes.
 *
 * @since 0.1.0
 * @category models
 */
export interface TokenRequest {
  /** The M2M client's id. */
  readonly clientID: string
  /** The M2M client's secret (a string or a `Redacted`). */
  readonly clientSecret: string | Redacted.Redacted<string>
  /** Scopes to request; all of the client's scopes when omitted or empty. */
  readonly scopes?: ReadonlyArray<string> | undefined
}

/** Refresh a minute before expiry (half the lifetime for tokens shorter than two minutes). */
const freshFor = (response: TokenResponse): number => {
  const seconds = Math.max(0, response.expiresIn)
  return (seconds - Math.min(60, seconds / 2)) * 1000
}

/**
 * Gets an access token for an M2M client: the client-credentials grant,
 * with the client's id and secret in the body (no project credentials are
 * sent). Tokens are cached per project client, client id, secret and scopes
 * until a minute before they expire; concurrent calls for the same token
 * share one request, and a failure is not cached. The cache holds at most
 * 256 tokens per project client (the least recently used are dropped, and
 * expired ones), and keys them by a salted SHA-256 digest (Web Crypto), never
 * by the secret itself.
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { M2M } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { accessToken } = yield* M2M.token({ clientID: "m2m-client-live-0a1b2c", clientSecret: "…", scopes: ["read:users"] })
 *   return { Authorization: `Bearer ${Redacted.value(accessToken)}` }
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const token = (
  request: TokenRequest
): Effect.Effect<TokenResponse, StytchError, StytchProject.StytchProject> =>
  Effect.flatMap(StytchProject.StytchProject, (project) =>
    Effect.flatMap(Clock.currentTimeMillis, (now) => {
      const cache = TokenCache.of<TokenResponse>(project)
      const secret = Redacted.isRedacted(request.clientSecret) ? Redacted.value(request.clientSecret) : request.clientSecret
      const scope = request.scopes === undefined || request.scopes.length === 0 ? undefined : request.scopes.join(" ")
      const fetch = requestToken({
        projectID: project.projectID,
        clientID: request.clientID,
        clientSecret: request.clientSecret,
        grantType: "client_credentials",
        ...(scope === undefined ? {} : { scope })
      })
      // The secret is part of the key (as a digest): a wrong secret never gets a token cached for the right one.
      return Effect.flatMap(cache.keyOf([request.clientID, secret, scope ?? null]), (key) =>
        cache.tokens.get(key, now, fetch, freshFor))
    }))

/**
 * Verifies an M2M access token locally against the project's JWKS
 * (`jose`): signature, `typ: JWT`, audience (the project id), issuer
 * (`stytch.com/<project id>` or the base URL), `exp`/`nbf` (with
 * `clockToleranceSeconds`), then `maxTokenAgeSeconds` and the required
 * scopes (`action:resource`, a granted `action:*` covers every resource).
 *
 * Only M2M access tokens are accepted: a token without a string `scope`
 * claim, or with Stytch's session claim (`https://stytch.com/session`), fails
 * with reason `Invalid` whatever scopes are required. A project's session
 * JWTs are signed with the same keys, for the same issuer and audience, so
 * without this rule any user's session token would pass as a machine.
 *
 * Only the JWKS is fetched: once, then cached for ten minutes, and again
 * when a token names a key it does not hold. Fails with a
 * {@link TokenVerificationError} (`Invalid`, `TooOld`, `MissingScopes`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { M2M } from "@stytch-effect/resources"
 *
 * const authorize = (bearer: string) =>
 *   M2M.authenticateToken({ accessToken: bearer, requiredScopes: ["read:users"], maxTokenAgeSeconds: 3600 }).pipe(
 *     Effect.map(({ clientID }) => clientID),
 *     Effect.catchTag("TokenVerificationError", (e) => Effect.fail(`401: ${e.reason}`))
 *   )
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const authenticateToken = (
  request: AuthenticateTokenRequest
): Effect.Effect<AuthenticateTokenResponse, TokenVerificationError | StytchError, StytchProject.StytchProject> =>
  verifyToken(jwks, request)
