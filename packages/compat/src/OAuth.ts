/**
 * Sign in with OAuth from promise code: the {@link OAuth} helper (login URL,
 * callback, logout) and the token storage a `ManagementClient` reads its
 * tokens from (`new ManagementClient({ oauth: { token_storage } })`).
 *
 * ```ts
 * const oauth = new OAuth({ redirect_uri: "http://127.0.0.1:5001/callback", token_storage })
 * const { url, state, verifier } = await oauth.getLoginUrl()
 * // … the browser comes back to redirect_uri …
 * await oauth.handleCallback({ callback_url, verifier, expected_state: state })
 * const client = new ManagementClient({ oauth: { token_storage } })
 * ```
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type { StytchError } from "@stytch-effect/core"
import * as CoreOAuth from "@stytch-effect/core/OAuth"
import * as StytchManagement from "@stytch-effect/core/StytchManagement"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { ClientError, RequestError } from "./Errors.js"

/**
 * The tokens of a signed-in session, as a {@link TokenStorage} stores them
 * (the same JSON the Node file storage writes).
 *
 * @since 0.1.0
 * @category models
 */
export interface Tokens {
  readonly access_token: string
  /** Present when `offline_access` was granted. */
  readonly refresh_token?: string | undefined
  /** When the access token expires, in milliseconds since the epoch. */
  readonly expires_at: number
  /**
   * When the tokens were received, in milliseconds since the epoch: with
   * `expires_at`, their lifetime, which caps the refresh leeway at half of
   * it. Keep it when you store the tokens.
   */
  readonly issued_at?: number | undefined
  /** The granted scopes, space-separated. */
  readonly scope: string
}

/**
 * Where a `ManagementClient` and the {@link OAuth} helper keep the tokens
 * (a keychain, a file, a session). `setTokens` is called after every login
 * and refresh (Stytch rotates refresh tokens: the previous one no longer
 * works, so store what you are given); `clearTokens` on logout and when the
 * refresh token is refused (unless the storage already holds other tokens).
 *
 * When several processes share the storage, give it `withLock`: it must run
 * `fn` holding a lock those processes share (a lock file, a database row
 * lock). A client then refreshes under it — reads the tokens again, and
 * refreshes only if they are still the expired ones, else uses what another
 * process stored — so two processes never present the same refresh token
 * (a server that detects reuse would end the login).
 *
 * @since 0.1.0
 * @category models
 */
export interface TokenStorage {
  getTokens(): Promise<Tokens | null | undefined>
  setTokens(tokens: Tokens): Promise<void>
  clearTokens(): Promise<void>
  withLock?<T>(fn: () => Promise<T>): Promise<T>
}

/**
 * Signing in failed, or the stored session can no longer be used. `reason`
 * is the Effect `AuthError`'s (`LoginRequired`, `RefreshTokenInvalid`,
 * `StateMismatch`, `IssuerMismatch`, `AuthorizationDenied`,
 * `TokenRequestFailed`, …);
 * `refresh_token_invalid` is `true` when the tokens were cleared and the
 * user must log in again. The typed Effect error is the `cause`. Never
 * contains a token.
 *
 * @since 0.1.0
 * @category errors
 */
export class AuthError extends Error {
  /**
   * Always `"AuthError"`.
   *
   * @since 0.1.0
   */
  override readonly name = "AuthError"
  /**
   * Why: the Effect `AuthError`'s reason (`LoginRequired`,
   * `RefreshTokenInvalid`, `StateMismatch`, `TokenRequestFailed`, …).
   *
   * @since 0.1.0
   */
  readonly reason: CoreOAuth.AuthError["reason"]
  /**
   * `true` when the refresh token was refused and the stored tokens were
   * cleared: the user must log in again.
   *
   * @since 0.1.0
   */
  readonly refresh_token_invalid: boolean
  /**
   * The OAuth 2.0 `error` code, if any.
   *
   * @since 0.1.0
   */
  declare readonly error?: string
  /**
   * The OAuth 2.0 `error_description`, if any.
   *
   * @since 0.1.0
   */
  declare readonly error_description?: string
  /**
   * The token or revoke endpoint's HTTP status, if any.
   *
   * @since 0.1.0
   */
  declare readonly status_code?: number

  constructor(error: CoreOAuth.AuthError) {
    super(error.message, { cause: error })
    this.reason = error.reason
    this.refresh_token_invalid = error.refreshTokenInvalid
    const self = this as { error?: string; error_description?: string; status_code?: number }
    if (error.error !== undefined) self.error = error.error
    if (error.errorDescription !== undefined) self.error_description = error.errorDescription
    if (error.statusCode !== undefined) self.status_code = error.statusCode
  }
}

/**
 * Core's storage over a promise one.
 *
 * @internal
 */
