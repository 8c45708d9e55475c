import { createHash } from "node:crypto"
import * as HttpClient from "@effect/platform/HttpClient"
import { it } from "@effect/vitest"
import { Credentials, OAuth, StytchManagement } from "@stytch-effect/core"
import { Projects } from "@stytch-effect/resources"
import { FakeManagementApi, Fault } from "@stytch-effect/testing"
import { Cause, Duration, Effect, Exit, Inspectable, Layer, Logger, Option, Redacted, type Scope, TestClock, Tracer } from "effect"
import { describe, expect } from "vitest"
import { recordSpansInto } from "../../resources/test/utils.js"

const REDIRECT = "http://127.0.0.1:5001/callback"

/** A fresh fake, an in-memory token storage, and the environment the OAuth functions need. */
const setup = (options?: FakeManagementApi.Options) => {
  const fake = FakeManagementApi.make(options)
  const storage = OAuth.memoryTokenStorage()
  const env = Layer.mergeAll(
    Layer.succeed(HttpClient.HttpClient, fake.httpClient),
    Layer.succeed(OAuth.TokenStorage, storage)
  )
  return { fake, storage, env }
}

/** The whole login: login URL, the fake approves, the callback is exchanged and stored. */
const login = (fake: FakeManagementApi.Service) =>
  Effect.gen(function*() {
    const { state, url, verifier } = yield* OAuth.loginURL({ redirectURI: REDIRECT })
    const callbackURL = yield* fake.approve(url)
    return yield* OAuth.handleCallback({ callbackURL, verifier, expectedState: state, redirectURI: REDIRECT })
  })

/** Runs a program with the OAuth credentials layer (auth failures typed). */
const withOAuth = <A, E, R>(
  program: Effect.Effect<A, E, R>,
  options: OAuth.LayerOptions = {}
) => program.pipe(OAuth.withAuthErrors, Effect.provide(OAuth.layerWithHttpClient(options)))

const stored = (storage: OAuth.TokenStorageService) =>
  Effect.map(storage.get, (o) => Option.getOrThrowWith(o, () => new Error("nothing stored")))

/** A raw request to the fake's token or revoke endpoint. */
const raw = (fake: FakeManagementApi.Service, url: string, form: Record<string, string>) =>
  Effect.map(
    fake.server.handle({
      method: "POST",
      url: new URL(url),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString()
    }),
    (r) => (r._tag === "Response" ? { status: r.status, body: JSON.parse(r.body) as Record<string, unknown> } : undefined)
  )

const refreshWith = (fake: FakeManagementApi.Service, token: Redacted.Redacted<string>) =>
  raw(fake, fake.oauth.tokenURL, {
    grant_type: "refresh_token",
    refresh_token: Redacted.value(token),
    client_id: OAuth.DEFAULT_CLIENT_ID
  })

const tokenRequests = (fake: FakeManagementApi.Service, grant?: string) =>
  Effect.map(fake.requests, (rs) =>
    rs.filter((r) =>
      r.operation === "oauth.token" && (grant === undefined || (r.body as { grant_type?: string }).grant_type === grant)
    ))

const authError = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.map(Effect.flip(effect), (e) => {
    expect((e as { _tag?: string })._tag).toBe("AuthError")
    return e as unknown as OAuth.AuthError
  })

