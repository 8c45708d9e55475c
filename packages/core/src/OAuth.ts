/**
 * Sign in to the Stytch Management API with OAuth 2.0 + PKCE, instead of a
 * workspace key: a login URL and a callback exchange (both stateless), a
 * {@link TokenStorage} for the tokens, and a credentials layer that
 * authorizes every request from the storage, refreshing shortly before the
 * access token expires and on a 401.
 *
 * ```ts
 * // 1. send the user to the login URL; keep `state` and `verifier`
 * const { url, state, verifier } = yield* OAuth.loginURL({ redirectURI: "http://127.0.0.1:5001/callback" })
 * // 2. on the callback: exchange the code, store the tokens
 * yield* OAuth.handleCallback({ callbackURL, verifier, expectedState: state, redirectURI })
 * // 3. call the API with the stored tokens
 * program.pipe(OAuth.withAuthErrors, Effect.provide(OAuth.layer()), Effect.provide(storageLayer))
 * ```
 *
 * Stytch rotates refresh tokens on every use, so a refresh is single-flight
 * (every concurrent caller waits on one token request) and the new refresh
 * token is stored before any waiter resumes; across processes it runs under
 * the storage's lock ({@link TokenStorageService.withLock}). Tokens are
 * `Redacted`: they never appear in errors, logs or spans.
 *
 * Everything here runs anywhere (`fetch`, Web Crypto); the file storage and
 * the loopback login are in `@stytch-effect/core/NodeOAuth`.
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Clock from "effect/Clock"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Encoding from "effect/Encoding"
import * as FiberId from "effect/FiberId"
import * as FiberRef from "effect/FiberRef"
import { constTrue } from "effect/Function"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Runtime from "effect/Runtime"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import * as Credentials from "./Credentials.js"
import { checkBaseURL } from "./internal/baseUrl.js"
import { causeCode, networkError } from "./internal/outcome.js"
import { AuthError, type ResponseError, TransportError } from "./StytchError.js"
import * as StytchManagement from "./StytchManagement.js"
import * as Wire from "./Wire.js"

export {
  /**
   * Re-exported from `StytchError`.
   *
   * @since 0.1.0
   * @category errors
   */
  AuthError
}

// ---------------------------------------------------------------------------
// Defaults (api/oauth.md)
// ---------------------------------------------------------------------------

/**
 * Stytch's own live project, which mints the access tokens the Management
 * API accepts.
 *
 * @since 0.1.0
 * @category constants
 */
export const STYTCH_PROJECT_ID = "project-live-9a6d7e6f-d787-4ec5-8edb-e1eb5b180d77"

/**
 * The public client the Stytch CLI uses (redirect `http://127.0.0.1:5001`,
 * any path).
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_CLIENT_ID = "connected-app-live-c48152cf-8732-4981-8fd5-e52dd989d75f"

/**
 * Stytch's authorization endpoint, where {@link loginURL} sends the browser.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_AUTHORIZE_URL = "https://stytch.com/oauth/authorize"

/**
 * The token endpoint of {@link STYTCH_PROJECT_ID}: code exchanges and
 * refreshes.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_TOKEN_URL = `https://api.stytch.com/v1/public/${STYTCH_PROJECT_ID}/oauth2/token`

/**
 * The revocation endpoint of {@link STYTCH_PROJECT_ID}, used by {@link logout}.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_REVOKE_URL = `https://api.stytch.com/v1/public/${STYTCH_PROJECT_ID}/oauth2/revoke`

/**
 * The scopes the Stytch CLI asks for. `offline_access` (for a refresh token)
 * is added by {@link loginURL} unless `offlineAccess: false`.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_SCOPES: ReadonlyArray<string> = [
  "openid",
  "email",
  "profile",
  "admin:projects",
  "manage:project_settings",
  "manage:api_keys"
]

/**
 * How long before the access token's expiry it is refreshed (default 60 s),
 * never more than half the token's lifetime: a token that lives 60 s or
 * less is refreshed once, halfway, not on every call.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_REFRESH_LEEWAY: Duration.Duration = Duration.seconds(60)

const DEFAULT_REQUEST_TIMEOUT = Duration.seconds(30)
/** `expires_in` when the server sends neither it nor a JWT `exp` (api/oauth.md: default 3600). */
const DEFAULT_EXPIRES_IN_SECONDS = 3600

/**
 * Where the authorization server is and who the client is. Every field
 * defaults to the value in `api/oauth.md` (the Stytch CLI's public client).
 *
 * @since 0.1.0
 * @category options
 */
export interface ServerOptions {
  /** Default {@link DEFAULT_CLIENT_ID}. */
  readonly clientID?: string | undefined
  /** Default {@link DEFAULT_AUTHORIZE_URL}. */
  readonly authorizeURL?: string | undefined
  /** Default {@link DEFAULT_TOKEN_URL}. */
  readonly tokenURL?: string | undefined
  /** Default {@link DEFAULT_REVOKE_URL}. */
  readonly revokeURL?: string | undefined
  /**
   * The authorization server's issuer identifier: a callback that carries
   * an `iss` parameter (RFC 9207) must name it. Default: derived from the
   * token URL (see {@link issuersOf}).
   */
  readonly issuer?: string | undefined
  /** Timeout of one token or revoke request. Default 30 s. */
  readonly requestTimeout?: Duration.DurationInput | undefined
}

interface Server {
  readonly clientID: string
  readonly authorizeURL: string
  readonly tokenURL: string
  readonly revokeURL: string
  /** The `iss` values a callback may carry. */
  readonly issuers: ReadonlyArray<string>
  readonly timeoutMillis: number
}

