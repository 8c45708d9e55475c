import { createHash, createHmac } from "node:crypto"
import { inspect } from "node:util"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { describe, expect, it } from "@effect/vitest"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { StytchProject } from "@stytch-effect/core"
import { Environments, M2M, M2MClients, ProjectApi, Secrets } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import * as Chunk from "effect/Chunk"
import * as Clock from "effect/Clock"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import * as TokenCache from "../src/internal/tokenCache.js"
import { failureOf, liveProject, withFake } from "./utils.js"

/** A LIVE environment, a secret in it, and a project layer over the fake authenticated with that secret. */
const setup = Effect.gen(function*() {
  const scope = yield* liveProject("B2B")
  const { environment } = yield* Environments.get(scope)
  const { secret } = yield* Secrets.create(scope)
  const fake = yield* FakeManagementApi.FakeManagementApi
  const project = yield* Layer.build(FakeManagementApi.projectLayer(environment, secret)).pipe(
    Effect.provideService(FakeManagementApi.FakeManagementApi, fake)
  )
  const run = <A, E>(effect: Effect.Effect<A, E, StytchProject.StytchProject>) => Effect.provide(effect, project)
  return { scope, environment, secret, fake, run }
}).pipe(Effect.scoped)

const projectRequests = Effect.map(
  Effect.flatMap(FakeManagementApi.FakeManagementApi, (fake) => fake.requests),
  (requests) => requests.filter((r) => r.path.startsWith("/v1/"))
)