export const storageLayer = (storage: TokenStorage): Layer.Layer<CoreOAuth.TokenStorage> =>
  Layer.succeed(CoreOAuth.TokenStorage, CoreOAuth.promiseTokenStorage(storage))

/**
 * Throws unless `storage` has the three methods.
 *
 * @internal
 */
export const checkStorage = (storage: unknown, field: string): TokenStorage => {
  const s = storage as Partial<TokenStorage> | undefined
  if (
    typeof s !== "object" || s === null || typeof s.getTokens !== "function" || typeof s.setTokens !== "function" ||
    typeof s.clearTokens !== "function"
  ) {
    throw new ClientError("INVALID_CONFIG", `${field} must have getTokens, setTokens and clearTokens methods`, {
      field
    })
  }
  if (s.withLock !== undefined && typeof s.withLock !== "function") {
    throw new ClientError("INVALID_CONFIG", `${field}.withLock must be a function`, { field })
  }
  return s as TokenStorage
}

/**
 * Throws unless the URL is usable (https:, or http: on loopback).
 *
 * @internal
 */
export const checkURL = (value: string | undefined, field: string): string | undefined => {
  if (value === undefined) return undefined
  const checked = StytchManagement.parseBaseURL(value)
  if (Either.isLeft(checked)) {
    throw new ClientError("INVALID_CONFIG", `${field}: ${String(checked.left).replace(/base URL/g, "the URL")}`, {
      field
    })
  }
  return value
}

/**
 * The error a promise caller sees for an OAuth failure.
 *
 * @internal
 */
export const fromAuthFailure = (error: unknown): Error =>
  error instanceof CoreOAuth.AuthError
    ? new AuthError(error)
    : error instanceof Error && (error as { _tag?: unknown })._tag === "TransportError"
    ? new RequestError(error as StytchError.TransportError)
    : new ClientError("UNEXPECTED_ERROR", "the OAuth call failed", { cause: error })

const toTokens = (tokens: CoreOAuth.Tokens): Tokens => ({
  access_token: Redacted.value(tokens.accessToken),
  ...(tokens.refreshToken === undefined ? {} : { refresh_token: Redacted.value(tokens.refreshToken) }),
  expires_at: tokens.expiresAt,
  ...(tokens.issuedAt === undefined ? {} : { issued_at: tokens.issuedAt }),
  scope: tokens.scopes.join(" ")
})

/**
 * Settings of the {@link OAuth} helper. The client id and endpoints default
 * to the Stytch CLI's public client (`OAuth.DEFAULT_CLIENT_ID`, …).
 *
 * @since 0.1.0
 * @category models
 */
export interface OAuthConfig {
  /** Where the browser comes back (registered for the client). */
  readonly redirect_uri: string
  /** Where {@link OAuth.handleCallback} stores the tokens and {@link OAuth.logout} clears them. */
  readonly token_storage?: TokenStorage | undefined
  readonly client_id?: string | undefined
  /** Default: the Stytch CLI's scopes. `offline_access` is added unless `offline_access: false`. */
  readonly scope?: string | ReadonlyArray<string> | undefined
  readonly offline_access?: boolean | undefined
  readonly authorize_url?: string | undefined
  readonly token_url?: string | undefined
  readonly revoke_url?: string | undefined
  /**
   * The authorization server's issuer: a callback carrying an `iss`
   * parameter (RFC 9207) must name it, else {@link OAuth.handleCallback}
   * rejects with `IssuerMismatch` and exchanges nothing. Default: derived
   * from the token URL (`OAuth.issuersOf` in core).
   */
  readonly issuer?: string | undefined
  /** Timeout of a token or revoke request, in milliseconds. Default 30000. */
  readonly timeout?: number | undefined
}

/**
 * A login URL and what the callback must be checked against: keep `state`
 * and `verifier` (a session, an encrypted cookie) until the callback.
 *
 * @since 0.1.0
 * @category models
 */
export interface LoginUrl {
  readonly url: string
  readonly state: string
  readonly verifier: string
}

const scopesOf = (scope: string | ReadonlyArray<string> | undefined): ReadonlyArray<string> | undefined =>
  scope === undefined ? undefined : typeof scope === "string" ? scope.split(" ").filter((s) => s !== "") : scope

/**
 * The OAuth 2.0 + PKCE login, stateless like Prisma's: {@link getLoginUrl}
 * → (browser) → {@link handleCallback}; {@link logout} revokes and clears.
 * A `ManagementClient` with `oauth: { token_storage }` then uses and
 * refreshes the stored tokens.
 *
 * @since 0.1.0
 * @category clients
 */
export class OAuth {
  /** @internal */
  readonly #config: OAuthConfig
  /** @internal */
  readonly #server: CoreOAuth.ServerOptions
  /** @internal */
  readonly #layer: Layer.Layer<HttpClient.HttpClient>