/**
 * The issuer identifiers a callback's `iss` (RFC 9207) may name when no
 * `issuer` is configured, derived from the token URL. Stytch's token URL is
 * `{issuer}/v1/oauth2/token` on a custom domain (`api/oauth.md`); on the
 * public path `https://api.stytch.com/v1/public/{project_id}/oauth2/token`
 * it is that path's base, and Stytch's tokens name their project
 * `stytch.com/{project_id}`, so both are accepted. Any other token URL: its
 * origin (none for a string that is not a URL).
 *
 * @since 0.1.0
 * @category utils
 */
export const issuersOf = (tokenURL: string): ReadonlyArray<string> => {
  let url: URL
  try {
    url = new URL(tokenURL)
  } catch {
    return [] // not a URL: no issuer to accept
  }
  const path = url.pathname.replace(/\/+$/, "")
  const publicPath = /^(\/v1\/public\/([^/]+))\/oauth2\/token$/.exec(path)
  if (publicPath !== null) return [`${url.origin}${publicPath[1]}`, `stytch.com/${publicPath[2]}`]
  const customDomain = /^(.*)\/v1\/oauth2\/token$/.exec(path)
  return [`${url.origin}${customDomain === null ? "" : customDomain[1]}`]
}

/** Checks the server options: `https:` URLs (`http:` only for loopback hosts), a printable client id. */
const checkServer = (options: ServerOptions): Either.Either<Server, string> => {
  const clientID = options.clientID ?? DEFAULT_CLIENT_ID
  if (typeof clientID !== "string" || !/^[\x21-\x7e]+$/.test(clientID)) {
    return Either.left("clientID must be a non-empty printable ASCII string")
  }
  const urls: Record<string, string> = {}
  for (
    const [name, value, fallback] of [
      ["authorizeURL", options.authorizeURL, DEFAULT_AUTHORIZE_URL],
      ["tokenURL", options.tokenURL, DEFAULT_TOKEN_URL],
      ["revokeURL", options.revokeURL, DEFAULT_REVOKE_URL]
    ] as const
  ) {
    const checked = checkBaseURL(value ?? fallback)
    if ("error" in checked) return Either.left(`${name}: ${checked.error.replace(/^base URL/, "the URL")}`)
    urls[name] = checked.url
  }
  if (options.issuer !== undefined && (typeof options.issuer !== "string" || options.issuer.trim() === "")) {
    return Either.left("issuer must be a non-empty string")
  }
  return Either.right({
    clientID,
    authorizeURL: urls.authorizeURL!,
    tokenURL: urls.tokenURL!,
    revokeURL: urls.revokeURL!,
    issuers: options.issuer === undefined ? issuersOf(urls.tokenURL!) : [options.issuer],
    timeoutMillis: Duration.toMillis(Duration.decode(options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT))
  })
}

const serverOrFail = (options: ServerOptions): Effect.Effect<Server, AuthError> =>
  Either.match(checkServer(options), {
    onLeft: (message) => Effect.fail(new AuthError({ reason: "InvalidConfiguration", message })),
    onRight: Effect.succeed
  })

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

/** A space-separated scope string on the wire, a list in the domain. */
const ScopeList = Schema.transform(Schema.String, Schema.Array(Schema.String), {
  strict: true,
  decode: (s) => s.split(" ").filter((x) => x !== ""),
  encode: (scopes) => scopes.join(" ")
})

const Tokens_ = Schema.Struct({
  accessToken: Wire.field("access_token", Schema.Redacted(Schema.String), "The access token (a JWT)."),
  refreshToken: Wire.optionalField(
    "refresh_token",
    Schema.Redacted(Schema.String),
    "The refresh token; present when `offline_access` was granted."
  ),
  expiresAt: Wire.field(
    "expires_at",
    Schema.Number,
    "When the access token expires, in milliseconds since the epoch (from `expires_in`, else the JWT's `exp`)."
  ),
  issuedAt: Wire.optionalField(
    "issued_at",
    Schema.Number,
    "When the tokens were received, in milliseconds since the epoch: with `expires_at`, their lifetime, which caps the refresh leeway at half of it."
  ),
  scopes: Wire.field("scope", ScopeList, "The granted scopes (space-separated on the wire).")
})

/**
 * The tokens of a signed-in session. Stored as JSON by the file storage
 * (`{ access_token, refresh_token?, expires_at, issued_at?, scope }`, times
 * in epoch milliseconds): the same shape the promise facade's storage sees.
 *
 * @since 0.1.0
 * @category models
 */
export interface Tokens extends Schema.Schema.Type<typeof Tokens_> {}

/**
 * The schema of {@link Tokens}, in the stored JSON form (`access_token`,
 * `refresh_token`, `expires_at`, `issued_at`, `scope`); the tokens decode as
 * `Redacted`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Tokens: Schema.Schema<Tokens, typeof Tokens_.Encoded> = Tokens_

/**
 * {@link Tokens} to and from their JSON text.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TokensFromJson: Schema.Schema<Tokens, string> = Schema.parseJson(Tokens)

const TokenResponse = Schema.Struct({
  access_token: Schema.String,
  token_type: Schema.optional(Schema.String),
  expires_in: Schema.optional(Schema.Number),
  scope: Schema.optional(Schema.String),
  refresh_token: Schema.optional(Schema.String),
  id_token: Schema.optional(Schema.String)
})
const decodeTokenResponse = Schema.decodeUnknownEither(TokenResponse)

const OAuthErrorBody = Schema.Struct({
  error: Schema.optional(Schema.String),
  error_description: Schema.optional(Schema.String),
  error_type: Schema.optional(Schema.String),
  error_message: Schema.optional(Schema.String)
})
const decodeOAuthErrorBody = Schema.decodeUnknownOption(OAuthErrorBody)

/** The `exp` claim of a JWT, in seconds, if it has one (the signature is not checked). */
const jwtExpiry = (token: string): number | undefined => {
  const payload = token.split(".")[1]
  if (payload === undefined) return undefined
  const decoded = Encoding.decodeBase64UrlString(payload)
  if (Either.isLeft(decoded)) return undefined
  try {
    const exp = (JSON.parse(decoded.right) as { exp?: unknown }).exp
    return typeof exp === "number" && Number.isFinite(exp) ? exp : undefined
  } catch {
    return undefined
  }
}