describe("M2MClients", () => {
  it.effect("every operation round-trips", () =>
    Effect.gen(function*() {
      const { run } = yield* setup
      const { m2mClient: created } = yield* run(M2MClients.create({
        scopes: ["read:users", "write:users"],
        clientName: "billing",
        clientDescription: "the billing service",
        trustedMetadata: { team: "payments" }
      }))
      expect(created.clientID).toMatch(/^m2m-client-live-/)
      expect(Redacted.isRedacted(created.clientSecret)).toBe(true)
      expect(String(created.clientSecret)).toBe("<redacted>")
      expect(created.clientSecretLastFour).toBe(Redacted.value(created.clientSecret).slice(-4))
      expect(created.status).toBe("active")

      const { m2mClient: got } = yield* run(M2MClients.get({ clientID: created.clientID }))
      expect(got).toMatchObject({ clientName: "billing", scopes: ["read:users", "write:users"], trustedMetadata: { team: "payments" } })
      expect("clientSecret" in got).toBe(false)

      const { m2mClient: updated } = yield* run(
        M2MClients.update({ clientID: created.clientID, status: "inactive", scopes: ["read:users"] })
      )
      expect(updated).toMatchObject({ status: "inactive", scopes: ["read:users"], clientName: "billing" })

      const { m2mClients, resultsMetadata } = yield* run(M2MClients.search({}))
      expect(m2mClients.map((c) => c.clientID)).toEqual([created.clientID])
      expect(resultsMetadata.total).toBe(1)
      expect(resultsMetadata.nextCursor).toBeUndefined()

      const started = yield* run(M2MClients.rotateStart({ clientID: created.clientID }))
      expect(Redacted.isRedacted(started.m2mClient.nextClientSecret)).toBe(true)
      expect(started.m2mClient.nextClientSecretLastFour).toBe(Redacted.value(started.m2mClient.nextClientSecret).slice(-4))
      const cancelled = yield* run(M2MClients.rotateCancel({ clientID: created.clientID }))
      expect(cancelled.m2mClient.nextClientSecretLastFour).toBeUndefined()
      yield* run(M2MClients.rotateStart({ clientID: created.clientID }))
      const rotated = yield* run(M2MClients.rotate({ clientID: created.clientID }))
      expect(rotated.m2mClient.clientSecretLastFour).not.toBe(created.clientSecretLastFour)
      expect(rotated.m2mClient.nextClientSecretLastFour).toBeUndefined()

      const deleted = yield* run(M2MClients.delete({ clientID: created.clientID }))
      expect(deleted.clientID).toBe(created.clientID)
      const error = yield* failureOf(run(M2MClients.get({ clientID: created.clientID })))
      expect(error).toMatchObject({ _tag: "StytchApiError", statusCode: 404, errorType: "m2m_client_not_found" })

      // Wire: Basic project auth on the client endpoints, under /v1/m2m/clients.
      const requests = yield* projectRequests
      expect(requests.every((r) => r.authorized)).toBe(true)
      expect(requests[0]).toMatchObject({ method: "POST", path: "/v1/m2m/clients", operation: "m2mClients.create" })
    }).pipe(withFake))

  it.effect("a custom client id and secret; a weak secret is refused with error_details; a duplicate id conflicts", () =>
    Effect.gen(function*() {
      const { run } = yield* setup
      const { m2mClient } = yield* run(
        M2MClients.create({ scopes: [], clientID: "my-client", clientSecret: Redacted.make("s3cret-Value-42") })
      )
      expect(m2mClient.clientID).toBe("my-client")
      expect(Redacted.value(m2mClient.clientSecret)).toBe("s3cret-Value-42")
      const weak = yield* failureOf(run(M2MClients.create({ scopes: [], clientSecret: "aaaaaaaa" })))
      expect(weak).toMatchObject({
        _tag: "StytchApiError",
        statusCode: 400,
        errorType: "invalid_client_secret",
        errorDetails: { field: "client_secret" }
      })
      const duplicate = yield* failureOf(run(M2MClients.create({ scopes: [], clientID: "my-client" })))
      expect(duplicate).toMatchObject({ statusCode: 409, errorType: "duplicate_client_id" })
    }).pipe(withFake))

  it.effect("an empty client id and an unknown status are rejected before anything is sent", () =>
    Effect.gen(function*() {
      const { run } = yield* setup
      const missing = yield* failureOf(run(M2MClients.get({ clientID: " " })))
      expect(missing).toMatchObject({ _tag: "InvalidRequestError", kind: "MissingPathParameter", field: "clientID" })
      const status = yield* failureOf(run(M2MClients.update({ clientID: "x", status: "paused" as never })))
      expect(status).toMatchObject({ _tag: "InvalidRequestError", kind: "Body" })
      const limit = yield* failureOf(run(M2MClients.search({ limit: 1.5 })))
      expect(limit).toMatchObject({ _tag: "InvalidRequestError" })
      expect(yield* projectRequests).toEqual([])
    }).pipe(withFake))

  it.effect("search filters (AND/OR) and pagination over 3+ pages; searchAll follows next_cursor", () =>
    Effect.gen(function*() {
      const { run } = yield* setup
      for (let i = 0; i < 7; i++) {
        yield* run(M2MClients.create({ scopes: i % 2 === 0 ? ["read:a"] : ["write:b"], clientName: `client-${i}` }))
      }
      const page1 = yield* run(M2MClients.search({ limit: 3 }))
      expect(page1.m2mClients).toHaveLength(3)
      expect(page1.resultsMetadata).toMatchObject({ total: 7 })
      const page2 = yield* run(M2MClients.search({ limit: 3, cursor: page1.resultsMetadata.nextCursor! }))
      const page3 = yield* run(M2MClients.search({ limit: 3, cursor: page2.resultsMetadata.nextCursor! }))
      expect(page3.m2mClients).toHaveLength(1)
      expect(page3.resultsMetadata.nextCursor).toBeUndefined()

      const fake = yield* FakeManagementApi.FakeManagementApi
      const before = (yield* fake.requests).length
      const all = Chunk.toReadonlyArray(yield* run(Stream.runCollect(M2MClients.searchAll({ limit: 2 }))))
      expect(all.map((c) => c.clientName)).toEqual(Array.from({ length: 7 }, (_, i) => `client-${i}`))
      expect((yield* fake.requests).length - before).toBe(4)

      const reads = yield* run(M2MClients.search({
        query: { operator: "AND", operands: [{ filterName: "scopes", filterValue: ["read:a"] }] }
      }))
      expect(reads.m2mClients.map((c) => c.clientName)).toEqual(["client-0", "client-2", "client-4", "client-6"])
      const either = yield* run(M2MClients.search({
        query: {
          operator: "OR",
          operands: [
            { filterName: "client_name", filterValue: ["client-1"] },
            { filterName: "client_id", filterValue: [all[2]!.clientID] }
          ]
        }
      }))
      expect(either.m2mClients.map((c) => c.clientName)).toEqual(["client-1", "client-2"])
      const none = yield* run(M2MClients.search({
        query: {
          operator: "AND",
          operands: [{ filterName: "client_name", filterValue: ["client-1"] }, { filterName: "scopes", filterValue: ["read:a"] }]
        }
      }))
      expect(none.m2mClients).toEqual([])
    }).pipe(withFake))
})