  /**
   * @throws {ClientError} `INVALID_CONFIG` for an unusable redirect URI,
   * endpoint URL or storage.
   */
  constructor(config: OAuthConfig, options: { readonly httpClient?: HttpClient.HttpClient | Layer.Layer<HttpClient.HttpClient> | undefined } = {}) {
    try {
      if (new URL(config.redirect_uri).hash !== "") throw new Error()
    } catch {
      throw new ClientError("INVALID_CONFIG", "redirect_uri must be an absolute URL without a fragment", {
        field: "redirect_uri"
      })
    }
    if (config.token_storage !== undefined) checkStorage(config.token_storage, "token_storage")
    if (config.issuer !== undefined && (typeof config.issuer !== "string" || config.issuer.trim() === "")) {
      throw new ClientError("INVALID_CONFIG", "issuer must be a non-empty string", { field: "issuer" })
    }
    if (config.timeout !== undefined && !(Number.isFinite(config.timeout) && config.timeout > 0)) {
      throw new ClientError("INVALID_CONFIG", "timeout must be a positive number of milliseconds", { field: "timeout" })
    }
    this.#config = config
    this.#server = {
      clientID: config.client_id,
      authorizeURL: checkURL(config.authorize_url, "authorize_url"),
      tokenURL: checkURL(config.token_url, "token_url"),
      revokeURL: checkURL(config.revoke_url, "revoke_url"),
      issuer: config.issuer,
      requestTimeout: config.timeout === undefined ? undefined : Duration.millis(config.timeout)
    }
    const http = options.httpClient
    this.#layer = http === undefined
      ? StytchManagement.defaultHttpClient
      : Layer.isLayer(http)
      ? (http as Layer.Layer<HttpClient.HttpClient>)
      : Layer.succeed(HttpClient.HttpClient, http as HttpClient.HttpClient)
  }

  /** @internal */
  #run<A>(effect: Effect.Effect<A, unknown, HttpClient.HttpClient | CoreOAuth.TokenStorage>): Promise<A> {
    const storage = this.#config.token_storage
    const provided = Effect.provide(
      effect,
      Layer.merge(
        this.#layer,
        storage === undefined ? CoreOAuth.layerMemoryTokenStorage() : storageLayer(storage)
      )
    )
    return Effect.runPromiseExit(provided).then((exit) => {
      if (exit._tag === "Success") return exit.value
      const failure = Cause.failureOption(exit.cause)
      throw Option.isSome(failure) ? fromAuthFailure(failure.value) : Cause.squash(exit.cause)
    })
  }

  /**
   * A login URL with a fresh PKCE verifier and state. `scope` (a string or
   * a list) overrides the configured scopes; `additional_params` are added
   * to the URL (`prompt`, …).
   *
   * @since 0.1.0
   */
  getLoginUrl(
    options: {
      readonly scope?: string | ReadonlyArray<string> | undefined
      readonly state?: string | undefined
      readonly additional_params?: Readonly<Record<string, string>> | undefined
    } = {}
  ): Promise<LoginUrl> {
    return this.#run(
      Effect.map(
        CoreOAuth.loginURL({
          ...this.#server,
          redirectURI: this.#config.redirect_uri,
          scopes: scopesOf(options.scope ?? this.#config.scope),
          offlineAccess: this.#config.offline_access,
          state: options.state,
          params: options.additional_params
        }),
        (login) => ({ url: login.url, state: login.state, verifier: Redacted.value(login.verifier) })
      )
    )
  }

  /**
   * Checks the callback (`state` first, then its `iss` if it carries one),
   * exchanges its code and stores the tokens in `token_storage` (when
   * configured). Rejects with an {@link AuthError} (`StateMismatch`,
   * `IssuerMismatch`, `AuthorizationDenied`, `TokenRequestFailed`, …) or a
   * `RequestError`.
   *
   * @since 0.1.0
   */
  handleCallback(options: {
    readonly callback_url: string
    readonly verifier: string
    readonly expected_state: string
  }): Promise<Tokens> {
    const exchange = {
      ...this.#server,
      callbackURL: options.callback_url,
      verifier: options.verifier,
      expectedState: options.expected_state,
      redirectURI: this.#config.redirect_uri,
      scopes: scopesOf(this.#config.scope)
    }
    return this.#run(
      Effect.map(
        this.#config.token_storage === undefined ? CoreOAuth.exchangeCallback(exchange) : CoreOAuth.handleCallback(exchange),
        toTokens
      )
    )
  }

  /**
   * Revokes the stored refresh token and clears `token_storage` (cleared even if the revocation fails).
   *
   * @since 0.1.0
   */
  logout(): Promise<void> {
    return this.#run(CoreOAuth.logout(this.#server))
  }
}