// ---------------------------------------------------------------------------
// TokenStorage
// ---------------------------------------------------------------------------

/**
 * Where the tokens live between requests and between runs.
 *
 * @since 0.1.0
 * @category models
 */
export interface TokenStorageService {
  /** The stored tokens, if any. */
  readonly get: Effect.Effect<Option.Option<Tokens>, AuthError>
  /** Replaces the stored tokens. */
  readonly set: (tokens: Tokens) => Effect.Effect<void, AuthError>
  /** Forgets the tokens (logout, refused refresh token). */
  readonly clear: Effect.Effect<void, AuthError>
  /**
   * Runs `effect` holding a lock shared with every other user of the same
   * storage (other processes too): {@link layer} refreshes under it (re-read,
   * token request, store) and {@link logout} revokes and clears under it, so
   * two processes never present the same refresh token. A storage that only
   * one process uses needs none (one process refreshes once at a time).
   */
  readonly withLock?: (<A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | AuthError, R>) | undefined
}

/** `effect` under the storage's lock, if it has one. */
const locked = <A, E, R>(storage: TokenStorageService, effect: Effect.Effect<A, E, R>) =>
  storage.withLock === undefined ? effect : storage.withLock(effect)

/**
 * The service tag of the {@link TokenStorageService} that {@link layer},
 * {@link handleCallback} and {@link logout} use. Provide one with
 * {@link layerMemoryTokenStorage} or `NodeOAuth.layerFileTokenStorage`, or
 * your own (a database row, a secrets manager).
 *
 * @since 0.1.0
 * @category tags
 */
export class TokenStorage extends Context.Tag("@stytch-effect/core/OAuth/TokenStorage")<
  TokenStorage,
  TokenStorageService
>() {}

/**
 * A token storage in memory (lost when the process ends; no lock: one
 * process).
 *
 * @since 0.1.0
 * @category constructors
 */
export const memoryTokenStorage = (initial?: Tokens): TokenStorageService => {
  let tokens: Tokens | undefined = initial
  return {
    get: Effect.sync(() => Option.fromNullable(tokens)),
    set: (next) =>
      Effect.sync(() => {
        tokens = next
      }),
    clear: Effect.sync(() => {
      tokens = undefined
    })
  }
}

/**
 * A layer of {@link memoryTokenStorage}.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemoryTokenStorage = (initial?: Tokens): Layer.Layer<TokenStorage> =>
  Layer.sync(TokenStorage, () => memoryTokenStorage(initial))

/**
 * A token storage over promise functions (a keychain, `localStorage`, a
 * database). Tokens cross as their JSON shape (`access_token`,
 * `refresh_token`, `expires_at`, `issued_at`, `scope`); a rejection or a
 * malformed value is an `AuthError` `StorageFailed` (the value is never
 * echoed). `withLock(fn)`, when given, must run `fn` holding a lock shared
 * by every process using the storage (see {@link TokenStorageService}).
 *
 * @since 0.1.0
 * @category constructors
 */
export const promiseTokenStorage = (storage: {
  readonly getTokens: () => Promise<typeof Tokens.Encoded | null | undefined>
  readonly setTokens: (tokens: typeof Tokens.Encoded) => Promise<void>
  readonly clearTokens: () => Promise<void>
  readonly withLock?: (<T>(fn: () => Promise<T>) => Promise<T>) | undefined
}): TokenStorageService => {
  const failed = (what: string) => (cause: unknown) =>
    new AuthError({ reason: "StorageFailed", message: `the token storage failed to ${what}`, cause })
  const decode = Schema.decodeUnknown(Tokens)
  const encode = Schema.encode(Tokens)
  return {
    get: Effect.flatMap(
      Effect.tryPromise({ try: () => storage.getTokens(), catch: failed("read the tokens") }),
      (value) =>
        value === null || value === undefined
          ? Effect.succeedNone
          : Effect.mapBoth(decode(value), {
            onFailure: () =>
              new AuthError({ reason: "StorageFailed", message: "the token storage returned malformed tokens" }),
            onSuccess: Option.some
          })
    ),
    set: (tokens) =>
      Effect.flatMap(
        Effect.orDie(encode(tokens)),
        (encoded) => Effect.tryPromise({ try: () => storage.setTokens(encoded), catch: failed("store the tokens") })
      ),
    clear: Effect.tryPromise({ try: () => storage.clearTokens(), catch: failed("clear the tokens") }),
    withLock: storage.withLock === undefined ? undefined : <A, E, R>(effect: Effect.Effect<A, E, R>) =>
      Effect.flatMap(Effect.runtime<R>(), (runtime) =>
        Effect.flatten(
          Effect.tryPromise({
            // the effect's outcome crosses the promise as an Exit, so its typed failure comes back as it was
            try: () => storage.withLock!(() => Runtime.runPromiseExit(runtime)(effect)),
            catch: failed("lock the tokens")
          })
        ))
  }
}

