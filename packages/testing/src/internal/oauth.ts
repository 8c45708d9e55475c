import * as Duration from "effect/Duration"
import * as Encoding from "effect/Encoding"
import type { RawRequest, RawResponse } from "./raw.js"

/**
 * The fake's OAuth 2.0 authorization server (api/oauth.md): an authorize
 * endpoint that approves at once, the token endpoint (authorization code
 * with PKCE S256, refresh with rotation), revoke, and the check of the
 * Bearer access tokens it issued. Time is the fake's `Clock` (`now` in
 * milliseconds).
 *
 * @internal
 */

/** Paths (any host: in memory the host is ignored, served it is the fake's). @internal */
export const AUTHORIZE_PATH = "/oauth/authorize"
const TOKEN = /^\/v1\/(?:public\/[^/]+\/)?oauth2\/token$/
const REVOKE = /^\/v1\/(?:public\/[^/]+\/)?oauth2\/revoke$/

/** The fake's endpoints under a base URL (the served fake's URL, or the real defaults). @internal */
export const endpointsOf = (base: string, projectID: string) => ({
  authorizeURL: `${base}${AUTHORIZE_PATH}`,
  tokenURL: `${base}/v1/public/${projectID}/oauth2/token`,
  revokeURL: `${base}/v1/public/${projectID}/oauth2/revoke`
})

/** Lifetimes. @internal */
export const ACCESS_TOKEN_SECONDS = 3600
const CODE_MILLIS = 10 * 60 * 1000
const REFRESH_MILLIS = 90 * 24 * 3600 * 1000

/**
 * How the fake's authorization server behaves (`FakeManagementApi.Options.oauth`).
 *
 * @internal
 */
export interface OAuthServerOptions {
  /**
   * How long an access token lives (`expires_in`, the JWT's `exp`), in whole
   * seconds, at least 1 s. Default 1 hour.
   */
  readonly accessTokenLifetime?: Duration.DurationInput | undefined
  /**
   * Presenting a refresh token that was already rotated revokes the whole
   * login (every token of the grant), as `oidc-provider` does. Default `true`.
   */
  readonly refreshTokenReuseDetection?: boolean | undefined
}

interface Code {
  readonly clientID: string
  readonly redirectURI: string
  readonly challenge: string
  readonly scopes: ReadonlyArray<string>
  readonly expiresAt: number
  used: boolean
}

/** One login (one grant): its tokens die together when it is revoked. */
interface Family {
  readonly clientID: string
  readonly scopes: ReadonlyArray<string>
  revoked: boolean
  /** The one refresh token that still works (rotation); older ones stay known, to detect their reuse. */
  current: string | undefined
}

interface RefreshRecord {
  readonly family: Family
  readonly expiresAt: number
}

interface AccessRecord {
  readonly family: Family
  readonly expiresAt: number
  revoked: boolean
}

const random = (bytes = 32): string => {
  const buffer = new Uint8Array(bytes)
  globalThis.crypto.getRandomValues(buffer)
  return Encoding.encodeBase64Url(buffer)
}

const sha256 = async (text: string): Promise<string> =>
  Encoding.encodeBase64Url(new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))))

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}): RawResponse => ({
  _tag: "Response",
  status,
  headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  body: JSON.stringify(body)
})

const oauthError = (requestID: string, status: number, error: string, description: string): RawResponse =>
  jsonResponse(status, { error, error_description: description, request_id: requestID, status_code: status })

const parseBody = (request: RawRequest): Record<string, string> => {
  const type = request.headers["content-type"] ?? ""
  if (type.includes("application/json") || request.body.trimStart().startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(request.body)
      if (typeof parsed !== "object" || parsed === null) return {}
      return Object.fromEntries(
        Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string")
      )
    } catch {
      return {}
    }
  }
  return Object.fromEntries(new URLSearchParams(request.body))
}

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/