describe("OAuth login", () => {
  it.effect("login URL: S256 challenge of a 32-byte verifier, random state, offline_access, no verifier in the URL", () =>
    Effect.gen(function*() {
      const a = yield* OAuth.loginURL({ redirectURI: REDIRECT, scopes: ["admin:projects"] })
      const b = yield* OAuth.loginURL({ redirectURI: REDIRECT })
      const url = new URL(a.url)
      expect(url.origin + url.pathname).toBe(OAuth.DEFAULT_AUTHORIZE_URL)
      const q = url.searchParams
      expect(q.get("response_type")).toBe("code")
      expect(q.get("client_id")).toBe(OAuth.DEFAULT_CLIENT_ID)
      expect(q.get("redirect_uri")).toBe(REDIRECT)
      expect(q.get("scope")).toBe("admin:projects offline_access")
      expect(q.get("state")).toBe(a.state)
      expect(q.get("code_challenge_method")).toBe("S256")
      expect(q.get("code_challenge")).toBe(yield* OAuth.challengeOf(Redacted.value(a.verifier)))
      expect(a.url).not.toContain(Redacted.value(a.verifier))
      expect(Redacted.value(a.verifier)).toMatch(/^[A-Za-z0-9_-]{43}$/) // 32 bytes, base64url, no padding
      expect(a.state).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(a.state).not.toBe(b.state)
      expect(Redacted.value(a.verifier)).not.toBe(Redacted.value(b.verifier))
      expect(new URL(b.url).searchParams.get("scope")).toBe([...OAuth.DEFAULT_SCOPES, "offline_access"].join(" "))
      const offline = yield* OAuth.loginURL({ redirectURI: REDIRECT, offlineAccess: false, state: "s1" })
      expect(new URL(offline.url).searchParams.get("scope")).not.toContain("offline_access")
      expect(offline.state).toBe("s1")
      // an independent SHA-256 (node:crypto)
      const v = Redacted.value(a.verifier)
      expect(yield* OAuth.challengeOf(v)).toBe(createHash("sha256").update(v).digest("base64url"))
    }))

  it.effect("full login: the fake verifies PKCE, the tokens are stored and authorize API calls", () => {
    const { env, fake, storage } = setup()
    return Effect.gen(function*() {
      const tokens = yield* login(fake)
      expect(tokens.scopes).toContain("offline_access")
      expect(tokens.refreshToken).toBeDefined()
      expect(tokens.expiresAt).toBe(3600 * 1000) // TestClock starts at 0; expires_in 3600
      expect(Redacted.value((yield* stored(storage)).accessToken)).toBe(Redacted.value(tokens.accessToken))
      const exchange = yield* tokenRequests(fake, "authorization_code")
      expect(exchange).toHaveLength(1)
      expect(JSON.stringify(exchange)).not.toContain(Redacted.value(tokens.accessToken))

      const { projects } = yield* withOAuth(Projects.getAll())
      expect(projects).toEqual([])
      const api = (yield* fake.requests).filter((r) => r.operation === "projects.getAll")
      expect(api.map((r) => r.authorized)).toEqual([true])
      // a static access token from the login works too (Credentials.accessToken)
      yield* Projects.getAll().pipe(
        Effect.provide(StytchManagement.layerWithHttpClient({ credentials: Credentials.accessToken(tokens.accessToken) }))
      )
    }).pipe(Effect.provide(env))
  })

  it.effect("a wrong verifier is refused by the token endpoint (invalid_grant); nothing stored", () => {
    const { env, fake, storage } = setup()
    return Effect.gen(function*() {
      const { state, url } = yield* OAuth.loginURL({ redirectURI: REDIRECT })
      const other = yield* OAuth.loginURL({ redirectURI: REDIRECT })
      const callbackURL = yield* fake.approve(url)
      const error = yield* authError(
        OAuth.handleCallback({ callbackURL, verifier: other.verifier, expectedState: state, redirectURI: REDIRECT })
      )
      expect(error.reason).toBe("TokenRequestFailed")
      expect(error.error).toBe("invalid_grant")
      expect(error.statusCode).toBe(400)
      expect(error.message).toContain("PKCE")
      expect(yield* storage.get).toEqual(Option.none())
    }).pipe(Effect.provide(env))
  })

  it.effect("a wrong state is StateMismatch and nothing is exchanged; an error= callback is AuthorizationDenied", () => {
    const { env, fake } = setup()
    return Effect.gen(function*() {
      const { url, verifier } = yield* OAuth.loginURL({ redirectURI: REDIRECT })
      const callbackURL = yield* fake.approve(url)
      const mismatch = yield* authError(
        OAuth.exchangeCallback({ callbackURL, verifier, expectedState: "not-the-state" })
      )
      expect(mismatch.reason).toBe("StateMismatch")
      expect(yield* tokenRequests(fake)).toHaveLength(0)

      const denied = yield* authError(
        OAuth.exchangeCallback({
          callbackURL: `${REDIRECT}?error=access_denied&error_description=User%20cancelled&state=s`,
          verifier,
          expectedState: "s"
        })
      )
      expect(denied.reason).toBe("AuthorizationDenied")
      expect(denied.error).toBe("access_denied")
      expect(denied.errorDescription).toBe("User cancelled")
      const noCode = yield* authError(OAuth.exchangeCallback({ callbackURL: `${REDIRECT}?state=s`, verifier, expectedState: "s" }))
      expect(noCode.reason).toBe("InvalidCallback")
      expect(yield* tokenRequests(fake)).toHaveLength(0)
    }).pipe(Effect.provide(env))
  })

  it.effect("the redirect URI defaults to the callback URL without its query; a code works once", () => {
    const { env, fake } = setup()
    return Effect.gen(function*() {
      const { state, url, verifier } = yield* OAuth.loginURL({ redirectURI: REDIRECT })
      const callbackURL = yield* fake.approve(url)
      yield* OAuth.exchangeCallback({ callbackURL, verifier, expectedState: state })
      const reused = yield* authError(OAuth.exchangeCallback({ callbackURL, verifier, expectedState: state }))
      expect(reused.error).toBe("invalid_grant")
    }).pipe(Effect.provide(env))
  })
})