describe("StytchProject", () => {
  it("chooses the base URL from the project id", () => {
    expect(StytchProject.baseURLFor("project-live-123")).toBe("https://api.stytch.com")
    expect(StytchProject.baseURLFor("project-test-123")).toBe("https://test.stytch.com")
    expect(StytchProject.baseURLFor("something-else")).toBe("https://test.stytch.com")
  })

  const urlOf = (options: StytchProject.Options) =>
    Effect.gen(function*() {
      let seen: string | undefined
      let authorization: string | undefined
      const client = HttpClient.make((request) => {
        seen = request.url
        authorization = request.headers["authorization"]
        return Effect.succeed(HttpClientResponse.fromWeb(request, new Response(JSON.stringify({
          request_id: "r",
          status_code: 200,
          client_id: "c"
        }))))
      })
      yield* M2MClients.delete({ clientID: "c" }).pipe(
        Effect.provide(StytchProject.layerWithHttpClient(options)),
        Effect.provideService(HttpClient.HttpClient, client)
      )
      return { seen, authorization }
    })

  it.effect("sends to api.stytch.com / test.stytch.com / a custom https URL, with Basic project auth", () =>
    Effect.gen(function*() {
      const live = yield* urlOf({ projectID: "project-live-1", secret: "s" })
      expect(live.seen).toBe("https://api.stytch.com/v1/m2m/clients/c")
      expect(live.authorization).toBe(`Basic ${btoa("project-live-1:s")}`)
      expect((yield* urlOf({ projectID: "project-test-1", secret: "s" })).seen).toBe("https://test.stytch.com/v1/m2m/clients/c")
      expect((yield* urlOf({ projectID: "project-test-1", secret: "s", baseURL: "https://auth.example.com/" })).seen).toBe(
        "https://auth.example.com/v1/m2m/clients/c"
      )
      expect((yield* urlOf({ projectID: "project-test-1", secret: "s", baseURL: "http://127.0.0.1:9" })).seen).toBe(
        "http://127.0.0.1:9/v1/m2m/clients/c"
      )
    }))

  it.effect("the token endpoint is sent without an Authorization header", () =>
    Effect.gen(function*() {
      const headers: Array<Record<string, string>> = []
      const client = HttpClient.make((request) => {
        headers.push({ ...request.headers })
        return Effect.succeed(HttpClientResponse.fromWeb(request, new Response(JSON.stringify({
          request_id: "r",
          access_token: "a.b.c",
          token_type: "bearer",
          expires_in: 3600
        }))))
      })
      yield* M2M.token({ clientID: "c", clientSecret: "s" }).pipe(
        Effect.provide(StytchProject.layerWithHttpClient({ projectID: "project-test-1", secret: "project-secret" })),
        Effect.provideService(HttpClient.HttpClient, client)
      )
      expect(headers).toHaveLength(1)
      expect(headers[0]!["authorization"]).toBeUndefined()
      expect(headers[0]!["content-type"]).toBe("application/json")
    }))

  it.effect("refuses http: to a non-loopback host, and blank or malformed credentials, naming the field only", () =>
    Effect.gen(function*() {
      const http = yield* Effect.either(urlOf({ projectID: "project-test-1", secret: "s", baseURL: "http://example.com" }))
      expect(Either.isLeft(http) && String(http.left)).toMatch(/https/)
      const blank = yield* Effect.either(urlOf({ projectID: " ", secret: "s" }))
      expect(Either.isLeft(blank) && String(blank.left)).toMatch(/projectID/)
      const colon = yield* Effect.either(urlOf({ projectID: "a:b", secret: "top-secret" }))
      expect(Either.isLeft(colon) && String(colon.left)).not.toMatch(/top-secret/)
      const secret = yield* Effect.either(urlOf({ projectID: "p", secret: "" }))
      expect(Either.isLeft(secret) && String(secret.left)).toMatch(/secret/)
    }))

  it.effect("layerConfig reads STYTCH_PROJECT_ID and STYTCH_PROJECT_SECRET", () =>
    Effect.gen(function*() {
      const service = yield* StytchProject.StytchProject.pipe(
        Effect.provide(StytchProject.layerConfig()),
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map([
          ["STYTCH_PROJECT_ID", "project-live-abc"],
          ["STYTCH_PROJECT_SECRET", "secret"]
        ])))
      )
      expect(service).toMatchObject({ projectID: "project-live-abc", baseURL: "https://api.stytch.com" })
      const missing = yield* Effect.either(
        StytchProject.StytchProject.pipe(
          Effect.provide(StytchProject.layerConfig()),
          Effect.withConfigProvider(ConfigProvider.fromMap(new Map()))
        )
      )
      expect(Either.isLeft(missing)).toBe(true)
    }))

  it.effect("a secret created through the Management API authenticates; a deleted one stops working", () =>
    Effect.gen(function*() {
      const { run, scope, secret } = yield* setup
      yield* run(M2MClients.search({}))
      yield* Secrets.delete({ ...scope, secretID: secret.secretID })
      const error = yield* failureOf(run(M2MClients.search({})))
      expect(error).toMatchObject({ _tag: "StytchApiError", statusCode: 401, errorType: "unauthorized_credentials" })
    }).pipe(withFake))

  it.effect("fromSecret builds a layer from an environment and a secret", () =>
    Effect.gen(function*() {
      const layer = StytchProject.fromSecret({ projectID: "project-test-x" }, { secret: Redacted.make("v") })
      const service = yield* Effect.provide(StytchProject.StytchProject, layer)
      expect(service.baseURL).toBe("https://test.stytch.com")
    }))
})

