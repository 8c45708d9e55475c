/**
 * The types `M2M` and `internal/verify` share: the input and output of
 * `M2M.authenticateToken`, and the JWKS operation `verify` is given. In a
 * module of their own so that `verify` does not import `M2M` (which imports
 * `verify`).
 *
 * @internal
 */
import type { StytchError } from "@stytch-effect/core/StytchError"
import type * as StytchProject from "@stytch-effect/core/StytchProject"
import type * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"

/**
 * @since 0.1.0
 * @category models
 */
export interface AuthenticateTokenRequest {
  /** The access token (a string, or the `Redacted` that `M2M.token` returns). */
  readonly accessToken: string | Redacted.Redacted<string>
  /** Scopes the token must grant (`action:resource`; a granted `action:*` covers any resource). */
  readonly requiredScopes?: ReadonlyArray<string> | undefined
  /** Reject tokens issued this many seconds ago or earlier (`0`: every token). */
  readonly maxTokenAgeSeconds?: number | undefined
  /** Leeway for `exp`/`nbf`, in seconds. Default 0. */
  readonly clockToleranceSeconds?: number | undefined
  /** Replaces the default `action:resource` scope check. */
  readonly authorizationCheck?:
    | ((grantedScopes: ReadonlyArray<string>, requiredScopes: ReadonlyArray<string>) => boolean)
    | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface AuthenticateTokenResponse {
  /** The M2M client the token was issued to (`sub`). */
  readonly clientID: string
  /** The granted scopes (`scope`, split on spaces). */
  readonly scopes: ReadonlyArray<string>
  /** Every other claim (not `aud`, `exp`, `iat`, `iss`, `jti`, `nbf`, `sub`, `scope`). */
  readonly customClaims: Readonly<Record<string, unknown>>
}

/**
 * The JWKS operation (`M2M.jwks`), passed to `verifyToken`: what it needs of
 * the request and the response.
 *
 * @internal
 */
export type FetchJWKS = (
  request: { readonly projectID: string }
) => Effect.Effect<{ readonly keys: ReadonlyArray<Readonly<Record<string, unknown>>> }, StytchError, StytchProject.StytchProject>
