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
 * @since 0.3.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as StytchProject from "@stytch-effect/core/StytchProject"
import * as Wire from "@stytch-effect/core/Wire"
import type { StytchError } from "@stytch-effect/core/StytchError"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as SingleFlight from "./internal/singleFlight.js"

import type { TokenVerificationError } from "./internal/tokenError.js"
import { type AuthenticateTokenRequest, type AuthenticateTokenResponse, verifyToken } from "./internal/verify.js"

export {
  /**
   * @since 0.3.0
   * @category models
   */
  type AuthenticateTokenRequest,
  /**
   * @since 0.3.0
   * @category models
   */
  type AuthenticateTokenResponse
} from "./internal/verify.js"
export {
  /**
   * Why a token was not accepted by {@link authenticateToken}.
   *
   * @since 0.3.0
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
 * @since 0.3.0
 * @category models
 */
export interface OAuthTokenRequest extends Schema.Schema.Type<typeof OAuthTokenRequest_> {}
/**
 * @since 0.3.0
 * @category schemas
 */
export const OAuthTokenRequest: Schema.Schema<OAuthTokenRequest, typeof OAuthTokenRequest_.Encoded> = OAuthTokenRequest_

const TokenResponse_ = Wire.Response({
  accessToken: Wire.field(
    "access_token",
    Schema.Redacted(Schema.String.annotations({ description: "The access token, a JWT signed with the project's keys." }))
  ),
  tokenType: Wire.field("token_type", Schema.String, "Always bearer."),
  expiresIn: Wire.field("expires_in", Schema.Number, "Seconds until the token expires.")
})
/**
 * An access token. `accessToken` is a `Redacted<string>` (it is a bearer
 * credential); `authenticateToken` takes it as is.
 *
 * @since 0.3.0
 * @category models
 */
export interface TokenResponse extends Schema.Schema.Type<typeof TokenResponse_> {}
/**
 * @since 0.3.0
 * @category schemas
 */
export const TokenResponse: Schema.Schema<TokenResponse, typeof TokenResponse_.Encoded> = TokenResponse_

const JWKSRequest_ = Schema.Struct({ projectID: Wire.field("project_id", Wire.PathParam) })
/**
 * @since 0.3.0
 * @category models
 */
export interface JWKSRequest extends Schema.Schema.Type<typeof JWKSRequest_> {}
/**
 * @since 0.3.0
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
 * @since 0.3.0
 * @category models
 */
export interface JWKSResponse extends Schema.Schema.Type<typeof JWKSResponse_> {}
/**
 * @since 0.3.0
 * @category schemas
 */
export const JWKSResponse: Schema.Schema<JWKSResponse, typeof JWKSResponse_.Encoded> = JWKSResponse_

/**
 * The endpoint definitions of this group (project API, both public: sent
 * without the project's credentials).
 *
 * @since 0.3.0
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
 * @since 0.3.0
 * @category operations
 */
export const jwks = Endpoint.operation(endpoints.jwks)

const requestToken = Endpoint.operation(endpoints.token)

/**
 * What {@link token} takes.
 *
 * @since 0.3.0
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

const tokenCaches = new WeakMap<StytchProject.Service, SingleFlight.SingleFlight<string, TokenResponse>>()

/**
 * Gets an access token for an M2M client: the client-credentials grant,
 * with the client's id and secret in the body (no project credentials are
 * sent). Tokens are cached per project client, client id, secret and scopes
 * until a minute before they expire; concurrent calls for the same token
 * share one request, and a failure is not cached.
 *
 * @since 0.3.0
 * @category operations
 */
export const token = (
  request: TokenRequest
): Effect.Effect<TokenResponse, StytchError, StytchProject.StytchProject> =>
  Effect.flatMap(StytchProject.StytchProject, (project) =>
    Effect.flatMap(Clock.currentTimeMillis, (now) => {
      let cache = tokenCaches.get(project)
      if (cache === undefined) tokenCaches.set(project, cache = SingleFlight.make())
      const secret = Redacted.isRedacted(request.clientSecret) ? Redacted.value(request.clientSecret) : request.clientSecret
      const scope = request.scopes === undefined || request.scopes.length === 0 ? undefined : request.scopes.join(" ")
      // The secret is part of the key: a wrong secret never gets a token cached for the right one.
      const key = JSON.stringify([request.clientID, secret, scope ?? null])
      const fetch = requestToken({
        projectID: project.projectID,
        clientID: request.clientID,
        clientSecret: request.clientSecret,
        grantType: "client_credentials",
        ...(scope === undefined ? {} : { scope })
      })
      return cache.get(key, now, fetch, freshFor)
    }))

/**
 * Verifies an M2M access token locally against the project's JWKS
 * (`jose`): signature, `typ: JWT`, audience (the project id), issuer
 * (`stytch.com/<project id>` or the base URL), `exp`/`nbf` (with
 * `clockToleranceSeconds`), then `maxTokenAgeSeconds` and the required
 * scopes (`action:resource`, a granted `action:*` covers every resource).
 * Only the JWKS is fetched: once, then cached for ten minutes, and again
 * when a token names a key it does not hold. Fails with a
 * {@link TokenVerificationError} (`Invalid`, `TooOld`, `MissingScopes`).
 *
 * @since 0.3.0
 * @category operations
 */
export const authenticateToken = (
  request: AuthenticateTokenRequest
): Effect.Effect<AuthenticateTokenResponse, TokenVerificationError | StytchError, StytchProject.StytchProject> =>
  verifyToken(jwks, request)