// ---------------------------------------------------------------------------
// Requests to the token and revoke endpoints
// ---------------------------------------------------------------------------

const isHttpClientError = (u: unknown): u is HttpClientError.HttpClientError =>
  typeof u === "object" && u !== null && "_tag" in u

/** POSTs a form to an OAuth endpoint; succeeds with the status and the parsed JSON body (or `undefined`). */
const postForm = (
  client: HttpClient.HttpClient,
  url: string,
  form: Record<string, string>,
  timeoutMillis: number
): Effect.Effect<{ readonly status: number; readonly body: unknown }, TransportError> => {
  const request = HttpClientRequest.post(url).pipe(
    HttpClientRequest.setHeader("accept", "application/json"),
    HttpClientRequest.bodyUrlParams(form)
  )
  const exchange = Effect.flatMap(
    HttpClient.withTracerDisabledWhen(client, constTrue).execute(request),
    (response) =>
      Effect.map(response.text, (text) => {
        let body: unknown
        try {
          body = text === "" ? undefined : JSON.parse(text)
        } catch {
          body = undefined
        }
        return { status: response.status, body }
      })
  )
  return exchange.pipe(
    Effect.mapError((error) =>
      networkError(
        "POST",
        url,
        isHttpClientError(error) ? error.cause ?? error : error,
        causeCode(isHttpClientError(error) ? error.cause : error) === "ECONNREFUSED",
        [] // the cause is copied message-only; tokens travel in the form body, never in a header
      )
    ),
    Effect.timeoutFail({
      duration: Duration.millis(timeoutMillis),
      onTimeout: () =>
        new TransportError({
          reason: "Timeout",
          method: "POST",
          url,
          message: `request timed out after ${Duration.format(Duration.millis(timeoutMillis))}: POST ${url}`
        })
    })
  )
}

const endpointError = (
  reason: AuthError["reason"],
  what: string,
  status: number,
  body: unknown
): AuthError => {
  const parsed = Option.getOrUndefined(decodeOAuthErrorBody(body))
  const error = parsed?.error ?? parsed?.error_type
  const description = parsed?.error_description ?? parsed?.error_message
  return new AuthError({
    reason,
    message: `${what} (status ${status}${error === undefined ? "" : `, ${error}`}${
      description === undefined ? "" : `: ${description}`
    })`,
    statusCode: status,
    ...(error === undefined ? {} : { error }),
    ...(description === undefined ? {} : { errorDescription: description })
  })
}

type Grant =
  | { readonly grant_type: "authorization_code"; readonly code: string; readonly redirect_uri: string; readonly code_verifier: string }
  | { readonly grant_type: "refresh_token"; readonly refresh_token: string }

/** One token request: the grant, then the response turned into {@link Tokens}. */
const requestTokens = (
  client: HttpClient.HttpClient,
  server: Server,
  grant: Grant,
  fallback: { readonly scopes: ReadonlyArray<string>; readonly refreshToken?: Redacted.Redacted<string> | undefined }
): Effect.Effect<Tokens, AuthError | TransportError> =>
  Effect.flatMap(
    postForm(client, server.tokenURL, { ...grant, client_id: server.clientID }, server.timeoutMillis),
    ({ body, status }) =>
      Effect.flatMap(Clock.currentTimeMillis, (now): Effect.Effect<Tokens, AuthError> => {
        if (status < 200 || status >= 300) {
          const refused = grant.grant_type === "refresh_token" &&
            Option.getOrUndefined(decodeOAuthErrorBody(body))?.error === "invalid_grant"
          return Effect.fail(
            refused
              ? endpointError("RefreshTokenInvalid", "the refresh token was refused; log in again", status, body)
              : endpointError("TokenRequestFailed", "the token endpoint refused the request", status, body)
          )
        }
        const decoded = decodeTokenResponse(body)
        const invalid = (detail: string) =>
          Effect.fail(
            new AuthError({
              reason: "InvalidTokenResponse",
              message: `the token endpoint's answer is not usable: ${detail}`,
              statusCode: status
            })
          )
        if (Either.isLeft(decoded)) return invalid("it is not a token response")
        const r = decoded.right
        if (Credentials.problem("token", r.access_token) !== undefined) return invalid("access_token is not a token")
        if (r.token_type !== undefined && r.token_type.toLowerCase() !== "bearer") {
          return invalid("token_type is not bearer")
        }
        const exp = jwtExpiry(r.access_token)
        const expiresAt = r.expires_in !== undefined && Number.isFinite(r.expires_in) && r.expires_in > 0
          ? now + r.expires_in * 1000
          : exp !== undefined
          ? exp * 1000
          : now + DEFAULT_EXPIRES_IN_SECONDS * 1000
        const refreshToken = r.refresh_token !== undefined && r.refresh_token !== ""
          ? Redacted.make(r.refresh_token)
          : fallback.refreshToken
        return Effect.succeed({
          accessToken: Redacted.make(r.access_token),
          ...(refreshToken === undefined ? {} : { refreshToken }),
          expiresAt,
          issuedAt: now,
          scopes: r.scope === undefined ? fallback.scopes : r.scope.split(" ").filter((s) => s !== "")
        })
      })
  )

// ---------------------------------------------------------------------------
// Login
// ---------------------------------------------------------------------------

/**
 * Options of {@link loginURL}: the `redirectURI` (required, registered for the
 * client), the scopes, `offlineAccess`, an optional fixed `state` and extra
 * query parameters, besides the {@link ServerOptions}.
 *
 * @since 0.1.0
 * @category options
 */
