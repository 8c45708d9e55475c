import { createServer, type IncomingHttpHeaders, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { readFileSync } from "node:fs"
import { it } from "@effect/vitest"
import { Credentials, RetryPolicy, StytchError, StytchManagement } from "@stytch-effect/core"
import { Projects, Secrets } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { Cause, ConfigProvider, Effect, Either, Exit, Layer, Option, Redacted, Tracer } from "effect"
import { afterAll, beforeAll, describe, expect } from "vitest"
import { failureOf, recordSpansInto } from "../../resources/test/utils.js"
import { DirectAttemptId, type DirectSettings } from "../src/internal/direct.js"
import * as DirectAttempt from "../src/internal/directAttempt.js"
import { version } from "../src/internal/version.js"

const credentials = Credentials.workspaceKey("key-id", "key-secret")

/** A loopback server answering every request with a fixed secrets.get body, recording headers. */
let server: Server
let port = 0
const seen: Array<{ url: string | undefined; headers: IncomingHttpHeaders }> = []
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url, headers: req.headers })
    res.writeHead(200, { "content-type": "application/json" })
    res.end(JSON.stringify({
      request_id: "request-id-loopback",
      status_code: 200,
      secret: { secret_id: "secret-test-1", last_four: "abcd", created_at: "2026-01-01T00:00:00Z" }
    }))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const getSecret = Secrets.get({ projectSlug: "p", environmentSlug: "e", secretID: "secret-test-1" })

describe("base URL", () => {
  it.effect("http: to a non-loopback host is refused", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        Layer.build(StytchManagement.layer({ credentials, baseURL: "http://management.stytch.com" }))
      )
      expect(error._op).toBe("InvalidData")
      expect(String(error)).toContain("https")
    }).pipe(Effect.scoped))

  it.effect("malformed URLs and URLs with credentials are refused", () =>
    Effect.gen(function*() {
      for (const baseURL of ["not a url", "https://user:pw@example.com", "ftp://example.com"]) {
        const error = yield* Effect.flip(Layer.build(StytchManagement.layer({ credentials, baseURL })))
        expect(error._op).toBe("InvalidData")
      }
    }).pipe(Effect.scoped))

  it.live("http://127.0.0.1:<port> works over the default transport (node:http on Node)", () =>
    Effect.gen(function*() {
      seen.length = 0
      const { secret } = yield* getSecret.pipe(
        Effect.provide(StytchManagement.layer({ credentials, baseURL: `http://127.0.0.1:${port}/`, appInfo: { name: "my-app", version: "1.2.3" } }))
      )
      expect(secret.secretID).toBe("secret-test-1")
      expect(secret.lastFour).toBe("abcd")
      const [request] = seen
      expect(request?.url).toBe("/pwa/v3/projects/p/environments/e/secrets/secret-test-1")
      expect(request?.headers.authorization).toBe(`Basic ${btoa("key-id:key-secret")}`)
      expect(request?.headers["user-agent"]).toBe(`stytch-effect/${version} my-app/1.2.3`)
    }))
})

describe("layerConfig", () => {
  const withEnv = (env: Record<string, string>) =>
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))

  it.live("reads the workspace key and base URL from the environment", () =>
    Effect.gen(function*() {
      seen.length = 0
      yield* getSecret.pipe(Effect.provide(StytchManagement.layerConfig()))
      expect(seen[0]?.headers.authorization).toBe(`Basic ${btoa("env-id:env-secret")}`)
    }).pipe(withEnv({
      STYTCH_WORKSPACE_KEY_ID: "env-id",
      STYTCH_WORKSPACE_KEY_SECRET: "env-secret",
      STYTCH_MANAGEMENT_BASE_URL: `http://localhost:${port}`
    })))

  it.live("uses STYTCH_ACCESS_TOKEN as a bearer token", () =>
    Effect.gen(function*() {
      seen.length = 0
      yield* getSecret.pipe(Effect.provide(StytchManagement.layerConfig()))
      expect(seen[0]?.headers.authorization).toBe("Bearer env-token")
    }).pipe(withEnv({ STYTCH_ACCESS_TOKEN: "env-token", STYTCH_MANAGEMENT_BASE_URL: `http://127.0.0.1:${port}` })))

  it.effect("missing credentials are a clear ConfigError", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Layer.build(StytchManagement.layerConfig()))
      expect(String(error)).toContain("STYTCH_WORKSPACE_KEY_ID")
    }).pipe(Effect.scoped, withEnv({})))

  it("credentials from another copy of core (an ESM and a CommonJS build side by side) are accepted by tag and shape", () => {
    // What another module instance's Credentials.workspaceKey makes: same tag and fields, another class.
    const foreignKey = { _tag: "WorkspaceKey", keyID: "key-id", keySecret: Redacted.make("key-secret") }
    const foreignToken = { _tag: "AccessToken", token: Redacted.make("token-1") }
    const foreignSource = { _tag: "TokenSource", authorization: Effect.succeed(Redacted.make("Bearer token-2")) }
    for (const credentials of [foreignKey, foreignToken, foreignSource]) {
      expect(Either.isRight(Credentials.validate(credentials))).toBe(true)
    }
    // A look-alike whose secret is not redacted, or a tag alone, is not credentials.
    for (const credentials of [{ ...foreignKey, keySecret: "key-secret" }, { _tag: "AccessToken" }, { _tag: "TokenSource" }]) {
      expect(Either.isLeft(Credentials.validate(credentials))).toBe(true)
    }
    expect(Either.isLeft(Credentials.validate({ ...foreignKey, keyID: "a:b" }))).toBe(true)
  })

  it.effect("a secret read from config is redacted", () =>
    Effect.gen(function*() {
      const options = yield* StytchManagement.config
      expect(String(options.credentials)).not.toContain("env-secret")
    }).pipe(withEnv({ STYTCH_WORKSPACE_KEY_ID: "env-id", STYTCH_WORKSPACE_KEY_SECRET: "env-secret" })))
})

