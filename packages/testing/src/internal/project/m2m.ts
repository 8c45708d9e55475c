import { createSign, generateKeyPairSync, type KeyObject } from "node:crypto"
import type { M2M } from "@stytch-effect/resources"
import * as Redacted from "effect/Redacted"
import { FakeError } from "../errors.js"
import { type EnvironmentState, randomToken, slot } from "../state.js"
import type { ProjectHandlers } from "./common.js"
import { clientsOf } from "./m2mClients.js"

/** An OAuth2 error of the token endpoint (answered with `error`, `error_description`, `error_uri`). @internal */
export class OAuthError extends FakeError {}

/** A project's signing key (RS256), made on first use. */
interface SigningKey {
  readonly kid: string
  readonly privateKey: KeyObject
  readonly jwk: Record<string, unknown>
}

const signingKeyOf = slot((_: EnvironmentState): SigningKey => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
  const kid = `jwk-${randomToken(8)}`
  return { kid, privateKey, jwk: { ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" } }
})

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url")

/** A JWT signed with the project's key (RS256); `header` overrides fields of its header. @internal */
export const signJWT = (
  environment: EnvironmentState,
  claims: Readonly<Record<string, unknown>>,
  header: Readonly<Record<string, unknown>> = {}
): string => {
  const key = signingKeyOf(environment)
  const head = { alg: "RS256", typ: "JWT", kid: key.kid, ...header }
  const input = `${base64url(JSON.stringify(head))}.${base64url(JSON.stringify(claims))}`
  const signature = createSign("RSA-SHA256").update(input).sign(key.privateKey)
  return `${input}.${base64url(signature)}`
}

/** The lifetime of a session JWT, as the real API issues them (five minutes). */
const SESSION_JWT_LIFETIME_SECONDS = 300

/**
 * A session JWT of the project, shaped as Stytch issues them (`sub` the
 * user, the project's issuer and audience, the `https://stytch.com/session`
 * claim, no `scope`), signed with the same key as its M2M access tokens.
 *
 * @internal
 */
export const signSessionJWT = (
  environment: EnvironmentState,
  session: { readonly userID: string; readonly sessionID: string; readonly now: number }
): string => {
  const projectID = environment.environment.projectID
  const iat = Math.floor(session.now / 1000)
  const started = new Date(iat * 1000).toISOString()
  const exp = iat + SESSION_JWT_LIFETIME_SECONDS
  return signJWT(environment, {
    sub: session.userID,
    iss: `stytch.com/${projectID}`,
    aud: [projectID],
    iat,
    nbf: iat,
    exp,
    "https://stytch.com/session": {
      id: session.sessionID,
      started_at: started,
      last_accessed_at: started,
      expires_at: new Date((iat + 3600) * 1000).toISOString(),
      attributes: { ip_address: "", user_agent: "" },
      authentication_factors: [{
        type: "magic_link",
        delivery_method: "email",
        last_authenticated_at: started,
        email_factor: { email_id: `email-test-${crypto.randomUUID()}`, email_address: "user@example.com" }
      }],
      roles: ["stytch_user"]
    }
  })
}

/** The lifetime of an access token, as the real API issues them. @internal */
export const TOKEN_LIFETIME_SECONDS = 3600

/** @internal */
export const m2m: ProjectHandlers<typeof M2M> = {
  token: (request, { environment, m2mTokenResponse, now }) => {
    const projectID = environment.environment.projectID
    const client = clientsOf(environment).get(request.clientID)
    const secret = Redacted.isRedacted(request.clientSecret) ? Redacted.value(request.clientSecret) : request.clientSecret
    if (client === undefined || (secret !== client.secret && secret !== client.nextSecret)) {
      throw new OAuthError(401, "invalid_client", "Client authentication failed: unknown client or wrong secret.")
    }
    if (client.status !== "active") {
      throw new OAuthError(401, "invalid_client", "The M2M client is inactive.")
    }
    const requested = request.scope === undefined ? [] : request.scope.split(" ").filter((s) => s !== "")
    const unknown = requested.filter((s) => !client.scopes.includes(s))
    if (unknown.length > 0) {
      throw new OAuthError(400, "invalid_scope", `Scopes not assigned to the client: ${unknown.join(" ")}`)
    }
    const granted = requested.length > 0 ? requested : client.scopes
    const iat = Math.floor(Date.parse(now) / 1000)
    const accessToken = signJWT(environment, {
      sub: client.clientID,
      iss: `stytch.com/${projectID}`,
      aud: [projectID],
      scope: granted.join(" "),
      iat,
      nbf: iat,
      exp: iat + TOKEN_LIFETIME_SECONDS,
      jti: crypto.randomUUID()
    })
    // A plain OAuth server names the granted scopes when they are not exactly those requested (RFC 6749 §5.1).
    const scope = m2mTokenResponse === "plainOAuth" && requested.length === 0 ? { scope: granted.join(" ") } : {}
    return { accessToken: Redacted.make(accessToken), tokenType: "bearer", expiresIn: TOKEN_LIFETIME_SECONDS, ...scope }
  },
  jwks: (_request, { environment }) => ({ keys: [signingKeyOf(environment).jwk] })
}