describe("OAuth credentials layer", () => {
  it.effect("100 concurrent calls with an expired access token: one refresh, all succeed, rotated token stored", () => {
    const { env, fake, storage } = setup()
    return Effect.gen(function*() {
      const first = yield* login(fake)
      yield* TestClock.adjust(Duration.hours(2))
      const results = yield* withOAuth(Effect.all(Array.from({ length: 100 }, () => Projects.getAll()), {
        concurrency: "unbounded"
      }))
      expect(results).toHaveLength(100)
      expect(yield* tokenRequests(fake, "refresh_token")).toHaveLength(1)
      const api = (yield* fake.requests).filter((r) => r.operation === "projects.getAll")
      expect(api).toHaveLength(100)
      expect(api.every((r) => r.authorized)).toBe(true)
      const now = yield* stored(storage)
      expect(Redacted.value(now.refreshToken!)).not.toBe(Redacted.value(first.refreshToken!))
      expect(now.expiresAt).toBe(Duration.toMillis(Duration.hours(3)))
      // the stored refresh token works; the rotated one presented again is reuse: the whole login dies
      const next = yield* refreshWith(fake, now.refreshToken!)
      expect(next?.status).toBe(200)
      expect((yield* refreshWith(fake, first.refreshToken!))?.body.error).toBe("invalid_grant")
      expect((yield* refreshWith(fake, Redacted.make(String(next?.body.refresh_token))))?.body.error).toBe("invalid_grant")
    }).pipe(Effect.provide(env))
  })

  it.effect("100 concurrent calls refused with 401 (token revoked server-side): one refresh, each retried once", () => {
    const { env, fake, storage } = setup()
    return Effect.gen(function*() {
      const first = yield* login(fake)
      // the access token dies on the server while the client still thinks it is fresh
      yield* raw(fake, fake.oauth.revokeURL, {
        token: Redacted.value(first.accessToken),
        client_id: OAuth.DEFAULT_CLIENT_ID
      })
      const results = yield* withOAuth(Effect.all(Array.from({ length: 100 }, () => Projects.getAll()), {
        concurrency: "unbounded"
      }))
      expect(results).toHaveLength(100)
      expect(yield* tokenRequests(fake, "refresh_token")).toHaveLength(1)
      const api = (yield* fake.requests).filter((r) => r.operation === "projects.getAll")
      expect(api.filter((r) => !r.authorized)).toHaveLength(100)
      expect(api.filter((r) => r.authorized)).toHaveLength(100)
      expect(Redacted.value((yield* stored(storage)).refreshToken!)).not.toBe(Redacted.value(first.refreshToken!))
    }).pipe(Effect.provide(env))
  })

  it.effect("refreshes shortly before expiry (TestClock): no request is ever refused", () => {
    const { env, fake } = setup()
    return Effect.gen(function*() {
      yield* login(fake)
      yield* withOAuth(
        Effect.gen(function*() {
          yield* Projects.getAll()
          expect(yield* tokenRequests(fake, "refresh_token")).toHaveLength(0)
          yield* TestClock.adjust(Duration.seconds(3600 - 90)) // outside the 60 s leeway
          yield* Projects.getAll()
          expect(yield* tokenRequests(fake, "refresh_token")).toHaveLength(0)
          yield* TestClock.adjust(Duration.seconds(60)) // 30 s before expiry
          yield* Projects.getAll()
          expect(yield* tokenRequests(fake, "refresh_token")).toHaveLength(1)
          yield* TestClock.adjust(Duration.seconds(3600 - 90)) // the new token is still fresh
          yield* Projects.getAll()
          expect(yield* tokenRequests(fake, "refresh_token")).toHaveLength(1)
        })
      )
      const api = (yield* fake.requests).filter((r) => r.operation === "projects.getAll")
      expect(api).toHaveLength(4)
      expect(api.every((r) => r.authorized)).toBe(true)
    }).pipe(Effect.provide(env))
  })

  it.effect("a revoked refresh token: AuthError RefreshTokenInvalid, storage cleared, then LoginRequired", () => {
    const { env, fake, storage } = setup()
    return Effect.gen(function*() {
      const tokens = yield* login(fake)
      yield* raw(fake, fake.oauth.revokeURL, {
        token: Redacted.value(tokens.refreshToken!),
        client_id: OAuth.DEFAULT_CLIENT_ID
      })
      yield* TestClock.adjust(Duration.hours(2))
      yield* withOAuth(Effect.gen(function*() {
        const error = yield* authError(Projects.getAll().pipe(OAuth.withAuthErrors))
        expect(error.reason).toBe("RefreshTokenInvalid")
        expect(error.refreshTokenInvalid).toBe(true)
        expect(error.error).toBe("invalid_grant")
        expect(yield* storage.get).toEqual(Option.none())
        const again = yield* authError(Projects.getAll().pipe(OAuth.withAuthErrors))
        expect(again.reason).toBe("LoginRequired")
      }))
      expect((yield* fake.requests).filter((r) => r.operation === "projects.getAll")).toHaveLength(0)
    }).pipe(Effect.provide(env))
  })

  it.effect("without tokens: LoginRequired, nothing sent; a login in the same process is picked up", () => {
    const { env, fake } = setup()
    return Effect.gen(function*() {
      yield* withOAuth(Effect.gen(function*() {
        const error = yield* authError(Projects.getAll().pipe(OAuth.withAuthErrors))
        expect(error.reason).toBe("LoginRequired")
        expect(yield* fake.requests).toHaveLength(0)
        yield* login(fake)
        yield* Projects.getAll()
      }))
    }).pipe(Effect.provide(env))
  })

  it.effect("without withAuthErrors an auth failure is a defect carrying the AuthError", () => {
    const { env } = setup()
    return Effect.gen(function*() {
      const exit = yield* Effect.exit(Projects.getAll().pipe(Effect.provide(OAuth.layerWithHttpClient())))
      expect(Exit.isFailure(exit)).toBe(true)
      if (Exit.isFailure(exit)) {
        const defect = Cause.dieOption(exit.cause)
        expect(Option.isSome(defect) && defect.value instanceof OAuth.AuthError).toBe(true)
      }
    }).pipe(Effect.provide(env))
  })

  it.effect("a failing token endpoint (503) is not a refused refresh token: storage kept, the next call refreshes", () => {
    const { env, fake, storage } = setup()
    return Effect.gen(function*() {
      yield* login(fake)
      yield* TestClock.adjust(Duration.hours(2))
      yield* fake.inject(Fault.status(503), { operation: "oauth.token" })
      yield* withOAuth(Effect.gen(function*() {
        const error = yield* authError(Projects.getAll().pipe(OAuth.withAuthErrors))
        expect(error.reason).toBe("TokenRequestFailed")
        expect(error.statusCode).toBe(503)
        expect(Option.isSome(yield* storage.get)).toBe(true)
        yield* Projects.getAll()
      }))
      expect(yield* tokenRequests(fake, "refresh_token")).toHaveLength(2)
    }).pipe(Effect.provide(env))
  })

  it.effect("tokens rotated by another process are adopted from storage instead of refreshing", () => {
    const { env, fake, storage } = setup()
    return Effect.gen(function*() {
      yield* login(fake)
      yield* withOAuth(Effect.gen(function*() {
        yield* Projects.getAll()
        // another process logs in again and stores new tokens; ours are revoked
        const mine = yield* stored(storage)
        yield* raw(fake, fake.oauth.revokeURL, { token: Redacted.value(mine.refreshToken!), client_id: OAuth.DEFAULT_CLIENT_ID })
        yield* login(fake)
        yield* Projects.getAll()
      }))
      expect(yield* tokenRequests(fake, "refresh_token")).toHaveLength(0)
    }).pipe(Effect.provide(env))
  })

  it.effect("bad OAuth settings fail the layer with a ConfigError", () => {
    const { env } = setup()
    return Effect.gen(function*() {
      const error = yield* Effect.flip(
        Projects.getAll().pipe(Effect.provide(OAuth.layerWithHttpClient({ tokenURL: "http://evil.example/token" })))
      )
      expect(String(error)).toContain("tokenURL")
    }).pipe(Effect.provide(env))
  })
})

