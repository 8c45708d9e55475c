/**
 * Hostile networks, Effect style, over real loopback sockets with servers
 * that misbehave at the socket level; every transport (the Node default, the
 * SDK's `FetchHttpClient` and `@effect/platform`'s, which takes the
 * supplied-client path) where they apply: secrets never in errors, per-call
 * options, Retry-After against the server's Date, the deadline, the
 * response size limit, redirects refused.
 */
import { inspect } from "node:util"
import * as PlatformFetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import { it } from "@effect/vitest"
import { Credentials, RetryPolicy, StytchManagement } from "@stytch-effect/core"
import * as FetchHttpClient from "@stytch-effect/core/FetchHttpClient"
import * as NodeHttpClient from "@stytch-effect/core/NodeHttpClient"
import { Projects, Secrets } from "@stytch-effect/resources"
import { Duration, Effect, Layer, Option } from "effect"
import { afterEach, describe, expect } from "vitest"
import {
  closeBeforeHeaders,
  drip,
  errorBody,
  gzipBomb,
  type HostileServer,
  hostileServer as start,
  ok,
  oversized,
  redirect,
  resetMidBody,
  silent,
  stallMidBody
} from "./fixtures/hostileServer.js"

const SECRET = "sk-live-7d1e0c9b-hostile-secret"
const credentials = Credentials.workspaceKey("key-id", SECRET)
const getSecret = Secrets.get({ projectSlug: "p", environmentSlug: "e", secretID: "secret-test-1" })

const servers: Array<HostileServer> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
const hostileServer = async (...args: Parameters<typeof start>) => {
  const s = await start(...args)
  servers.push(s)
  return s
}

const transports = {
  node: () => NodeHttpClient.layer(),
  // The SDK's fetch transport (its direct attempt) and @effect/platform's client (the supplied-client path).
  fetch: () => FetchHttpClient.layer,
  platformFetch: () => PlatformFetchHttpClient.layer
} as const

const live = (
  url: string,
  options: Partial<StytchManagement.Options> = {},
  transport: Layer.Layer<HttpClient.HttpClient> = NodeHttpClient.layer(),
  retry: Layer.Layer<never> | Layer.Layer<RetryPolicy.CurrentRetryPolicy> = RetryPolicy.none
) =>
  Layer.merge(
    StytchManagement.layerWithHttpClient({ credentials, baseURL: url, ...options }).pipe(Layer.provide(transport)),
    retry
  )

const run = <A, E>(
  effect: Effect.Effect<A, E, StytchManagement.StytchManagement>,
  layer: Layer.Layer<StytchManagement.StytchManagement, unknown>
) => Effect.runPromise(Effect.either(Effect.provide(effect, Layer.orDie(layer))))

const failure = async <A, E>(
  effect: Effect.Effect<A, E, StytchManagement.StytchManagement>,
  layer: Layer.Layer<StytchManagement.StytchManagement, unknown>
): Promise<E> => {
  const result = await run(effect, layer)
  if (result._tag === "Right") throw new Error("expected a failure")
  return result.left
}

const renderings = (error: unknown) => [String(error), inspect(error, { depth: 20 }), JSON.stringify(error)]
const expectNoSecret = (error: unknown, ...secrets: ReadonlyArray<string>) => {
  const basic = Buffer.from(`key-id:${SECRET}`).toString("base64")
  for (const text of renderings(error)) {
    for (const secret of [SECRET, basic, ...secrets]) expect(text).not.toContain(secret)
  }
}