describe("M2M", () => {
  const withClient = (scopes: ReadonlyArray<string>) =>
    Effect.gen(function*() {
      const s = yield* setup
      const { m2mClient } = yield* s.run(M2MClients.create({ scopes }))
      return { ...s, client: m2mClient }
    })

  it.effect("token: client credentials in the body, no Authorization header; a JWT that authenticateToken accepts", () =>
    Effect.gen(function*() {
      const { client, environment, run } = yield* withClient(["read:users", "write:users"])
      const token = yield* run(M2M.token({ clientID: client.clientID, clientSecret: client.clientSecret, scopes: ["read:users"] }))
      expect(token).toMatchObject({ tokenType: "bearer", expiresIn: 3600 })
      expect(String(token.accessToken)).toBe("<redacted>")
      const request = (yield* projectRequests).find((r) => r.operation === "m2m.token")!
      expect(request.path).toBe(`/v1/public/${environment.projectID}/oauth2/token`)
      expect(request.body).toEqual({
        client_id: client.clientID,
        client_secret: Redacted.value(client.clientSecret),
        grant_type: "client_credentials",
        scope: "read:users"
      })
      const verified = yield* run(M2M.authenticateToken({ accessToken: token.accessToken, requiredScopes: ["read:users"] }))
      expect(verified).toEqual({ clientID: client.clientID, scopes: ["read:users"], customClaims: {} })
      const fake = yield* FakeManagementApi.FakeManagementApi
      const raw = (yield* fake.requests).filter((r) => r.operation === "m2m.jwks")
      expect(raw).toHaveLength(1)
      // The JWKS is cached.
      yield* run(M2M.authenticateToken({ accessToken: Redacted.value(token.accessToken) }))
      expect((yield* fake.requests).filter((r) => r.operation === "m2m.jwks")).toHaveLength(1)
    }).pipe(withFake))

  it.effect("token errors come in the OAuth2 shape and map to StytchApiError", () =>
    Effect.gen(function*() {
      const { client, run } = yield* withClient(["read:users"])
      const wrong = yield* failureOf(run(M2M.token({ clientID: client.clientID, clientSecret: "wrong-secret" })))
      expect(wrong).toMatchObject({ _tag: "StytchApiError", statusCode: 401, errorType: "invalid_client" })
      expect((wrong as { errorURL?: string }).errorURL).toMatch(/invalid_client/)
      const scope = yield* failureOf(
        run(M2M.token({ clientID: client.clientID, clientSecret: client.clientSecret, scopes: ["admin:all"] }))
      )
      expect(scope).toMatchObject({ statusCode: 400, errorType: "invalid_scope" })
      yield* run(M2MClients.update({ clientID: client.clientID, status: "inactive" }))
      const inactive = yield* failureOf(run(M2M.token({ clientID: client.clientID, clientSecret: client.clientSecret })))
      expect(inactive).toMatchObject({ statusCode: 401, errorType: "invalid_client" })
    }).pipe(withFake))

  it.effect("100 concurrent token calls send one request; the token is refreshed before it expires", () =>
    Effect.gen(function*() {
      const { client, run } = yield* withClient(["read:users"])
      const tokens = yield* run(Effect.all(
        Array.from({ length: 100 }, () => M2M.token({ clientID: client.clientID, clientSecret: client.clientSecret })),
        { concurrency: "unbounded" }
      ))
      const count = Effect.map(projectRequests, (rs) => rs.filter((r) => r.operation === "m2m.token").length)
      expect(yield* count).toBe(1)
      expect(new Set(tokens.map((t) => Redacted.value(t.accessToken))).size).toBe(1)
      yield* TestClock.adjust("58 minutes")
      yield* run(M2M.token({ clientID: client.clientID, clientSecret: client.clientSecret }))
      expect(yield* count).toBe(1)
      yield* TestClock.adjust("2 minutes")
      yield* run(M2M.token({ clientID: client.clientID, clientSecret: client.clientSecret }))
      expect(yield* count).toBe(2)
      // A wrong secret is never served the cached token.
      const wrong = yield* failureOf(run(M2M.token({ clientID: client.clientID, clientSecret: "not-the-secret" })))
      expect(wrong).toMatchObject({ errorType: "invalid_client" })
    }).pipe(withFake))

  it.effect("rotation: both secrets work after start; the old one fails after rotate; the next one is discarded by cancel", () =>
    Effect.gen(function*() {
      const { client, run } = yield* withClient(["read:users"])
      const tokenWith = (secret: Redacted.Redacted<string>, scopes: ReadonlyArray<string>) =>
        Effect.either(run(M2M.token({ clientID: client.clientID, clientSecret: secret, scopes })))
      const old = client.clientSecret
      const { m2mClient: started } = yield* run(M2MClients.rotateStart({ clientID: client.clientID }))
      const next = started.nextClientSecret
      // Distinct scopes per call keep the token cache out of the way.
      expect(Either.isRight(yield* tokenWith(old, ["read:users"]))).toBe(true)
      expect(Either.isRight(yield* tokenWith(next, ["read:users"]))).toBe(true)
      yield* run(M2MClients.rotate({ clientID: client.clientID }))
      expect(Either.isLeft(yield* tokenWith(old, []))).toBe(true)
      expect(Either.isRight(yield* tokenWith(next, []))).toBe(true)

      const { m2mClient: again } = yield* run(M2MClients.rotateStart({ clientID: client.clientID }))
      yield* run(M2MClients.rotateCancel({ clientID: client.clientID }))
      expect(Either.isLeft(yield* tokenWith(again.nextClientSecret, []))).toBe(true)
      const notStarted = yield* failureOf(run(M2MClients.rotate({ clientID: client.clientID })))
      expect(notStarted).toMatchObject({ statusCode: 400, errorType: "no_secret_rotation_in_progress" })
    }).pipe(withFake))

  it.effect("authenticateToken rejects a wrong audience or issuer, an expired or too old token, missing scopes", () =>
    Effect.gen(function*() {
      const { client, environment, run } = yield* withClient(["read:users", "write:*"])
      const { accessToken } = yield* run(M2M.token({ clientID: client.clientID, clientSecret: client.clientSecret }))
      const reasonOf = (request: Omit<M2M.AuthenticateTokenRequest, "accessToken">, token = accessToken) =>
        Effect.map(failureOf(run(M2M.authenticateToken({ accessToken: token, ...request }))), (e) => e)

      // Scopes: `write:*` covers any resource; a missing one fails; a custom check replaces the default.
      const ok = yield* run(M2M.authenticateToken({ accessToken, requiredScopes: ["write:users", "read:users"] }))
      expect(ok.scopes).toEqual(["read:users", "write:*"])
      expect(yield* reasonOf({ requiredScopes: ["delete:users"] })).toMatchObject({
        _tag: "TokenVerificationError",
        reason: "MissingScopes",
        requiredScopes: ["delete:users"]
      })
      expect(yield* reasonOf({ requiredScopes: ["read:orders"] })).toMatchObject({ reason: "MissingScopes" })
      const custom = yield* run(M2M.authenticateToken({ accessToken, requiredScopes: ["x"], authorizationCheck: () => true }))
      expect(custom.clientID).toBe(client.clientID)

      // Audience and issuer, with tokens signed by the project's own key.
      const fake = yield* FakeManagementApi.FakeManagementApi
      const claims = JSON.parse(Buffer.from(Redacted.value(accessToken).split(".")[1]!, "base64url").toString())
      expect(claims).toMatchObject({ iss: `stytch.com/${environment.projectID}`, aud: [environment.projectID], sub: client.clientID })
      const signed = (changes: Record<string, unknown>) =>
        Redacted.make(FakeManagementApi.signJWT(fake, environment.projectID, { ...claims, ...changes })!)
      yield* run(M2M.authenticateToken({ accessToken: signed({ team: "billing" }) })).pipe(
        Effect.tap((r) => expect(r.customClaims).toEqual({ team: "billing" }))
      )
      const audience = yield* reasonOf({}, signed({ aud: ["project-live-other"] }))
      expect(audience).toMatchObject({ _tag: "TokenVerificationError", reason: "Invalid" })
      expect(audience.message).toMatch(/aud/)
      const issuer = yield* reasonOf({}, signed({ iss: "stytch.com/project-live-other" }))
      expect(issuer).toMatchObject({ reason: "Invalid" })
      expect(issuer.message).toMatch(/iss/)
      const { iat: _, ...noIat } = claims
      expect(yield* reasonOf({ maxTokenAgeSeconds: 60 }, Redacted.make(FakeManagementApi.signJWT(fake, environment.projectID, noIat)!)))
        .toMatchObject({ reason: "Invalid" })
      const [header, payload, signature] = Redacted.value(accessToken).split(".")
      const tampered = JSON.parse(Buffer.from(payload!, "base64url").toString())
      const forged = `${header}.${Buffer.from(JSON.stringify({ ...tampered, scope: "admin:*" })).toString("base64url")}.${signature}`
      expect(yield* reasonOf({}, Redacted.make(forged))).toMatchObject({ reason: "Invalid" })

      // Age: too old for maxTokenAgeSeconds; expired after an hour (unless within the clock tolerance).
      yield* TestClock.adjust("10 minutes")
      expect(yield* reasonOf({ maxTokenAgeSeconds: 300 })).toMatchObject({ reason: "TooOld" })
      yield* run(M2M.authenticateToken({ accessToken, maxTokenAgeSeconds: 3600 }))
      yield* TestClock.adjust("51 minutes")
      expect(yield* reasonOf({})).toMatchObject({ reason: "Invalid" })
      yield* run(M2M.authenticateToken({ accessToken, clockToleranceSeconds: 120 }))
    }).pipe(withFake))
})