describe("OAuth logout", () => {
  it.effect("revokes the refresh token (and its access tokens) and clears the storage", () => {
    const { env, fake, storage } = setup()
    return Effect.gen(function*() {
      const tokens = yield* login(fake)
      yield* OAuth.logout()
      expect(yield* storage.get).toEqual(Option.none())
      const revoke = (yield* fake.requests).filter((r) => r.operation === "oauth.revoke")
      expect(revoke).toHaveLength(1)
      expect((yield* refreshWith(fake, tokens.refreshToken!))?.body.error).toBe("invalid_grant")
      const refused = yield* Effect.flip(Projects.getAll().pipe(
        Effect.provide(StytchManagement.layerWithHttpClient({ credentials: Credentials.accessToken(tokens.accessToken) }))
      ))
      expect(refused._tag === "StytchApiError" && refused.statusCode).toBe(401)
      // nothing stored: nothing sent
      yield* OAuth.logout()
      expect((yield* fake.requests).filter((r) => r.operation === "oauth.revoke")).toHaveLength(1)
    }).pipe(Effect.provide(env))
  })

  it.effect("an expired access token is refused with 401 by every endpoint", () => {
    const { env, fake } = setup()
    return Effect.gen(function*() {
      const tokens = yield* login(fake)
      const layer = StytchManagement.layerWithHttpClient({ credentials: Credentials.accessToken(tokens.accessToken) })
      yield* Projects.getAll().pipe(Effect.provide(layer))
      yield* TestClock.adjust(Duration.seconds(3600))
      const error = yield* Effect.flip(Projects.getAll().pipe(Effect.provide(layer)))
      expect(error._tag === "StytchApiError" && error.statusCode).toBe(401)
    }).pipe(Effect.provide(env))
  })
})