export interface LoginURLOptions extends ServerOptions {
  /** Where the authorization server sends the browser back (must be registered for the client). */
  readonly redirectURI: string
  /** Default {@link DEFAULT_SCOPES}. */
  readonly scopes?: ReadonlyArray<string> | undefined
  /** Adds `offline_access` (a refresh token) to the scopes. Default `true`. */
  readonly offlineAccess?: boolean | undefined
  /** Default: 32 random bytes, base64url. */
  readonly state?: string | undefined
  /** More query parameters (`prompt`, `nonce`, …); the protocol's own parameters win. */
  readonly params?: Readonly<Record<string, string>> | undefined
}

/**
 * A login URL and what its callback must be checked against. Keep `state`
 * and `verifier` (a session, an encrypted cookie) until the callback.
 *
 * @since 0.1.0
 * @category models
 */
export interface LoginURL {
  readonly url: string
  readonly state: string
  readonly verifier: Redacted.Redacted<string>
}

const randomBase64Url = (bytes: number): string => {
  const buffer = new Uint8Array(bytes)
  globalThis.crypto.getRandomValues(buffer)
  return Encoding.encodeBase64Url(buffer)
}

/**
 * The PKCE S256 challenge of a verifier: base64url(SHA-256(verifier)).
 *
 * @since 0.1.0
 * @category utils
 */
export const challengeOf = (verifier: string): Effect.Effect<string> =>
  Effect.map(
    Effect.promise(() => globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))),
    (digest) => Encoding.encodeBase64Url(new Uint8Array(digest))
  )

/**
 * Builds the authorization URL of a login (stateless): a fresh PKCE verifier
 * (32 random bytes, base64url) and its S256 challenge, a random `state`
 * unless given, the scopes plus `offline_access`. Fails with `AuthError`
 * `InvalidConfiguration` for an unusable client id or URL.
 *
 * @since 0.1.0
 * @category login
 */
export const loginURL = (options: LoginURLOptions): Effect.Effect<LoginURL, AuthError> =>
  Effect.gen(function*() {
    const server = yield* serverOrFail(options)
    const redirect = checkRedirectURI(options.redirectURI)
    if (redirect !== undefined) return yield* Effect.fail(redirect)
    const verifier = randomBase64Url(32)
    const state = options.state ?? randomBase64Url(32)
    if (state === "") {
      return yield* Effect.fail(new AuthError({ reason: "InvalidConfiguration", message: "state must not be empty" }))
    }
    const scopes = [...(options.scopes ?? DEFAULT_SCOPES)]
    if (options.offlineAccess !== false && !scopes.includes("offline_access")) scopes.push("offline_access")
    const url = new URL(server.authorizeURL)
    for (const [key, value] of Object.entries(options.params ?? {})) url.searchParams.set(key, value)
    url.searchParams.set("response_type", "code")
    url.searchParams.set("client_id", server.clientID)
    url.searchParams.set("redirect_uri", options.redirectURI)
    url.searchParams.set("scope", scopes.join(" "))
    url.searchParams.set("state", state)
    url.searchParams.set("code_challenge", yield* challengeOf(verifier))
    url.searchParams.set("code_challenge_method", "S256")
    return { url: url.href, state, verifier: Redacted.make(verifier) }
  })

const checkRedirectURI = (redirectURI: unknown): AuthError | undefined => {
  try {
    if (typeof redirectURI === "string" && new URL(redirectURI).hash === "") return undefined
  } catch {
    // fall through
  }
  return new AuthError({ reason: "InvalidConfiguration", message: "redirectURI must be an absolute URL without a fragment" })
}

/**
 * Options of {@link exchangeCallback} and {@link handleCallback}: the callback
 * URL and what it is checked against (the `verifier` and `state` of
 * {@link loginURL}), besides the {@link ServerOptions}.
 *
 * @since 0.1.0
 * @category options
 */
export interface ExchangeCallbackOptions extends ServerOptions {
  /** The URL the browser was sent back to (with `code` and `state`, or `error`). */
  readonly callbackURL: string | URL
  /** The `verifier` of {@link loginURL}. */
  readonly verifier: string | Redacted.Redacted<string>
  /** The `state` of {@link loginURL}. */
  readonly expectedState: string
  /**
   * The `redirectURI` given to {@link loginURL}, sent again with the code.
   * Default: the callback URL without its query and fragment.
   */
  readonly redirectURI?: string | undefined
  /** The scopes asked for, used when the token response has no `scope`. */
  readonly scopes?: ReadonlyArray<string> | undefined
}

/**
 * Checks a callback and exchanges its code (with the PKCE verifier) for
 * tokens. Fails with `AuthError`: `StateMismatch` (checked first, before
 * anything else is read), `IssuerMismatch` (RFC 9207: the callback carries
 * an `iss` that is not the configured `issuer`, so it may come from another
 * authorization server; checked before `error` and `code`, and nothing is
 * sent), `AuthorizationDenied` (an `error=` callback),
 * `InvalidCallback` (no code), `TokenRequestFailed` (the token endpoint's
 * OAuth 2.0 error, e.g. a wrong verifier), `InvalidTokenResponse`; or with a
 * `TransportError`. Does not store the tokens (see {@link handleCallback}).
 *
 * @since 0.1.0
 * @category login
 */