describe("M2M.token against a plain OAuth 2.0 token endpoint", () => {
  it.effect("no request_id nor status_code in the body: the token decodes, is cached and verifies; errors too", () =>
    Effect.gen(function*() {
      const { client, run } = yield* Effect.gen(function*() {
        const s = yield* setup
        const { m2mClient } = yield* s.run(M2MClients.create({ scopes: ["read:users", "write:users"] }))
        return { ...s, client: m2mClient }
      })
      const fake = yield* FakeManagementApi.FakeManagementApi
      // What the fake answers in this mode, on the wire.
      const raw = yield* fake.server.handle({
        method: "POST",
        url: new URL(`https://api.stytch.com/v1/public/${(yield* StytchProject.StytchProject.pipe(run)).projectID}/oauth2/token`),
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          client_id: client.clientID,
          client_secret: Redacted.value(client.clientSecret),
          grant_type: "client_credentials"
        }).toString()
      })
      expect(raw._tag === "Response" && raw.status).toBe(200)
      const body = raw._tag === "Response" ? JSON.parse(raw.body) : undefined
      expect(Object.keys(body).sort()).toEqual(["access_token", "expires_in", "scope", "token_type"])
      expect(body).toMatchObject({ token_type: "bearer", expires_in: 3600, scope: "read:users write:users" })
      expect(raw._tag === "Response" && raw.headers["cache-control"]).toBe("no-store")

      const token = yield* run(M2M.token({ clientID: client.clientID, clientSecret: client.clientSecret }))
      expect(token.requestID).toBeUndefined()
      expect(token).toMatchObject({ statusCode: 200, tokenType: "bearer", expiresIn: 3600, scope: "read:users write:users" })
      // Requested scopes granted as asked: no `scope` in the body.
      const narrowed = yield* run(M2M.token({ clientID: client.clientID, clientSecret: client.clientSecret, scopes: ["read:users"] }))
      expect(narrowed.scope).toBeUndefined()
      const verified = yield* run(M2M.authenticateToken({ accessToken: narrowed.accessToken, requiredScopes: ["read:users"] }))
      expect(verified.scopes).toEqual(["read:users"])

      const wrong = yield* failureOf(run(M2M.token({ clientID: client.clientID, clientSecret: "wrong-secret" })))
      expect(wrong).toMatchObject({ _tag: "StytchApiError", statusCode: 401, errorType: "invalid_client" })
      expect((wrong as { requestID?: string }).requestID).toBe("")
    }).pipe(Effect.provide(FakeManagementApi.layer({}, { m2mTokenResponse: "plainOAuth" }))))
})