describe("no error contains a credential", () => {
  it.effect("a header value with CR/LF/NUL or a reserved header is a ConfigError naming the header, never its value", () =>
    Effect.gen(function*() {
      const noNetwork = Layer.succeed(HttpClient.HttpClient, HttpClient.make(() => Effect.die("no request may be sent")))
      for (
        const [headers, field] of [
          [{ "x-api-gateway-key": `${SECRET}\r\nx-injected: 1` }, "x-api-gateway-key"],
          [{ "x-trace": `${SECRET}\u0000` }, "x-trace"],
          [{ "x-emoji": `${SECRET} 😀` }, "x-emoji"],
          [{ "bad name": SECRET }, "bad name"],
          [{ authorization: `Bearer ${SECRET}` }, "authorization"],
          [{ "Content-Length": "0" }, "Content-Length"],
          [{ host: "evil.example" }, "host"],
          [{ "x-number": 42 }, "x-number"]
        ] as const
      ) {
        const error = yield* Layer.build(
          StytchManagement.layerWithHttpClient({ credentials, headers: headers as never }).pipe(Layer.provide(noNetwork))
        ).pipe(Effect.scoped, Effect.flip)
        expect(error._tag).toBe("ConfigError")
        expect(String(error)).toContain(field)
        expectNoSecret(error)
      }
    }))

  it("a transport whose error echoes the Authorization header and custom header values: scrubbed from message, cause chain, inspect and JSON", async () => {
    const HEADER_SECRET = "gw-key-31337-abcdef"
    const echoing = HttpClient.make((request) =>
      Effect.fail(
        new HttpClientError.RequestError({
          request,
          reason: "Transport",
          cause: new TypeError(`fetch failed`, {
            cause: Object.assign(new Error(`invalid header value "${request.headers["authorization"]}" next to "${request.headers["x-gateway"]}"`), {
              code: "ERR_INVALID_CHAR",
              request
            })
          })
        })
      )
    )
    const error = await failure(
      getSecret,
      live("http://127.0.0.1:1", { headers: { "x-gateway": HEADER_SECRET } }, Layer.succeed(HttpClient.HttpClient, echoing))
    )
    expect(error._tag).toBe("TransportError")
    expect(error.message).toContain("network error: GET http://127.0.0.1:1/")
    expect(error.message).toContain("invalid header value")
    expect(error.message).toContain("<redacted>")
    expectNoSecret(error, HEADER_SECRET)
    // The cause keeps the transport's code, not its request object.
    const cause = (error as { cause?: { cause?: { code?: string; request?: unknown } } }).cause
    expect(cause?.cause?.code).toBe("ERR_INVALID_CHAR")
    expect(cause?.cause?.request).toBeUndefined()
  })

  it("the message keeps the cause's text: connection refused, on every transport", async () => {
    const closed = await start(ok)
    await closed.close()
    const port = new URL(closed.url).port
    for (const transport of Object.values(transports)) {
      const error = await failure(getSecret, live(closed.url, {}, transport()))
      expect(error._tag).toBe("TransportError")
      expect(error.message).toMatch(new RegExp(`^connection refused: GET http://127\\.0\\.0\\.1:${port}/\\S+ \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\)$`))
      expectNoSecret(error)
    }
  })
})

describe("servers that misbehave at the socket level: typed errors, on every transport", () => {
  for (const [name, transport] of Object.entries(transports)) {
    it(`${name}: close before headers, reset mid-body, never answer, drip, stall mid-body`, async () => {
      for (const [behaviour, reason] of [[closeBeforeHeaders, "Network"], [resetMidBody, "Network"]] as const) {
        const server = await hostileServer(behaviour)
        const error = await failure(getSecret, live(server.url, {}, transport()))
        expect(error).toMatchObject({ _tag: "TransportError", reason })
        expectNoSecret(error)
      }
      // A stalled body of a declared length: the fetch transport reads it with `text()`.
      for (const behaviour of [silent, drip(10), stallMidBody]) {
        const server = await hostileServer(behaviour)
        const error = await failure(getSecret, live(server.url, { timeout: "150 millis" }, transport()))
        expect(error).toMatchObject({ _tag: "TransportError", reason: "Timeout" })
        await server.requestClosed(0)
      }
    })
  }
})