describe("tokens never leak", () => {
  it.effect("no error, log line or span contains a token, code or verifier", () => {
    const { env, fake, storage } = setup()
    const logs: Array<string> = []
    const logger = Logger.make(({ cause, message }) => logs.push(`${Inspectable.format(message)} ${Cause.pretty(cause)}`))
    const spans: Array<Tracer.Span> = []
    const secrets: Array<string> = []
    const errors: Array<unknown> = []
    const failing = storage
    return Effect.gen(function*() {
      const { state, url, verifier } = yield* OAuth.loginURL({ redirectURI: REDIRECT })
      secrets.push(Redacted.value(verifier))
      const callbackURL = yield* fake.approve(url)
      secrets.push(new URL(callbackURL).searchParams.get("code")!)
      const tokens = yield* OAuth.handleCallback({ callbackURL, verifier, expectedState: state, redirectURI: REDIRECT })
      secrets.push(Redacted.value(tokens.accessToken), Redacted.value(tokens.refreshToken!))
      // a reused code, a 401 + refresh, a refused refresh token
      errors.push(yield* Effect.flip(OAuth.exchangeCallback({ callbackURL, verifier, expectedState: state })))
      yield* raw(fake, fake.oauth.revokeURL, { token: Redacted.value(tokens.accessToken), client_id: OAuth.DEFAULT_CLIENT_ID })
      yield* withOAuth(Projects.getAll())
      const rotated = yield* stored(failing)
      secrets.push(Redacted.value(rotated.accessToken), Redacted.value(rotated.refreshToken!))
      yield* raw(fake, fake.oauth.revokeURL, { token: Redacted.value(rotated.refreshToken!), client_id: OAuth.DEFAULT_CLIENT_ID })
      yield* TestClock.adjust(Duration.hours(2))
      const exit = yield* Effect.exit(Projects.getAll().pipe(Effect.provide(OAuth.layerWithHttpClient())))
      if (Exit.isFailure(exit)) errors.push(Cause.squash(exit.cause), exit.cause)
      yield* Effect.logError("failed", exit)
      expect(errors.length).toBeGreaterThanOrEqual(2)
      const rendered = [
        ...errors.flatMap((e) => [String(e), Inspectable.format(e), JSON.stringify(e), Cause.isCause(e) ? Cause.pretty(e) : ""]),
        Inspectable.format(tokens),
        JSON.stringify(tokens),
        ...logs,
        ...spans.flatMap((s) => [s.name, JSON.stringify([...s.attributes]), s.status._tag === "Ended" ? Inspectable.format(s.status.exit) : ""])
      ].join("\n")
      expect(logs.length).toBeGreaterThan(0)
      expect(spans.map((s) => s.name)).toContain("stytch.oauth.refresh")
      for (const secret of secrets) expect(rendered).not.toContain(secret)
    }).pipe(
      Effect.provide(env),
      Effect.provide(Logger.replace(Logger.defaultLogger, logger)),
      recordSpansInto(spans)
    )
  })
})