describe("M2M.token's cache", () => {
  /** A project client over a stub token endpoint that answers every request with a new token. */
  const stubbed = Effect.gen(function*() {
    const sent: Array<unknown> = []
    const client = HttpClient.make((request) => {
      sent.push(request.body)
      return Effect.succeed(HttpClientResponse.fromWeb(request, new Response(JSON.stringify({
        access_token: `a.b.${sent.length}`,
        token_type: "bearer",
        expires_in: 3600
      }))))
    })
    const context = yield* Layer.build(
      StytchProject.layerWithHttpClient({ projectID: "project-test-1", secret: "project-secret" }).pipe(
        Layer.provide(Layer.succeed(HttpClient.HttpClient, client))
      )
    )
    const project = Context.get(context, StytchProject.StytchProject)
    const cache = TokenCache.of<M2M.TokenResponse>(project)
    const token = (clientID: string, clientSecret: string) =>
      Effect.provide(M2M.token({ clientID, clientSecret }), context)
    return { cache, sent, token }
  })

  it.effect("keys are salted digests: neither the secret nor the client id can be read from them", () =>
    Effect.gen(function*() {
      const { cache, token } = yield* stubbed
      const secret = "secret-of-client-a-0123456789"
      yield* token("m2m-client-a", secret)
      yield* token("m2m-client-a", "another-secret-9876543210")
      const keys = cache.tokens.keys()
      expect(keys).toHaveLength(2)
      for (const key of keys) {
        expect(key).toMatch(/^[0-9a-f]{64}$/)
        expect(key).not.toContain(secret)
        expect(key).not.toContain("m2m-client-a")
      }
      // Not the plain SHA-256 of the parts either (the salt is random per cache): no offline dictionary check.
      const plain = createHash("sha256").update(JSON.stringify(["m2m-client-a", secret, null])).digest("hex")
      expect(keys).not.toContain(plain)
      expect(inspect(cache, { depth: 10 })).not.toContain(secret)
    }).pipe(Effect.scoped))

  it.effect("through M2M.token: bounded (least recently used dropped, not first in), expired tokens dropped", () =>
    Effect.gen(function*() {
      const { cache, sent, token } = yield* stubbed
      const n = TokenCache.MAX_ENTRIES + 44
      for (let i = 0; i < n; i++) yield* token(`m2m-client-${i}`, `secret-${i}-abcdefgh`)
      expect(sent).toHaveLength(n)
      expect(cache.tokens.keys()).toHaveLength(TokenCache.MAX_ENTRIES)
      // The most recent is still cached; the oldest were dropped (fetched again).
      yield* token(`m2m-client-${n - 1}`, `secret-${n - 1}-abcdefgh`)
      expect(sent).toHaveLength(n)
      yield* token("m2m-client-0", "secret-0-abcdefgh")
      expect(sent).toHaveLength(n + 1)
      // A token used again moves to the end: it outlives the ones that were cached after it.
      yield* token("m2m-client-45", "secret-45-abcdefgh") // the oldest now (0 pushed 44 out): used again
      expect(sent).toHaveLength(n + 1)
      for (let i = 0; i < 10; i++) yield* token(`m2m-client-new-${i}`, "s")
      yield* token("m2m-client-45", "secret-45-abcdefgh")
      expect(sent).toHaveLength(n + 11)
      yield* token("m2m-client-46", "secret-46-abcdefgh") // was after 45: dropped
      expect(sent).toHaveLength(n + 12)

      // Expired: once past their refresh time, every token is dropped at the next fetch.
      yield* TestClock.adjust("59 minutes")
      yield* token("m2m-client-last", "secret-last-abcdefgh")
      expect(cache.tokens.keys()).toHaveLength(1)
    }).pipe(Effect.scoped))

  it.effect("10,000 distinct clients: the cache stays at its bound, and so does its memory", () =>
    Effect.gen(function*() {
      // The cache M2M.token uses (keyOf + tokens.get), driven directly: 10,000 HTTP round-trips are not what is tested.
      const cache = TokenCache.of<M2M.TokenResponse>({})
      const response = { statusCode: 200, accessToken: Redacted.make("a.b.c"), tokenType: "bearer", expiresIn: 3600 }
      const fill = (from: number) =>
        Effect.gen(function*() {
          let largest = 0
          for (let i = from; i < from + 10_000; i++) {
            const key = yield* cache.keyOf([`m2m-client-${i}`, `secret-${i}-${"x".repeat(200)}`, null])
            yield* cache.tokens.get(key, 0, Effect.succeed({ ...response, accessToken: Redacted.make(`token-${i}-${"y".repeat(800)}`) }), () => 3_600_000)
            largest = Math.max(largest, cache.tokens.keys().length)
          }
          return largest
        })
      setFlagsFromString("--expose-gc")
      const gc = runInNewContext("gc") as () => void
      expect(yield* fill(0)).toBe(TokenCache.MAX_ENTRIES)
      gc()
      const heap = process.memoryUsage().heapUsed
      expect(yield* fill(10_000)).toBe(TokenCache.MAX_ENTRIES)
      expect(cache.tokens.keys()).toHaveLength(TokenCache.MAX_ENTRIES)
      gc()
      // 10,000 more tokens of ~1 KB held would be 10+ MB more.
      const grown = process.memoryUsage().heapUsed - heap
      expect(grown).toBeLessThan(2 * 1024 * 1024)
    }))
})