describe("per-call options (withRequestOptions)", () => {
  it("timeout: overrides the layer's, and the server sees the connection closed", async () => {
    const server = await hostileServer(silent)
    const started = Date.now()
    const error = await failure(
      StytchManagement.withRequestOptions(getSecret, { timeout: "100 millis" }),
      live(server.url, { timeout: "60 seconds" })
    )
    expect(error).toMatchObject({ _tag: "TransportError", reason: "Timeout" })
    expect(error.message).toContain("100ms")
    expect(Date.now() - started).toBeLessThan(5_000)
    await server.requestClosed(0)
  })

  it("maxRetries: replaces the policy's count (more or fewer), never exceeded", async () => {
    const server = await hostileServer((_req, res) => {
      res.writeHead(503, { "content-type": "application/json" })
      res.end(errorBody(503))
    })
    const retry = RetryPolicy.layer({ maxRetries: 1, initialDelay: "1 millis", maxDelay: "2 millis" })
    await failure(StytchManagement.withRequestOptions(getSecret, { maxRetries: 0 }), live(server.url, {}, undefined, retry))
    expect(server.hits).toHaveLength(1)
    await failure(StytchManagement.withRequestOptions(getSecret, { maxRetries: 3 }), live(server.url, {}, undefined, retry))
    expect(server.hits).toHaveLength(5)
    // A custom policy that always says yes is still stopped by the call's limit.
    const always = RetryPolicy.layerPolicy({ decide: () => Effect.succeedSome(Duration.millis(1)) })
    await failure(StytchManagement.withRequestOptions(getSecret, { maxRetries: 2 }), live(server.url, {}, undefined, always))
    expect(server.hits).toHaveLength(8)
  })

  it("headers: sent with the call, over the layer's; nested calls merge; invalid ones send nothing", async () => {
    const server = await hostileServer(ok)
    const layer = live(server.url, { headers: { "x-layer": "1", "x-both": "layer" } })
    const result = await run(
      getSecret.pipe(
        StytchManagement.withRequestOptions({ headers: { "X-Both": "call", "x-inner": "yes" } }),
        StytchManagement.withRequestOptions({ headers: { "x-outer": "yes" } })
      ),
      layer
    )
    expect(result._tag).toBe("Right")
    expect(server.hits[0]!.headers).toMatchObject({ "x-layer": "1", "x-both": "call", "x-inner": "yes", "x-outer": "yes" })
    for (
      const options of [
        { headers: { "x-bad": `${SECRET}\n` } },
        { headers: { Authorization: "Bearer x" } },
        { timeout: -1 },
        { timeout: Number.NaN },
        { deadline: 0 },
        { maxRetries: 1.5 }
      ]
    ) {
      const error = await failure(StytchManagement.withRequestOptions(getSecret, options as never), layer)
      expect(error).toMatchObject({ _tag: "InvalidRequestError", kind: "RequestOption" })
      expectNoSecret(error)
    }
    expect(server.hits).toHaveLength(1)
  })
})

