/**
 * Local verification of M2M access tokens with `jose` (the only module that
 * imports it): the project's JWKS is fetched through the project API's
 * pipeline (`M2M.jwks`), cached, and fetched again when a token names a key
 * it does not have.
 *
 * @internal
 */
import * as StytchProject from "@stytch-effect/core/StytchProject"
import type { StytchError } from "@stytch-effect/core/StytchError"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify, type JWTPayload } from "jose"
import type { AuthenticateTokenRequest, AuthenticateTokenResponse, FetchJWKS } from "./m2mTypes.js"
import * as SingleFlight from "./singleFlight.js"
import { TokenVerificationError } from "./tokenError.js"

interface KeySet {
  readonly getKey: ReturnType<typeof createLocalJWKSet>
}

const keySets = new WeakMap<StytchProject.Service, SingleFlight.SingleFlight<"jwks", KeySet>>()
/** The JWKS is fetched again after ten minutes, or for an unknown key id once five seconds have passed. */
const JWKS_TTL_MS = 10 * 60 * 1000
const JWKS_COOLDOWN_MS = 5 * 1000

/** The claim of a Stytch session JWT (absent from M2M access tokens). */
const SESSION_CLAIM = "https://stytch.com/session"

const reserved = new Set(["aud", "exp", "iat", "iss", "jti", "nbf", "sub", "scope"])

const parseScope = (scope: string) => {
  const i = scope.indexOf(":")
  return i === -1 ? { action: scope, resource: "-" } : { action: scope.slice(0, i), resource: scope.slice(i + 1) }
}

/** The default check: every required `action:resource` is granted, exactly or as `action:*`. */
const hasScopes = (granted: ReadonlyArray<string>, required: ReadonlyArray<string>): boolean => {
  const has = granted.map(parseScope)
  return required.every((scope) => {
    const want = parseScope(scope)
    return has.some((h) => h.action === want.action && (h.resource === want.resource || h.resource === "*"))
  })
}

const invalid = (message: string, cause?: unknown) =>
  new TokenVerificationError({ reason: "Invalid", message, ...(cause === undefined ? {} : { cause }) })

const isNoMatchingKey = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ERR_JWKS_NO_MATCHING_KEY"

/**
 * Verifies an M2M access token locally against the project's JWKS:
 * signature, `typ: JWT`, audience (the project id), issuer
 * (`stytch.com/<project id>` or the base URL), `exp`/`nbf` (with
 * `clockToleranceSeconds`), that it is an M2M access token (a string
 * `scope` claim and no `https://stytch.com/session` claim: a session JWT of
 * the project is signed with the same keys), then the maximum age and the
 * required scopes. Only the JWKS is fetched (once, then cached; again for an
 * unknown key).
 *
 * @internal
 */
export const verifyToken = (
  jwks: FetchJWKS,
  request: AuthenticateTokenRequest
): Effect.Effect<AuthenticateTokenResponse, TokenVerificationError | StytchError, StytchProject.StytchProject> =>
  Effect.flatMap(StytchProject.StytchProject, (project) =>
    Effect.gen(function*() {
      let cache = keySets.get(project)
      if (cache === undefined) keySets.set(project, cache = SingleFlight.make())
      const fetchKeys = Effect.map(jwks({ projectID: project.projectID }), (response): KeySet => ({
        getKey: createLocalJWKSet({ keys: response.keys } as unknown as JSONWebKeySet)
      }))
      const token = Redacted.isRedacted(request.accessToken) ? Redacted.value(request.accessToken) : request.accessToken
      if (typeof token !== "string" || token === "") return yield* invalid("accessToken is empty")
      const now = yield* Clock.currentTimeMillis
      const verify = (keySet: KeySet) =>
        Effect.tryPromise({
          try: () =>
            jwtVerify(token, keySet.getKey, {
              audience: project.projectID,
              issuer: [`stytch.com/${project.projectID}`, project.baseURL],
              typ: "JWT",
              currentDate: new Date(now),
              ...(request.clockToleranceSeconds === undefined ? {} : { clockTolerance: request.clockToleranceSeconds })
            }),
          catch: (error) => error
        })
      const first = yield* cache.get("jwks", now, fetchKeys, () => JWKS_TTL_MS)
      let verified = yield* Effect.either(verify(first))
      if (verified._tag === "Left" && isNoMatchingKey(verified.left)) {
        const again = yield* cache.get("jwks", now, fetchKeys, () => JWKS_TTL_MS, now - JWKS_COOLDOWN_MS)
        if (again !== first) verified = yield* Effect.either(verify(again))
      }
      if (verified._tag === "Left") {
        const cause = verified.left
        return yield* invalid(`the token is not valid: ${cause instanceof Error ? cause.message : "verification failed"}`, cause)
      }
      const payload: JWTPayload = verified.right.payload
      // Only M2M access tokens: a project's session JWTs are signed with the same keys, for the
      // same issuer and audience, but carry the session claim and no `scope`.
      if (SESSION_CLAIM in payload) return yield* invalid("the token is a session JWT, not an M2M access token")
      if (typeof payload.scope !== "string") return yield* invalid("the token has no scope claim: not an M2M access token")
      if (request.maxTokenAgeSeconds !== undefined) {
        if (typeof payload.iat !== "number") return yield* invalid("the token has no iat claim, so its age is unknown")
        if (now / 1000 - payload.iat >= request.maxTokenAgeSeconds) {
          return yield* new TokenVerificationError({
            reason: "TooOld",
            message: `the token is older than maxTokenAgeSeconds (${request.maxTokenAgeSeconds})`
          })
        }
      }
      if (typeof payload.sub !== "string") return yield* invalid("the token has no sub claim")
      const scopes = payload.scope.split(" ").filter((s) => s !== "")
      const required = request.requiredScopes ?? []
      if (required.length > 0 || request.authorizationCheck !== undefined) {
        const ok = (request.authorizationCheck ?? hasScopes)(scopes, required)
        if (!ok) {
          return yield* new TokenVerificationError({
            reason: "MissingScopes",
            message: `the token does not grant the required scopes: ${required.join(" ")}`,
            requiredScopes: required
          })
        }
      }
      const customClaims: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(payload)) if (!reserved.has(key)) customClaims[key] = value
      return { clientID: payload.sub, scopes, customClaims }
    }))