/** @internal */
export class FakeAuthorizationServer {
  private readonly accessTokenSeconds: number
  private readonly reuseDetection: boolean
  private codes = new Map<string, Code>()
  private refreshTokens = new Map<string, RefreshRecord>()
  private accessTokens = new Map<string, AccessRecord>()

  constructor(options: OAuthServerOptions = {}) {
    const seconds = options.accessTokenLifetime === undefined
      ? ACCESS_TOKEN_SECONDS
      : Duration.toSeconds(Duration.decode(options.accessTokenLifetime))
    if (!Number.isSafeInteger(seconds) || seconds < 1) {
      throw new Error("FakeManagementApi: oauth.accessTokenLifetime must be whole seconds, at least 1 second")
    }
    this.accessTokenSeconds = seconds
    this.reuseDetection = options.refreshTokenReuseDetection ?? true
  }

  reset(): void {
    this.codes = new Map()
    this.refreshTokens = new Map()
    this.accessTokens = new Map()
  }

  /** `oauth.authorize` / `oauth.token` / `oauth.revoke` for its paths, else `undefined`. */
  operationOf(method: string, path: string): string | undefined {
    if (method === "GET" && path === AUTHORIZE_PATH) return "oauth.authorize"
    if (method === "POST" && TOKEN.test(path)) return "oauth.token"
    if (method === "POST" && REVOKE.test(path)) return "oauth.revoke"
    return undefined
  }

  /** What the request log keeps of an OAuth request: never a code, token or verifier. */
  recordedBody(operation: string, request: RawRequest): unknown {
    if (operation !== "oauth.token") return undefined
    const body = parseBody(request)
    return { grant_type: body.grant_type, client_id: body.client_id }
  }

  /** Whether an `Authorization` header carries a live access token of this server. */
  accepts(header: string | undefined, now: number): boolean {
    if (header === undefined || !/^bearer /i.test(header)) return false
    const record = this.accessTokens.get(header.slice(7).trim())
    return record !== undefined && !record.revoked && !record.family.revoked && now < record.expiresAt
  }

  async handle(operation: string, request: RawRequest, now: number, requestID: string): Promise<RawResponse> {
    switch (operation) {
      case "oauth.authorize":
        return this.authorize(request.url, now)
      case "oauth.token":
        return this.token(parseBody(request), now, requestID)
      default:
        return this.revoke(parseBody(request), requestID)
    }
  }