describe("M2M.authenticateToken accepts only M2M access tokens", () => {
  const withToken = Effect.gen(function*() {
    const s = yield* setup
    const { m2mClient } = yield* s.run(M2MClients.create({ scopes: ["read:users"] }))
    const { accessToken } = yield* s.run(M2M.token({ clientID: m2mClient.clientID, clientSecret: m2mClient.clientSecret }))
    const claims = JSON.parse(Buffer.from(Redacted.value(accessToken).split(".")[1]!, "base64url").toString())
    const invalid = (accessToken: string, request: Omit<M2M.AuthenticateTokenRequest, "accessToken"> = {}) =>
      Effect.map(failureOf(s.run(M2M.authenticateToken({ accessToken, ...request }))), (e) => e)
    return { ...s, client: m2mClient, accessToken, claims, invalid }
  })

  it.effect("a session JWT of the project (same keys, issuer, audience) is Invalid, whatever scopes are required", () =>
    Effect.gen(function*() {
      const { environment, fake, invalid, run } = yield* withToken
      const now = yield* Clock.currentTimeMillis
      const session = FakeManagementApi.signSessionJWT(fake, environment.projectID, { userID: "user-live-1", now })!
      const claims = JSON.parse(Buffer.from(session.split(".")[1]!, "base64url").toString())
      expect(claims).toMatchObject({ sub: "user-live-1", iss: `stytch.com/${environment.projectID}`, aud: [environment.projectID] })
      expect(claims.scope).toBeUndefined()
      for (const request of [{}, { requiredScopes: [] }, { requiredScopes: ["read:users"] }, { authorizationCheck: () => true }]) {
        const error = yield* invalid(session, request)
        expect(error).toMatchObject({ _tag: "TokenVerificationError", reason: "Invalid" })
        expect(error.message).toMatch(/session JWT/)
      }
      // Even with max age 0 it is Invalid (not TooOld): it is not an M2M token at all.
      expect(yield* invalid(session, { maxTokenAgeSeconds: 0 })).toMatchObject({ reason: "Invalid" })
      // The same key verifies it: the signature is not what rejects it.
      const { keys } = yield* run(M2M.jwks({ projectID: environment.projectID }))
      expect(keys).toHaveLength(1)
    }).pipe(withFake))

  it.effect("no scope claim, a non-string scope, or the session claim beside a scope: Invalid", () =>
    Effect.gen(function*() {
      const { claims, environment, fake, invalid } = yield* withToken
      const sign = (changes: Record<string, unknown>) =>
        FakeManagementApi.signJWT(fake, environment.projectID, { ...claims, ...changes })!
      const { scope: _, ...noScope } = claims
      const missing = yield* invalid(FakeManagementApi.signJWT(fake, environment.projectID, noScope)!)
      expect(missing).toMatchObject({ reason: "Invalid" })
      expect(missing.message).toMatch(/no scope claim/)
      expect(yield* invalid(sign({ scope: ["read:users"] }))).toMatchObject({ reason: "Invalid" })
      expect(yield* invalid(sign({ scope: null }))).toMatchObject({ reason: "Invalid" })
      const both = yield* invalid(sign({ "https://stytch.com/session": { id: "session-live-1" } }))
      expect(both.message).toMatch(/session JWT/)
    }).pipe(withFake))

  it.effect("each rule of the official SDK: nbf, typ, algorithm, unknown kid, expiry, issuer, audience, max age, scopes", () =>
    Effect.gen(function*() {
      const { accessToken, claims, environment, fake, invalid, run } = yield* withToken
      const projectID = environment.projectID
      const sign = (changes: Record<string, unknown>, header: Record<string, unknown> = {}) =>
        FakeManagementApi.signJWT(fake, projectID, { ...claims, ...changes }, header)!
      const now = Math.floor((yield* Clock.currentTimeMillis) / 1000)
      // The unchanged token passes.
      yield* run(M2M.authenticateToken({ accessToken: sign({}) }))

      // Not yet valid (nbf in the future), unless within the clock tolerance.
      const early = sign({ nbf: now + 60 })
      expect((yield* invalid(early)).message).toMatch(/nbf/)
      yield* run(M2M.authenticateToken({ accessToken: early, clockToleranceSeconds: 120 }))
      // typ must be JWT.
      expect((yield* invalid(sign({}, { typ: "at+jwt" }))).message).toMatch(/typ/)
      // Algorithm: an unsigned token (alg none), and HS256 keyed with the public key (algorithm confusion).
      const body = Redacted.value(accessToken).split(".")[1]!
      const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")
      const kid = JSON.parse(Buffer.from(Redacted.value(accessToken).split(".")[0]!, "base64url").toString()).kid
      expect(yield* invalid(`${b64({ alg: "none", typ: "JWT", kid })}.${body}.`)).toMatchObject({ reason: "Invalid" })
      const { keys } = yield* run(M2M.jwks({ projectID }))
      const hsInput = `${b64({ alg: "HS256", typ: "JWT", kid })}.${body}`
      const hs = createHmac("sha256", JSON.stringify(keys[0])).update(hsInput).digest("base64url")
      expect(yield* invalid(`${hsInput}.${hs}`)).toMatchObject({ reason: "Invalid" })
      // An unknown kid: the JWKS is fetched again (once the cooldown has passed), then it is rejected.
      expect(yield* invalid(sign({}, { kid: "jwk-unknown" }))).toMatchObject({ reason: "Invalid" })
      // Expired, wrong issuer, wrong audience.
      expect((yield* invalid(sign({ exp: now - 1 }))).message).toMatch(/exp/)
      expect((yield* invalid(sign({ iss: `stytch.com/project-live-other` }))).message).toMatch(/iss/)
      expect((yield* invalid(sign({ aud: ["project-live-other"] }))).message).toMatch(/aud/)
      // Max age and scopes.
      expect(yield* invalid(sign({ iat: now - 600 }), { maxTokenAgeSeconds: 300 })).toMatchObject({ reason: "TooOld" })
      expect(yield* invalid(sign({}), { requiredScopes: ["write:users"] })).toMatchObject({ reason: "MissingScopes" })
    }).pipe(withFake))
})

describe("ProjectApi", () => {
  it("is a registry of its own: its groups are not in the Management API's", () => {
    expect(Object.keys(ProjectApi.groups)).toEqual(["m2mClients", "m2m"])
    for (const [group, module] of Object.entries(ProjectApi.groups)) {
      for (const endpoint of Object.values(module.endpoints)) {
        expect(endpoint.group).toBe(group)
        expect(endpoint.service).toBe(StytchProject.StytchProject)
      }
    }
    expect(ProjectApi.endpoints).toHaveLength(10)
  })
})