describe("tracing", () => {
  it.effect("each operation runs in a span stytch.<group>.<operation> with method, template, status and request id", () =>
    Effect.gen(function*() {
      const spans: Array<Tracer.Span> = []
      const { project } = yield* Projects.create({ name: "P" }).pipe(recordSpansInto(spans))
      const span = spans.find((s) => s.name === "stytch.projects.create")
      expect(span?.kind).toBe("client")
      expect(Object.fromEntries(span?.attributes ?? [])).toMatchObject({
        "http.request.method": "POST",
        "url.template": "/pwa/v3/projects",
        "http.response.status_code": 200,
        "stytch.request_id": expect.stringMatching(/^request-id-test-/)
      })
      expect(project.name).toBe("P")
    }).pipe(Effect.provide(FakeManagementApi.layer())))

  it.effect("a failed operation's span names its error in error.type: rejected request, undecodable response, API error", () =>
    Effect.gen(function*() {
      const errorTypeOf = <E>(program: Effect.Effect<unknown, E, StytchManagement.StytchManagement>) =>
        Effect.gen(function*() {
          const spans: Array<Tracer.Span> = []
          const error = yield* failureOf(program.pipe(recordSpansInto(spans)))
          const span = spans.find((s) => s.name.startsWith("stytch."))
          return [(error as { _tag: string })._tag, span?.attributes.get("error.type")]
        })
      const answering = (body: string) =>
        StytchManagement.layerWithHttpClient({ credentials }).pipe(
          Layer.provide(Layer.succeed(
            HttpClient.HttpClient,
            HttpClient.make((request) => Effect.succeed(HttpClientResponse.fromWeb(request, new Response(body))))
          )),
          Layer.merge(RetryPolicy.none)
        )
      expect(yield* errorTypeOf(Secrets.get({ projectSlug: "", environmentSlug: "e", secretID: "s" })).pipe(
        Effect.provide(answering("{}"))
      )).toEqual(["InvalidRequestError", "InvalidRequestError"])
      expect(yield* errorTypeOf(getSecret).pipe(Effect.provide(answering(JSON.stringify({ status_code: 200 })))))
        .toEqual(["UnexpectedResponseError", "UnexpectedResponseError"])
      expect(yield* errorTypeOf(Projects.get({ projectSlug: "no-such-project" })).pipe(Effect.provide(FakeManagementApi.layer())))
        .toEqual(["StytchApiError", "StytchApiError"])
    }))

  it.effect("the operation's span is a child of the caller's and the parent of what runs inside the call", () =>
    Effect.gen(function*() {
      const spans: Array<Tracer.Span> = []
      const seenInside: Array<string> = []
      const policy = RetryPolicy.layerPolicy({
        decide: () =>
          Effect.currentSpan.pipe(
            Effect.map((span) => seenInside.push(span.name)),
            Effect.orElseSucceed(() => seenInside.push("(none)")),
            Effect.as(Option.none())
          )
      })
      const error = yield* failureOf(
        Projects.get({ projectSlug: "no-such-project" }).pipe(
          Effect.withSpan("caller"),
          Effect.provide(policy),
          recordSpansInto(spans)
        )
      )
      const span = spans.find((s) => s.name === "stytch.projects.get")
      const parent = Option.getOrUndefined(span!.parent)
      expect(parent?._tag === "Span" ? parent.name : undefined).toBe("caller")
      expect(seenInside).toEqual(["stytch.projects.get"])
      expect(error._tag).toBe("StytchApiError")
      expect(Cause.pretty(Cause.fail(error))).toContain("stytch.projects.get")
      // Outside the call, the caller's context is back: no operation span is current.
      expect(yield* Effect.option(Effect.currentSpan)).toEqual(Option.none())
    }).pipe(Effect.provide(FakeManagementApi.layer())))

  /** The name of the current span, or "(none)". */
  const currentSpanName = Effect.map(Effect.option(Effect.currentSpan), Option.match({ onNone: () => "(none)", onSome: (s) => s.name }))
  const notFound = JSON.stringify({
    status_code: 404,
    request_id: "request-id-test-404",
    error_type: "secret_not_found",
    error_message: "Secret not found."
  })
  /** A client offering the Node transport's direct attempt, answering every request with `status` and `body`. */
  const directClient = (status: number, body: string): HttpClient.HttpClient => {
    const send: DirectAttempt.DirectSend = (_method, _path, _headers, _body, callback) => {
      setImmediate(() => callback(undefined, { status, header: () => undefined, text: body }))
      return () => {}
    }
    return Object.assign(
      HttpClient.make(() => Effect.die("not used")),
      { [DirectAttemptId]: (settings: DirectSettings) => DirectAttempt.make(send, settings) }
    )
  }
  const recordingPolicy = (seen: Array<string>) =>
    RetryPolicy.layerPolicy({
      decide: () => Effect.as(Effect.map(currentSpanName, (name) => seen.push(`policy: ${name}`)), Option.none())
    })

  it.effect("on Node's direct path, the policy, a token source and the failure are in the operation's span", () =>
    Effect.gen(function*() {
      const seen: Array<string> = []
      const tokenSource = new Credentials.TokenSource({
        authorization: Effect.map(currentSpanName, (name) => {
          seen.push(`token: ${name}`)
          return Redacted.make("Bearer token-test")
        })
      })
      for (const credentials of [Credentials.workspaceKey("key-id", "key-secret"), tokenSource]) {
        const error = yield* failureOf(
          getSecret.pipe(
            Effect.provide(
              StytchManagement.layerWithHttpClient({ credentials }).pipe(
                Layer.provide(Layer.succeed(HttpClient.HttpClient, directClient(404, notFound)))
              )
            ),
            Effect.provide(recordingPolicy(seen))
          )
        )
        expect(error._tag).toBe("StytchApiError")
        expect(Cause.pretty(Cause.fail(error))).toContain("stytch.secrets.get")
      }
      expect(seen).toEqual(["policy: stytch.secrets.get", "token: stytch.secrets.get", "policy: stytch.secrets.get"])
      expect(yield* Effect.option(Effect.currentSpan)).toEqual(Option.none())
    }))

  it.effect("a supplied HttpClient that dies: the call dies with the same defect (not a typed error)", () =>
    Effect.gen(function*() {
      const client = HttpClient.make(() => Effect.die(new Error("client bug")))
      const exit = yield* Effect.exit(getSecret.pipe(
        Effect.provide(
          StytchManagement.layerWithHttpClient({ credentials }).pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, client)))
        ),
        Effect.provide(RetryPolicy.none)
      ))
      expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
      const defect = Exit.isFailure(exit) ? Option.getOrUndefined(Cause.dieOption(exit.cause)) : undefined
      expect(defect).toBeInstanceOf(Error)
      expect((defect as Error).message).toBe("client bug")
    }))

  it.effect("a supplied HttpClient that interrupts itself: the call is interrupted, not left waiting", () =>
    Effect.gen(function*() {
      const client = HttpClient.make(() => Effect.interrupt)
      const exit = yield* Effect.exit(getSecret.pipe(
        Effect.provide(
          StytchManagement.layerWithHttpClient({ credentials }).pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, client)))
        ),
        Effect.provide(RetryPolicy.none)
      ))
      expect(Exit.isInterrupted(exit)).toBe(true)
    }))

  it.effect("a supplied HttpClient, and a service's own send, run in the operation's span", () =>
    Effect.gen(function*() {
      const seen: Array<string> = []
      const client = HttpClient.make((request) =>
        Effect.map(currentSpanName, (name) => {
          seen.push(`client: ${name}`)
          return HttpClientResponse.fromWeb(request, new Response(notFound, { status: 404 }))
        })
      )
      const viaClient = StytchManagement.layerWithHttpClient({ credentials }).pipe(
        Layer.provide(Layer.succeed(HttpClient.HttpClient, client))
      )
      const ownSend = Layer.succeed(StytchManagement.StytchManagement, {
        baseURL: "https://management.stytch.com",
        send: () =>
          Effect.flatMap(currentSpanName, (name) => {
            seen.push(`service: ${name}`)
            // An `Exit` records no span: the operation's own failure does.
            return Exit.fail(
              new StytchError.StytchApiError({
                statusCode: 404,
                requestID: "request-id-test-404",
                errorType: "secret_not_found",
                errorMessage: "Secret not found."
              })
            )
          })
      })
      for (const layer of [viaClient, ownSend]) {
        const error = yield* failureOf(getSecret.pipe(Effect.provide(layer), Effect.provide(recordingPolicy(seen))))
        expect(Cause.pretty(Cause.fail(error))).toContain("stytch.secrets.get")
      }
      expect(seen).toEqual(["client: stytch.secrets.get", "policy: stytch.secrets.get", "service: stytch.secrets.get"])
    }))
})

it("the user agent version matches package.json", () => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
  expect(version).toBe(pkg.version)
  expect(StytchManagement.userAgent()).toBe(`stytch-effect/${pkg.version}`)
})