  private authorize(url: URL, now: number): RawResponse {
    const q = url.searchParams
    const redirect = q.get("redirect_uri")
    let target: URL
    try {
      target = new URL(redirect ?? "")
    } catch {
      return jsonResponse(400, {
        error: "invalid_request",
        error_description: "redirect_uri is missing or not an absolute URL"
      })
    }
    const state = q.get("state")
    const back = (params: Record<string, string>): RawResponse => {
      for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v)
      if (state !== null) target.searchParams.set("state", state)
      return { _tag: "Response", status: 302, headers: { location: target.href }, body: "" }
    }
    const clientID = q.get("client_id")
    const challenge = q.get("code_challenge")
    if (q.get("response_type") !== "code") {
      return back({ error: "unsupported_response_type", error_description: "response_type must be code" })
    }
    if (clientID === null || clientID === "") {
      return back({ error: "invalid_request", error_description: "client_id is required" })
    }
    if (challenge === null || !/^[A-Za-z0-9\-_]{43}$/.test(challenge) || q.get("code_challenge_method") !== "S256") {
      return back({ error: "invalid_request", error_description: "a PKCE code_challenge with method S256 is required" })
    }
    if (q.has("code_verifier")) {
      return back({ error: "invalid_request", error_description: "code_verifier must not be sent to the authorize endpoint" })
    }
    const code = random()
    this.codes.set(code, {
      clientID,
      redirectURI: redirect!,
      challenge,
      scopes: (q.get("scope") ?? "").split(" ").filter((s) => s !== ""),
      expiresAt: now + CODE_MILLIS,
      used: false
    })
    return back({ code })
  }

  private issue(family: Family, now: number, requestID: string): RawResponse {
    const seconds = this.accessTokenSeconds
    const exp = Math.floor(now / 1000) + seconds
    const segment = (value: object) => Encoding.encodeBase64Url(JSON.stringify(value))
    const access = [
      segment({ alg: "RS256", typ: "JWT", kid: "fake" }),
      segment({
        iss: "https://fake.stytch.test",
        sub: "member-live-fake",
        aud: [family.clientID],
        iat: Math.floor(now / 1000),
        exp,
        scope: family.scopes.join(" "),
        jti: random(12)
      }),
      random(32)
    ].join(".")
    this.accessTokens.set(access, { family, expiresAt: now + seconds * 1000, revoked: false })
    let refresh: string | undefined
    if (family.scopes.includes("offline_access")) {
      refresh = random()
      family.current = refresh
      this.refreshTokens.set(refresh, { family, expiresAt: now + REFRESH_MILLIS })
    }
    return jsonResponse(200, {
      access_token: access,
      token_type: "bearer",
      expires_in: seconds,
      scope: family.scopes.join(" "),
      ...(refresh === undefined ? {} : { refresh_token: refresh }),
      ...(family.scopes.includes("openid") ? { id_token: `${segment({ alg: "RS256" })}.${segment({ sub: "member-live-fake" })}.${random(16)}` } : {}),
      request_id: requestID,
      status_code: 200
    })
  }

  private async token(body: Record<string, string>, now: number, requestID: string): Promise<RawResponse> {
    const invalidGrant = (description: string) => oauthError(requestID, 400, "invalid_grant", description)
    const clientID = body.client_id
    if (clientID === undefined || clientID === "") {
      return oauthError(requestID, 401, "invalid_client", "client_id is required")
    }
    if (body.grant_type === "authorization_code") {
      const code = this.codes.get(body.code ?? "")
      if (code === undefined || code.used || now >= code.expiresAt) {
        return invalidGrant("the authorization code is invalid, expired or already used")
      }
      if (code.clientID !== clientID) return invalidGrant("the code was issued to another client")
      if (code.redirectURI !== body.redirect_uri) return invalidGrant("redirect_uri does not match the authorization request")
      const verifier = body.code_verifier ?? ""
      if (!VERIFIER.test(verifier) || (await sha256(verifier)) !== code.challenge) {
        return invalidGrant("PKCE verification failed: code_verifier does not match code_challenge")
      }
      code.used = true
      return this.issue({ clientID, scopes: code.scopes, revoked: false, current: undefined }, now, requestID)
    }
    if (body.grant_type === "refresh_token") {
      const token = body.refresh_token ?? ""
      const record = this.refreshTokens.get(token)
      if (record !== undefined && record.family.current !== token && this.reuseDetection) {
        // a rotated refresh token presented again: a copy leaked (or two clients raced), so the login dies
        record.family.revoked = true
      }
      if (
        record === undefined || record.family.revoked || record.family.current !== token || now >= record.expiresAt
      ) {
        return invalidGrant("the refresh token is invalid, revoked, expired or already used")
      }
      if (record.family.clientID !== clientID) return invalidGrant("the refresh token was issued to another client")
      return this.issue(record.family, now, requestID)
    }
    return oauthError(requestID, 400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token")
  }

  private revoke(body: Record<string, string>, requestID: string): RawResponse {
    const token = body.token ?? ""
    if (body.client_id === undefined || body.client_id === "") {
      return oauthError(requestID, 401, "invalid_client", "client_id is required")
    }
    const refresh = this.refreshTokens.get(token)
    if (refresh !== undefined && refresh.family.clientID === body.client_id) refresh.family.revoked = true
    const access = this.accessTokens.get(token)
    if (access !== undefined && access.family.clientID === body.client_id) access.revoked = true
    // RFC 7009: an unknown token is not an error.
    return jsonResponse(200, { request_id: requestID, status_code: 200 })
  }
}