export const exchangeCallback = (
  options: ExchangeCallbackOptions
): Effect.Effect<Tokens, AuthError | TransportError, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const server = yield* serverOrFail(options)
    let callback: URL
    try {
      callback = new URL(options.callbackURL.toString())
    } catch {
      return yield* Effect.fail(new AuthError({ reason: "InvalidCallback", message: "the callback URL is not a URL" }))
    }
    const params = callback.searchParams
    if (typeof options.expectedState !== "string" || options.expectedState === "") {
      return yield* Effect.fail(
        new AuthError({ reason: "InvalidConfiguration", message: "expectedState must be the state of the login URL" })
      )
    }
    if (params.get("state") !== options.expectedState) {
      return yield* Effect.fail(
        new AuthError({
          reason: "StateMismatch",
          message: "the callback's state is not the login's state (a stale or forged callback); nothing was exchanged"
        })
      )
    }
    const issuer = params.get("iss")
    if (issuer !== null && !server.issuers.includes(issuer)) {
      return yield* Effect.fail(
        new AuthError({
          reason: "IssuerMismatch",
          message: `the callback's issuer ${JSON.stringify(issuer.slice(0, 200))} is not the configured ${
            server.issuers.map((i) => JSON.stringify(i)).join(" or ")
          } (RFC 9207: a mix-up); nothing was exchanged`
        })
      )
    }
    const error = params.get("error")
    if (error !== null) {
      const description = params.get("error_description")
      return yield* Effect.fail(
        new AuthError({
          reason: "AuthorizationDenied",
          message: `the authorization server answered ${error}${description === null ? "" : `: ${description}`}`,
          error,
          ...(description === null ? {} : { errorDescription: description })
        })
      )
    }
    const code = params.get("code")
    if (code === null || code === "") {
      return yield* Effect.fail(new AuthError({ reason: "InvalidCallback", message: "the callback URL has no code" }))
    }
    const redirectURI = options.redirectURI ?? `${callback.origin}${callback.pathname}`
    const verifier = Redacted.isRedacted(options.verifier) ? Redacted.value(options.verifier) : options.verifier
    const client = yield* HttpClient.HttpClient
    return yield* requestTokens(
      client,
      server,
      { grant_type: "authorization_code", code, redirect_uri: redirectURI, code_verifier: verifier },
      { scopes: options.scopes ?? [] }
    )
  }).pipe(Effect.withSpan("stytch.oauth.exchangeCallback"))

/**
 * {@link exchangeCallback}, then stores the tokens in the {@link TokenStorage}.
 *
 * @since 0.1.0
 * @category login
 */
export const handleCallback = (
  options: ExchangeCallbackOptions
): Effect.Effect<Tokens, AuthError | TransportError, HttpClient.HttpClient | TokenStorage> =>
  Effect.flatMap(exchangeCallback(options), (tokens) =>
    Effect.flatMap(TokenStorage, (storage) => Effect.as(storage.set(tokens), tokens)))

/**
 * Logs out: revokes the stored refresh token (which also revokes its access
 * tokens; the access token when there is no refresh token) at the revoke
 * endpoint, then clears the storage, under the storage's lock if it has one.
 * The storage is cleared even when the revocation fails; the failure
 * (`AuthError` `RevokeFailed`, or a `TransportError`) is reported
 * afterwards. Nothing stored: nothing sent.
 *
 * @since 0.1.0
 * @category login
 */
export const logout = (
  options: ServerOptions = {}
): Effect.Effect<void, AuthError | TransportError, HttpClient.HttpClient | TokenStorage> =>
  Effect.gen(function*() {
    const server = yield* serverOrFail(options)
    const storage = yield* TokenStorage
    const client = yield* HttpClient.HttpClient
    const revokeAndClear = Effect.gen(function*() {
      const stored = yield* storage.get
      if (Option.isNone(stored)) return
      const tokens = stored.value
      const token = tokens.refreshToken ?? tokens.accessToken
      const revoke = Effect.flatMap(
        postForm(client, server.revokeURL, {
          token: Redacted.value(token),
          token_type_hint: tokens.refreshToken === undefined ? "access_token" : "refresh_token",
          client_id: server.clientID
        }, server.timeoutMillis),
        ({ body, status }) =>
          status >= 200 && status < 300
            ? Effect.void
            : Effect.fail(endpointError("RevokeFailed", "the revoke endpoint refused the token", status, body))
      )
      yield* Effect.ensuring(revoke, Effect.ignore(storage.clear))
    })
    yield* locked(storage, revokeAndClear)
  }).pipe(Effect.withSpan("stytch.oauth.logout"))

// ---------------------------------------------------------------------------
// The credentials layer
// ---------------------------------------------------------------------------

/**
 * Options of {@link layer}: the client's (base URL, timeout, app info,
 * headers — no credentials), the authorization server's, and when to
 * refresh.
 *
 * @since 0.1.0
 * @category options
 */
export interface LayerOptions
  extends Omit<StytchManagement.Options, "credentials">, Omit<ServerOptions, "authorizeURL" | "issuer">
{
  /**
   * Refresh this long before the access token expires, but never more than
   * half its lifetime (so a token of 60 s or less is refreshed once,
   * halfway). Default {@link DEFAULT_REFRESH_LEEWAY} (60 s).
   */
  readonly refreshLeeway?: Duration.DurationInput | undefined
}

/** The generation of the tokens an attempt was authorized with (set per call by the session). */
const UsedGeneration = FiberRef.unsafeMake<{ gen: number } | undefined>(undefined)

interface State {
  readonly gen: number
  readonly tokens: Tokens | undefined
  readonly authorization: Redacted.Redacted<string> | undefined
}

const stateOf = (gen: number, tokens: Tokens | undefined): State => ({
  gen,
  tokens,
  authorization: tokens === undefined ? undefined : Redacted.make(`Bearer ${Redacted.value(tokens.accessToken)}`)
})

const refreshTokenOf = (tokens: Tokens) => tokens.refreshToken === undefined ? undefined : Redacted.value(tokens.refreshToken)