/** An in-memory storage with a lock, as a storage shared by processes has (`NodeOAuth.fileTokenStorage`). */
const withSemaphore = (storage: OAuth.TokenStorageService) =>
  Effect.map(Effect.makeSemaphore(1), (lock): OAuth.TokenStorageService => ({ ...storage, withLock: lock.withPermits(1) }))

/** A session of its own (like another process): the OAuth layer built once, over the storage given. */
const session = (
  storage: OAuth.TokenStorageService,
  fake: FakeManagementApi.Service
): Effect.Effect<<A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | OAuth.AuthError, Exclude<R, StytchManagement.StytchManagement>>, never, Scope.Scope> =>
  Effect.map(
    Layer.build(
      OAuth.layerWithHttpClient().pipe(
        Layer.provide(Layer.mergeAll(Layer.succeed(HttpClient.HttpClient, fake.httpClient), Layer.succeed(OAuth.TokenStorage, storage)))
      )
    ).pipe(Effect.orDie),
    (context) => (effect) => effect.pipe(OAuth.withAuthErrors, Effect.provide(context))
  )

/** The tokens a token response carries, as another process would store them. */
const tokensOf = (body: Record<string, unknown>, now: number): OAuth.Tokens => ({
  accessToken: Redacted.make(String(body.access_token)),
  refreshToken: Redacted.make(String(body.refresh_token)),
  expiresAt: now + Number(body.expires_in) * 1000,
  issuedAt: now,
  scopes: String(body.scope).split(" ")
})