describe("Retry-After, the retry cap and the deadline", () => {
  const recordRetryAfter = (seen: Array<Option.Option<Duration.Duration>>) =>
    RetryPolicy.layerPolicy({
      decide: ({ retryAfter }) => {
        seen.push(retryAfter)
        return Effect.succeedNone
      }
    })

  for (const [name, transport] of Object.entries(transports)) {
    it(`${name}: an HTTP-date Retry-After is measured against the response's Date (a server clock an hour off)`, async () => {
      const serverNow = Date.now() - 3_600_000
      const server = await hostileServer((_req, res) => {
        res.sendDate = false
        res.writeHead(429, {
          "content-type": "application/json",
          date: new Date(serverNow).toUTCString(),
          "retry-after": new Date(serverNow + 2_000).toUTCString()
        })
        res.end(errorBody(429, "too_many_requests"))
      })
      const seen: Array<Option.Option<Duration.Duration>> = []
      await failure(getSecret, live(server.url, {}, transport(), recordRetryAfter(seen)))
      expect(seen).toHaveLength(1)
      const millis = Duration.toMillis(Option.getOrThrow(seen[0]!))
      // HTTP dates have a one-second resolution.
      expect(millis).toBeGreaterThanOrEqual(1_000)
      expect(millis).toBeLessThanOrEqual(3_000)
    })
  }

  it("without a Date header the local clock is used", async () => {
    const server = await hostileServer((_req, res) => {
      res.sendDate = false
      res.writeHead(429, { "content-type": "application/json", "retry-after": new Date(Date.now() + 5_000).toUTCString() })
      res.end(errorBody(429, "too_many_requests"))
    })
    const seen: Array<Option.Option<Duration.Duration>> = []
    await failure(getSecret, live(server.url, {}, undefined, recordRetryAfter(seen)))
    const millis = Duration.toMillis(Option.getOrThrow(seen[0]!))
    expect(millis).toBeGreaterThan(3_000)
    expect(millis).toBeLessThanOrEqual(5_000)
  })

  it("maxDelay caps an honoured Retry-After", async () => {
    let n = 0
    const server = await hostileServer((_req, res) => {
      if (n++ === 0) {
        res.writeHead(503, { "content-type": "application/json", "retry-after": "3600" })
        return res.end(errorBody(503))
      }
      ok(_req, res, undefined as never, 0)
    })
    const started = Date.now()
    const result = await run(getSecret, live(server.url, {}, undefined, RetryPolicy.layer({ maxDelay: "20 millis" })))
    expect(result._tag).toBe("Right")
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it("deadline: bounds every attempt and wait; the request in flight is aborted", async () => {
    const server = await hostileServer(silent)
    const started = Date.now()
    const error = await failure(
      getSecret,
      live(server.url, { timeout: "60 seconds", deadline: "200 millis" }, undefined, RetryPolicy.layer())
    )
    expect(error).toMatchObject({ _tag: "TransportError", reason: "Timeout" })
    expect(error.message).toContain("deadline of 200ms exceeded")
    expect(Date.now() - started).toBeLessThan(5_000)
    await server.requestClosed(0)
  })

  it("deadline: a retry whose wait would end past it is not made; the last error is returned at once", async () => {
    const server = await hostileServer((_req, res) => {
      res.writeHead(503, { "content-type": "application/json", "retry-after": "30" })
      res.end(errorBody(503))
    })
    const started = Date.now()
    const error = await failure(
      StytchManagement.withRequestOptions(getSecret, { deadline: "10 seconds" }),
      live(server.url, {}, undefined, RetryPolicy.layer())
    )
    expect(error).toMatchObject({ _tag: "StytchApiError", statusCode: 503 })
    expect(server.hits).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})

describe("response size limit", () => {
  const MiB = 1024 * 1024
  for (const [name, transport] of Object.entries(transports)) {
    it(`${name}: declared, streamed and decompressed bodies over the limit are UnexpectedResponseError; the connection is closed`, async () => {
      const bomb = gzipBomb(8 * MiB)
      for (const behaviour of [oversized(2 * MiB, true), oversized(2 * MiB, false), bomb]) {
        const server = await hostileServer(behaviour)
        const error = await failure(getSecret, live(server.url, { maxResponseSize: MiB }, transport()))
        expect(error).toMatchObject({ _tag: "UnexpectedResponseError", statusCode: 200 })
        expect(error.message).toContain(`limit of ${MiB} bytes`)
        // A body still arriving is cut off: the server sees its connection closed. (A small
        // compressed body already read whole may go back to fetch's pool: it is released either way.)
        if (behaviour !== bomb) await server.requestClosed(0)
      }
      // The default (16 MiB) lets an ordinary body through.
      const fine = await hostileServer(ok)
      expect((await run(getSecret, live(fine.url, {}, transport())))._tag).toBe("Right")
    })
  }

  it("a 17 MiB declared body fails against the default limit without being read", async () => {
    const server = await hostileServer(oversized(17 * MiB, true))
    const error = await failure(getSecret, live(server.url))
    expect(error.message).toContain(`limit of ${16 * MiB} bytes`)
    await server.requestClosed(0)
  })

  it("maxResponseSize must be positive", async () => {
    const error = await Effect.runPromise(
      Layer.build(live("http://127.0.0.1:1", { maxResponseSize: 0 })).pipe(Effect.scoped, Effect.flip)
    )
    expect(String(error)).toContain("maxResponseSize")
  })
})

describe("redirects are never followed", () => {
  for (const [name, transport] of Object.entries(transports)) {
    it(`${name}: a redirect to another origin is UnexpectedResponseError and nothing is sent there (nor to the same origin)`, async () => {
      const other = await hostileServer(ok)
      for (const status of [301, 302, 303, 307, 308]) {
        const api = await hostileServer(redirect(() => `${other.url}/steal`, status))
        const error = await failure(
          Projects.create({ name: "x", vertical: "B2B" }),
          live(api.url, { headers: { "x-custom": "value" } }, transport())
        )
        expect(error).toMatchObject({ _tag: "UnexpectedResponseError", statusCode: status })
        expect(error.message).toContain("redirect")
        expect(api.hits).toHaveLength(1)
      }
      const same = await hostileServer(redirect(() => `${same.url}/pwa/v3/projects`))
      const error = await failure(getSecret, live(same.url, {}, transport()))
      expect(error).toMatchObject({ _tag: "UnexpectedResponseError", statusCode: 302 })
      expect(same.hits).toHaveLength(1)
      expect(other.hits).toHaveLength(0)
    })
  }
})

describe("other input sent in headers", () => {
  it.effect("appInfo with CR/LF or control characters is a ConfigError, nothing sent", () =>
    Effect.gen(function*() {
      const noNetwork = Layer.succeed(HttpClient.HttpClient, HttpClient.make(() => Effect.die("no request may be sent")))
      for (const appInfo of [{ name: "app\r\nx-injected: 1" }, { name: "" }, { name: "app", version: "1\u0000" }, { name: 42 }]) {
        const error = yield* Layer.build(
          StytchManagement.layerWithHttpClient({ credentials, appInfo: appInfo as never }).pipe(Layer.provide(noNetwork))
        ).pipe(Effect.scoped, Effect.flip)
        expect(error._tag).toBe("ConfigError")
        expect(String(error)).toContain("appInfo")
      }
    }))
})