const sameTokens = (a: Tokens, b: Tokens) =>
  Redacted.value(a.accessToken) === Redacted.value(b.accessToken) && refreshTokenOf(a) === refreshTokenOf(b)

/**
 * How long before expiry these tokens are refreshed: the configured leeway,
 * at most half their lifetime when it is known (`issuedAt`).
 */
const leewayOf = (tokens: Tokens, leewayMillis: number) =>
  tokens.issuedAt === undefined
    ? leewayMillis
    : Math.min(leewayMillis, Math.max(0, (tokens.expiresAt - tokens.issuedAt) / 2))

const loginRequired = (message: string) => new AuthError({ reason: "LoginRequired", message })

const is401 = (error: ResponseError) =>
  (error._tag === "StytchApiError" || error._tag === "UnexpectedResponseError") && error.statusCode === 401

type SessionError = AuthError | TransportError

/**
 * The session behind {@link layer}: the tokens in memory (loaded from the
 * storage on first use), one refresh at a time.
 */
const makeSession = (deps: {
  readonly storage: TokenStorageService
  readonly client: HttpClient.HttpClient
  readonly server: Server
  readonly leewayMillis: number
  readonly scope: Scope.Scope
}) => {
  const { client, leewayMillis, server, storage } = deps
  let state: State = stateOf(0, undefined)
  let flight: Deferred.Deferred<void, SessionError> | undefined

  const setState = (tokens: Tokens | undefined) => {
    state = stateOf(state.gen + 1, tokens)
  }

  /**
   * Runs `work` once for every caller that saw generation `seen`: the first
   * starts it (in the layer's scope, uninterruptible, so a caller's
   * interruption never loses a rotated refresh token), the others wait on
   * the same outcome. A caller that saw an older generation returns at once.
   */
  const single = (seen: number, work: Effect.Effect<void, SessionError>): Effect.Effect<void, SessionError> =>
    Effect.suspend(() => {
      if (state.gen !== seen) return Effect.void
      if (flight !== undefined) return Deferred.await(flight)
      const done = Deferred.unsafeMake<void, SessionError>(FiberId.none)
      flight = done
      const run = Effect.flatMap(Effect.exit(work), (exit) => {
        flight = undefined
        return Deferred.done(done, exit)
      })
      return Effect.zipRight(Effect.forkIn(Effect.uninterruptible(run), deps.scope), Deferred.await(done))
    })

  const load = Effect.flatMap(storage.get, (tokens) => Effect.sync(() => setState(Option.getOrUndefined(tokens))))

  const needsRefresh = (tokens: Tokens, now: number) => now >= tokens.expiresAt - leewayOf(tokens, leewayMillis)

  /**
   * Makes `stored` (just read from the storage) the session's tokens. They
   * are adopted as they are when another process (or a login) replaced the
   * ones this session last used (`current`) and they are still fresh;
   * otherwise they are refreshed (`retries`: see {@link refreshWith}).
   */
  const adoptOrRefresh = (
    stored: Tokens,
    current: Tokens | undefined,
    retries: number
  ): Effect.Effect<void, SessionError> =>
    Effect.flatMap(Clock.currentTimeMillis, (now) => {
      if (current === undefined || !sameTokens(stored, current)) {
        if (!needsRefresh(stored, now) || stored.refreshToken === undefined) return Effect.sync(() => setState(stored))
      }
      return stored.refreshToken === undefined
        ? Effect.fail(
          loginRequired("the access token was refused or expired and there is no refresh token; log in again")
        )
        : refreshWith(stored, stored.refreshToken, retries)
    })

  /**
   * One refresh-token grant with the stored tokens; the rotated tokens are
   * stored before the new state is published. On `invalid_grant`,
   * compare-then-clear: the storage is read again, and if it now holds
   * another refresh token (another process refreshed meanwhile) those
   * tokens are adopted (refreshed once more if they need it, `retries`
   * times) instead of wiping them; only the refused tokens are cleared.
   */
  const refreshWith = (
    stored: Tokens,
    refreshToken: Redacted.Redacted<string>,
    retries: number
  ): Effect.Effect<void, SessionError> =>
    Effect.gen(function*() {
      const result = yield* Effect.either(
        requestTokens(
          client,
          server,
          { grant_type: "refresh_token", refresh_token: Redacted.value(refreshToken) },
          { scopes: stored.scopes, refreshToken }
        )
      )
      if (Either.isRight(result)) {
        yield* Effect.catchAll(storage.set(result.right), (error) =>
          Effect.logWarning(
            "stytch-effect: the refreshed OAuth tokens could not be stored; they are kept in memory",
            error.message
          ))
        return setState(result.right)
      }
      const error = result.left
      if (error._tag !== "AuthError" || error.reason !== "RefreshTokenInvalid") return yield* Effect.fail(error)
      const now = Option.getOrUndefined(yield* Effect.orElseSucceed(storage.get, Option.none))
      if (now !== undefined && refreshTokenOf(now) !== Redacted.value(refreshToken)) {
        if (retries > 0) return yield* adoptOrRefresh(now, stored, retries - 1)
        setState(now)
        return yield* Effect.fail(error)
      }
      yield* Effect.ignore(storage.clear)
      setState(undefined)
      return yield* Effect.fail(error)
    })

  /**
   * Refreshes the tokens, under the storage's lock (other processes): the
   * storage is read first — another process (or a login) may have replaced
   * the tokens, and then they are adopted instead of refreshed.
   */
  const refresh = locked(
    storage,
    Effect.gen(function*() {
      const current = state.tokens
      const stored = Option.getOrUndefined(yield* storage.get)
      if (stored === undefined) {
        setState(undefined)
        return yield* Effect.fail(loginRequired("no OAuth tokens are stored; log in"))
      }
      return yield* adoptOrRefresh(stored, current, 1)
    })
  ).pipe(Effect.withSpan("stytch.oauth.refresh"))

  /** The tokens to send now: loaded (once), refreshed when they expire within the leeway. */
  const ensure = (loaded: boolean): Effect.Effect<void, SessionError> =>
    Effect.flatMap(Clock.currentTimeMillis, (now) => {
      const s = state
      const tokens = s.tokens
      if (tokens === undefined) {
        return loaded
          ? Effect.fail(loginRequired("no OAuth tokens are stored; log in"))
          : Effect.zipRight(single(s.gen, load), ensure(true))
      }
      if (!needsRefresh(tokens, now)) return Effect.void
      if (tokens.refreshToken === undefined) {
        return now < tokens.expiresAt
          ? Effect.void
          : Effect.fail(loginRequired("the access token expired and there is no refresh token; log in again"))
      }
      // after a refresh the new tokens are used even if they expire within the leeway
      return Effect.zipRight(
        single(s.gen, refresh),
        Effect.suspend(() =>
          state.tokens === undefined ? Effect.fail(loginRequired("no OAuth tokens are stored; log in")) : Effect.void
        )
      )
    })

  const authorization: Effect.Effect<Redacted.Redacted<string>> = Effect.flatMap(
    FiberRef.get(UsedGeneration),
    (cell) =>
      Effect.suspend(() => {
        const s = state
        if (cell !== undefined) cell.gen = s.gen
        return s.authorization === undefined
          ? Effect.die(loginRequired("no OAuth tokens are stored; log in"))
          : Effect.succeed(s.authorization)
      })
  )

  /** Sends with the current token; on a 401 refreshes (once for all callers) and sends once more. */
  const send = (
    inner: StytchManagement.Service["send"],
    request: StytchManagement.ApiRequest
  ): Effect.Effect<StytchManagement.ApiResponse, ResponseError | AuthError> =>
    Effect.gen(function*() {
      yield* ensure(false)
      const cell = { gen: -1 }
      const first = yield* Effect.either(Effect.locally(inner(request), UsedGeneration, cell))
      if (Either.isRight(first)) return first.right
      if (!is401(first.left) || cell.gen === -1) return yield* Effect.fail(first.left)
      yield* single(cell.gen, refresh)
      if (state.tokens === undefined) return yield* Effect.fail(loginRequired("no OAuth tokens are stored; log in"))
      return yield* inner(request)
    })

  return { authorization, send }
}