describe("OAuth refresh shared with other processes", () => {
  it.effect("the fake detects refresh-token reuse: a rotated token presented again kills the whole login", () =>
    Effect.gen(function*() {
      for (const detection of [true, false]) {
        const { env, fake } = setup({ oauth: { refreshTokenReuseDetection: detection } })
        yield* Effect.gen(function*() {
          const first = yield* login(fake)
          const next = (yield* refreshWith(fake, first.refreshToken!))!
          expect(next.status).toBe(200)
          // the rotated token again: refused either way; with detection the new tokens die too
          expect((yield* refreshWith(fake, first.refreshToken!))?.body.error).toBe("invalid_grant")
          const access = Credentials.accessToken(String(next.body.access_token))
          const call = yield* Effect.either(
            Projects.getAll().pipe(Effect.provide(StytchManagement.layerWithHttpClient({ credentials: access })))
          )
          const refreshed = yield* refreshWith(fake, Redacted.make(String(next.body.refresh_token)))
          if (detection) {
            expect(call._tag === "Left" && call.left._tag === "StytchApiError" && call.left.statusCode).toBe(401)
            expect(refreshed?.body.error).toBe("invalid_grant")
          } else {
            expect(call._tag).toBe("Right")
            expect(refreshed?.status).toBe(200)
          }
        }).pipe(Effect.provide(env))
      }
    }))

  it.effect("two sessions on one storage with a lock refresh at the same moment: one refresh grant, the login lives", () => {
    const { env, fake, storage } = setup()
    return Effect.gen(function*() {
      const shared = yield* withSemaphore(storage)
      const a = yield* session(shared, fake)
      const b = yield* session(shared, fake)
      yield* login(fake)
      for (let round = 1; round <= 5; round++) {
        yield* TestClock.adjust(Duration.hours(2))
        const calls = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b)(Projects.getAll()))
        yield* Effect.all(calls, { concurrency: "unbounded" })
        expect(yield* tokenRequests(fake, "refresh_token")).toHaveLength(round)
      }
      expect((yield* fake.requests).filter((r) => r.operation === "projects.getAll").every((r) => r.authorized)).toBe(true)
      expect((yield* refreshWith(fake, (yield* stored(storage)).refreshToken!))?.status).toBe(200)
    }).pipe(Effect.provide(env), Effect.scoped)
  })

  it.effect("without a lock the same race presents a rotated refresh token, and a server that detects reuse ends the login", () => {
    const { env, fake, storage } = setup()
    return Effect.gen(function*() {
      const a = yield* session(storage, fake)
      const b = yield* session(storage, fake)
      yield* login(fake)
      yield* TestClock.adjust(Duration.hours(2))
      const results = yield* Effect.all([a(Projects.getAll()), b(Projects.getAll())], {
        concurrency: "unbounded",
        mode: "either"
      })
      expect(yield* tokenRequests(fake, "refresh_token")).not.toHaveLength(1)
      const left = Option.getOrUndefined(yield* storage.get)
      const alive = left !== undefined && (yield* refreshWith(fake, left.refreshToken!))?.status === 200
      expect(alive).toBe(false)
      expect(results.some((r) => r._tag === "Left")).toBe(true)
    }).pipe(Effect.provide(env), Effect.scoped)
  })

  it.effect("invalid_grant while the storage holds newer tokens: they are adopted and used, not cleared (compare-then-clear)", () => {
    // a server without reuse detection, and no lock: another process refreshes with the same
    // refresh token just before ours reaches the token endpoint
    const { fake, storage } = setup({ oauth: { refreshTokenReuseDetection: false } })
    let armed = false
    let raced = false
    const racing = HttpClient.tapRequest(fake.httpClient, (request) =>
      !armed || raced || !request.url.endsWith("/oauth2/token")
        ? Effect.void
        : Effect.gen(function*() {
          raced = true
          const theirs = (yield* refreshWith(fake, (yield* stored(storage)).refreshToken!))!
          yield* storage.set(tokensOf(theirs.body, yield* Effect.clockWith((c) => c.currentTimeMillis)))
        }).pipe(Effect.orDie))
    const env = Layer.mergeAll(Layer.succeed(HttpClient.HttpClient, racing), Layer.succeed(OAuth.TokenStorage, storage))
    return Effect.gen(function*() {
      yield* login(fake)
      yield* TestClock.adjust(Duration.hours(2))
      armed = true
      yield* withOAuth(Effect.gen(function*() {
        yield* Projects.getAll()
        const theirs = yield* stored(storage)
        yield* Projects.getAll()
        // still theirs: adopted, neither cleared nor refreshed again
        expect(Redacted.value((yield* stored(storage)).refreshToken!)).toBe(Redacted.value(theirs.refreshToken!))
      }))
      expect(raced).toBe(true)
      const grants = (yield* fake.requests).filter((r) => r.operation === "oauth.token").length
      expect(grants).toBe(3) // the login, theirs, ours (refused)
      expect((yield* fake.requests).filter((r) => r.operation === "projects.getAll").every((r) => r.authorized)).toBe(true)
    }).pipe(Effect.provide(env))
  })
})