/**
 * `StytchManagement` authorized by the OAuth tokens in {@link TokenStorage},
 * over the `HttpClient` in context. Every request carries the stored access
 * token; it is refreshed shortly before it expires (`refreshLeeway`) and
 * when the API answers 401 — one token request for all concurrent callers,
 * the rotated refresh token stored before any of them resumes, the failed
 * request sent once more with the new token.
 *
 * Auth failures (`LoginRequired`, `RefreshTokenInvalid`, `StorageFailed`, …)
 * are not in the operations' error types, which stay those of a client with
 * a workspace key: they travel as defects carrying the `AuthError`. Wrap the
 * program in {@link withAuthErrors} to get them back as typed failures.
 *
 * A bad base URL, client id or endpoint URL fails the layer with a
 * `ConfigError`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWithHttpClient = (
  options: LayerOptions = {}
): Layer.Layer<StytchManagement.StytchManagement, ConfigError.ConfigError, TokenStorage | HttpClient.HttpClient> =>
  Layer.scoped(
    StytchManagement.StytchManagement,
    Effect.gen(function*() {
      const server = checkServer(options)
      if (Either.isLeft(server)) return yield* Effect.fail(ConfigError.InvalidData(["oauth"], server.left))
      const leewayMillis = Either.try(() =>
        Duration.toMillis(Duration.decode(options.refreshLeeway ?? DEFAULT_REFRESH_LEEWAY))
      )
      if (Either.isLeft(leewayMillis)) {
        return yield* Effect.fail(ConfigError.InvalidData(["oauth", "refreshLeeway"], "not a duration"))
      }
      const storage = yield* TokenStorage
      const client = yield* HttpClient.HttpClient
      const session = makeSession({
        storage,
        client,
        server: server.right,
        leewayMillis: leewayMillis.right,
        scope: yield* Effect.scope
      })
      const service = yield* StytchManagement.make({
        ...options,
        credentials: new Credentials.TokenSource({ authorization: session.authorization })
      })
      const send = (request: StytchManagement.ApiRequest): Effect.Effect<StytchManagement.ApiResponse, ResponseError> =>
        Effect.catchTag(session.send(service.send, request), "AuthError", Effect.die)
      return { baseURL: service.baseURL, send }
    })
  )

/**
 * {@link layerWithHttpClient} over the platform's default transport
 * (`StytchManagement.defaultHttpClient`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: LayerOptions = {}
): Layer.Layer<StytchManagement.StytchManagement, ConfigError.ConfigError, TokenStorage> =>
  layerWithHttpClient(options).pipe(Layer.provide(StytchManagement.defaultHttpClient))

/**
 * Turns the `AuthError` defects of {@link layer} back into typed failures:
 * `Effect<A, E | AuthError, R>`. Put it around the program (anywhere above
 * the operations).
 *
 * @since 0.1.0
 * @category combinators
 */
export const withAuthErrors = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E | AuthError, R> =>
  Effect.catchSomeDefect(self, (defect) => defect instanceof AuthError ? Option.some(Effect.fail(defect)) : Option.none())