describe("refresh leeway", () => {
  /** One call every 2 s for two minutes; the number of refresh grants. */
  const twoMinutes = (options: OAuth.LayerOptions) => {
    const { env, fake } = setup({ oauth: { accessTokenLifetime: "60 seconds" } })
    return Effect.gen(function*() {
      yield* login(fake)
      yield* withOAuth(
        Effect.gen(function*() {
          for (let second = 2; second <= 120; second += 2) {
            yield* TestClock.adjust(Duration.seconds(2))
            yield* Projects.getAll()
          }
        }),
        options
      )
      const api = (yield* fake.requests).filter((r) => r.operation === "projects.getAll")
      expect(api.every((r) => r.authorized)).toBe(true)
      return (yield* tokenRequests(fake, "refresh_token")).length
    }).pipe(Effect.provide(env))
  }

  it.effect("tokens of 60 s are refreshed once each, halfway (the 60 s leeway capped at half the lifetime)", () =>
    Effect.map(twoMinutes({}), (grants) => expect(grants).toBe(4))) // at 30, 60, 90 and 120 s

  it.effect("refreshLeeway is configurable: 10 s before expiry", () =>
    Effect.map(twoMinutes({ refreshLeeway: "10 seconds" }), (grants) => expect(grants).toBe(2))) // at 50 and 100 s

  it.effect("a leeway longer than half the lifetime is capped too; an unreadable one fails the layer", () =>
    Effect.gen(function*() {
      expect(yield* twoMinutes({ refreshLeeway: "1 hour" })).toBe(4)
      const { env } = setup()
      const error = yield* Effect.flip(
        Projects.getAll().pipe(
          Effect.provide(OAuth.layerWithHttpClient({ refreshLeeway: "soon" as Duration.DurationInput })),
          Effect.provide(env)
        )
      )
      expect(String(error)).toContain("refreshLeeway")
    }))
})

describe("RFC 9207: the callback's issuer", () => {
  const withIss = (callbackURL: string, iss: string) => {
    const url = new URL(callbackURL)
    url.searchParams.set("iss", iss)
    return url.href
  }

  it("is derived from the token URL unless configured", () => {
    expect(OAuth.issuersOf(OAuth.DEFAULT_TOKEN_URL)).toEqual([
      `https://api.stytch.com/v1/public/${OAuth.STYTCH_PROJECT_ID}`,
      `stytch.com/${OAuth.STYTCH_PROJECT_ID}`
    ])
    expect(OAuth.issuersOf("https://login.example.com/v1/oauth2/token")).toEqual(["https://login.example.com"])
    expect(OAuth.issuersOf("http://127.0.0.1:8080/token")).toEqual(["http://127.0.0.1:8080"])
  })

  it.effect("another issuer is IssuerMismatch and nothing is exchanged, error callbacks included; the expected one passes", () => {
    const { env, fake, storage } = setup()
    return Effect.gen(function*() {
      const { state, url, verifier } = yield* OAuth.loginURL({ redirectURI: REDIRECT })
      const callbackURL = yield* fake.approve(url)
      const exchange = (iss: string, options: Partial<OAuth.ExchangeCallbackOptions> = {}) =>
        OAuth.handleCallback({ callbackURL: withIss(callbackURL, iss), verifier, expectedState: state, ...options })
      const mismatch = yield* authError(exchange("https://evil.example"))
      expect(mismatch.reason).toBe("IssuerMismatch")
      expect(mismatch.message).toContain("https://evil.example")
      expect(yield* authError(exchange(`stytch.com/${OAuth.STYTCH_PROJECT_ID}`, { issuer: "https://login.example.com" })))
        .toMatchObject({ reason: "IssuerMismatch" })
      const denied = `${REDIRECT}?error=access_denied&state=${state}&iss=https%3A%2F%2Fevil.example`
      expect(yield* authError(OAuth.exchangeCallback({ callbackURL: denied, verifier, expectedState: state })))
        .toMatchObject({ reason: "IssuerMismatch" })
      expect(yield* authError(exchange("x", { issuer: "" }))).toMatchObject({ reason: "InvalidConfiguration" })
      expect(yield* tokenRequests(fake)).toHaveLength(0)
      expect(yield* storage.get).toEqual(Option.none())
      // the derived issuer of the default token URL, and a configured one
      yield* exchange(`stytch.com/${OAuth.STYTCH_PROJECT_ID}`)
      const second = yield* OAuth.loginURL({ redirectURI: REDIRECT })
      yield* OAuth.exchangeCallback({
        callbackURL: withIss(yield* fake.approve(second.url), "https://login.example.com"),
        verifier: second.verifier,
        expectedState: second.state,
        issuer: "https://login.example.com"
      })
      expect(yield* tokenRequests(fake, "authorization_code")).toHaveLength(2)
    }).pipe(Effect.provide(env))
  })
})
