/**
 * The default Node transport (`NodeHttpClient`, node:http/https with
 * keep-alive agents) against real loopback servers: abort on timeout and on
 * interruption (seen by the server), sockets closed with the layer,
 * connection refused vs other network errors, TLS with a test CA, compressed
 * bodies, headers, and the generic `HttpClient` interface. Also: core's
 * browser build imports nothing node-only.
 */
import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import * as http from "node:http"
import * as https from "node:https"
import type { AddressInfo, Socket } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as zlib from "node:zlib"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { it } from "@effect/vitest"
import { Credentials, RetryPolicy, StytchManagement } from "@stytch-effect/core"
import * as NodeHttpClient from "@stytch-effect/core/NodeHttpClient"
import { Projects, Secrets } from "@stytch-effect/resources"
import * as esbuild from "esbuild"
import { Effect, Exit, Fiber, Layer, ManagedRuntime, TestClock } from "effect"
import { afterAll, afterEach, describe, expect } from "vitest"
import { browserConditions, importsMapPlugin, nodeConditions, resolveImport, workspaceSourcesPlugin } from "../../../bench/lib/importsMap.js"

const credentials = Credentials.workspaceKey("key-id", "key-secret")
const secretBody = JSON.stringify({
  request_id: "request-id-node",
  status_code: 200,
  secret: { secret_id: "secret-test-1", last_four: "abcd", created_at: "2026-01-01T00:00:00Z" }
})
const getSecret = Secrets.get({ projectSlug: "p", environmentSlug: "e", secretID: "secret-test-1" })

interface Seen {
  readonly method: string | undefined
  readonly url: string | undefined
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
}

/** A loopback server with a per-test handler; records requests and when their connections close. */
interface TestServer {
  readonly url: string
  readonly port: number
  readonly seen: Array<Seen>
  /** Resolves when the connection of the n-th request (0-based) has closed. */
  readonly requestClosed: (n: number) => Promise<void>
  /** Resolves when n requests have arrived. */
  readonly received: (n: number) => Promise<void>
  readonly openConnections: () => number
  /** Connections accepted so far. */
  readonly connections: () => number
  readonly close: () => Promise<void>
}

const servers: Array<TestServer> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const listen = async (
  handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void,
  tls?: { readonly key: string; readonly cert: string }
): Promise<TestServer> => {
  const seen: Array<Seen> = []
  const closed: Array<Promise<void>> = []
  const waiters: Array<{ n: number; resolve: () => void }> = []
  const sockets = new Set<Socket>()
  let accepted = 0
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    closed.push(new Promise((resolve) => req.socket.once("close", () => resolve())))
    let body = ""
    req.setEncoding("utf8")
    req.on("data", (chunk: string) => (body += chunk))
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body })
      for (const w of waiters.splice(0)) {
        if (seen.length >= w.n) w.resolve()
        else waiters.push(w)
      }
      handler(req, res, body)
    })
  }
  const server = tls === undefined ? http.createServer(onRequest) : https.createServer(tls, onRequest)
  server.on(tls === undefined ? "connection" : "secureConnection", (socket: Socket) => {
    sockets.add(socket)
    accepted++
    socket.once("close", () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const port = (server.address() as AddressInfo).port
  const s: TestServer = {
    url: `${tls === undefined ? "http" : "https"}://127.0.0.1:${port}`,
    port,
    seen,
    requestClosed: async (n) => {
      await s.received(n + 1)
      await closed[n]
    },
    received: (n) => (seen.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    openConnections: () => sockets.size,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
  servers.push(s)
  return s
}

const answer = (res: http.ServerResponse, body = secretBody, headers: http.OutgoingHttpHeaders = {}) => {
  res.writeHead(200, { "content-type": "application/json", ...headers })
  res.end(body)
}

/** The SDK over the Node transport (the default layer on Node), retries off unless given. */
const live = (url: string, options: Partial<StytchManagement.Options> = {}, transport = NodeHttpClient.layer()) =>
  Layer.merge(
    StytchManagement.layerWithHttpClient({ credentials, baseURL: url, ...options }).pipe(Layer.provide(transport)),
    RetryPolicy.none
  )

const run = <A, E>(
  effect: Effect.Effect<A, E, StytchManagement.StytchManagement>,
  layer: Layer.Layer<StytchManagement.StytchManagement, unknown>
) => Effect.runPromise(Effect.either(Effect.provide(effect, Layer.orDie(layer))))

describe("the default transport", () => {
  it("is node:http on Node, through core's imports map", () => {
    expect(StytchManagement.defaultHttpClientName).toBe("node:http")
    expect(resolveImport("core", "#defaultHttpClient", nodeConditions)).toMatch(/internal\/defaultHttpClient\.node\.ts$/)
    expect(resolveImport("core", "#defaultHttpClient", ["node", "require"])).toMatch(/defaultHttpClient\.node\.ts$/)
    for (const runtime of [["browser", "import"], ["bun", "node", "import"], ["deno", "node", "import"], ["workerd", "worker", "browser", "import"], ["edge-light", "node", "import"]]) {
      expect(resolveImport("core", "#defaultHttpClient", runtime)).toMatch(/internal\/defaultHttpClient\.ts$/)
    }
  })

  it("StytchManagement.layer sends over it: headers out, body back", async () => {
    const server = await listen((_req, res) => answer(res))
    const result = await run(
      getSecret,
      StytchManagement.layer({ credentials, baseURL: server.url, headers: { "x-extra": "1" }, appInfo: { name: "app" } })
    )
    expect(result._tag).toBe("Right")
    const [request] = server.seen
    expect(request?.url).toBe("/pwa/v3/projects/p/environments/e/secrets/secret-test-1")
    expect(request?.headers).toMatchObject({
      authorization: `Basic ${btoa("key-id:key-secret")}`,
      accept: "application/json",
      "accept-encoding": "identity",
      "user-agent": expect.stringMatching(/^stytch-effect\/\S+ app$/),
      "x-extra": "1",
      connection: "keep-alive"
    })
  })

  it("POST sends a JSON body with its content type", async () => {
    const server = await listen((_req, res) =>
      answer(res, JSON.stringify({ request_id: "r", status_code: 200, project: { project_slug: "p", name: "P", vertical: "B2B", created_at: "2026-01-01T00:00:00Z" } }))
    )
    const result = await run(Projects.create({ name: "P", vertical: "B2B" }), live(server.url))
    expect(result._tag).toBe("Right")
    expect(server.seen[0]?.method).toBe("POST")
    expect(server.seen[0]?.headers["content-type"]).toBe("application/json")
    expect(JSON.parse(server.seen[0]!.body)).toEqual({ name: "P", vertical: "B2B" })
  })

  it("reads response headers: Retry-After is honoured", async () => {
    let calls = 0
    const server = await listen((_req, res) => {
      if (calls++ === 0) {
        res.writeHead(429, { "content-type": "application/json", "retry-after": "0" })
        res.end(JSON.stringify({ status_code: 429, request_id: "r", error_type: "too_many_requests", error_message: "slow down" }))
      } else answer(res)
    })
    const layer = StytchManagement.layerWithHttpClient({ credentials, baseURL: server.url }).pipe(
      Layer.provide(NodeHttpClient.layer()),
      Layer.merge(RetryPolicy.layer({ maxRetries: 1, initialDelay: "10 seconds" }))
    )
    const started = Date.now()
    const result = await run(getSecret, layer)
    expect(result._tag).toBe("Right")
    expect(server.seen.length).toBe(2)
    expect(Date.now() - started).toBeLessThan(5_000) // Retry-After: 0, not the 10 s backoff
  })

  it("decodes gzip, deflate and br bodies", async () => {
    for (const [encoding, encode] of [["gzip", zlib.gzipSync], ["deflate", zlib.deflateSync], ["br", zlib.brotliCompressSync]] as const) {
      const server = await listen((_req, res) => answer(res, encode(Buffer.from(secretBody)) as unknown as string, { "content-encoding": encoding }))
      const result = await run(getSecret, live(server.url))
      expect(result._tag === "Right" && result.right.secret.lastFour).toBe("abcd")
    }
  })
})

/**
 * The aborting tests keep the layer (and its agent) open until the server
 * has seen the connection close: closing the layer destroys every socket,
 * which would hide a request that was not aborted.
 */
const withRuntime = async <A>(
  layer: Layer.Layer<StytchManagement.StytchManagement, unknown>,
  f: (runtime: ManagedRuntime.ManagedRuntime<StytchManagement.StytchManagement, unknown>) => Promise<A>
): Promise<A> => {
  const runtime = ManagedRuntime.make(layer)
  try {
    return await f(runtime)
  } finally {
    await runtime.dispose()
  }
}

describe("aborting", () => {
  it("the timeout aborts the request: the server sees the connection closed, the call fails with Timeout", async () => {
    const server = await listen(() => {}) // never answers
    const started = Date.now()
    await withRuntime(live(server.url, { timeout: "200 millis" }), async (runtime) => {
      const result = await runtime.runPromise(Effect.either(getSecret))
      expect(result._tag === "Left" && result.left._tag === "TransportError" && result.left.reason).toBe("Timeout")
      expect(result._tag === "Left" && result.left.message).toContain("timed out after 200ms")
      await server.requestClosed(0)
    })
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it("a timed-out GET is retried per policy, each attempt aborted", async () => {
    const server = await listen(() => {})
    const layer = StytchManagement.layerWithHttpClient({ credentials, baseURL: server.url, timeout: "100 millis" }).pipe(
      Layer.provide(NodeHttpClient.layer()),
      Layer.merge(RetryPolicy.layer({ maxRetries: 1, initialDelay: "1 millis" }))
    )
    await withRuntime(layer, async (runtime) => {
      const result = await runtime.runPromise(Effect.either(getSecret))
      expect(result._tag === "Left" && result.left._tag === "TransportError" && result.left.reason).toBe("Timeout")
      expect(server.seen.length).toBe(2)
      await server.requestClosed(0)
      await server.requestClosed(1)
    })
  })

  it.scoped("the timeout follows the TestClock", () =>
    Effect.gen(function*() {
      const server = yield* Effect.promise(() => listen(() => {}))
      const context = yield* Layer.build(live(server.url, { timeout: "30 seconds" }))
      const fiber = yield* Effect.fork(Effect.flip(Effect.provide(getSecret, context)))
      yield* Effect.promise(() => server.received(1))
      yield* TestClock.adjust("29 seconds")
      expect(fiber.unsafePoll()).toBeNull()
      yield* TestClock.adjust("1 second")
      const error = yield* Fiber.join(fiber)
      expect(error._tag === "TransportError" && error.reason).toBe("Timeout")
      yield* Effect.promise(() => server.requestClosed(0))
    }))

  it("interruption aborts the request: the server sees the connection closed", async () => {
    const server = await listen(() => {})
    await withRuntime(live(server.url), async (runtime) => {
      const fiber = runtime.runFork(getSecret)
      await server.received(1)
      const exit = await Effect.runPromise(Fiber.interrupt(fiber))
      expect(Exit.isInterrupted(exit)).toBe(true)
      await server.requestClosed(0)
    })
  })
})

describe("sockets", () => {
  it("keep-alive: calls reuse one connection, which is destroyed when the layer's scope closes", async () => {
    const server = await listen((_req, res) => answer(res))
    const before = process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap").length
    await Effect.runPromise(
      Effect.provide(Effect.repeatN(getSecret, 4), live(server.url))
    )
    expect(server.seen.length).toBe(5)
    expect(server.connections()).toBe(1)
    // The layer's scope is closed: the client side of the connection is gone, the server sees it closed.
    for (let i = 0; i < 5; i++) await server.requestClosed(i)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(server.openConnections()).toBe(0)
    expect(process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap").length).toBeLessThanOrEqual(before)
  })

  it("an agent passed in is used and never destroyed", async () => {
    const server = await listen((_req, res) => answer(res))
    const agent = new http.Agent({ keepAlive: true })
    try {
      const result = await run(getSecret, live(server.url, {}, NodeHttpClient.layer({ httpAgent: agent })))
      expect(result._tag).toBe("Right")
      expect(Object.keys(agent.freeSockets).length).toBe(1) // still pooled after the layer closed
    } finally {
      agent.destroy()
    }
  })
})

describe("network errors", () => {
  const freePort = async () => {
    const server = await listen(() => {})
    await server.close()
    return server.port
  }

  it("a refused port is ConnectionRefused (127.0.0.1 and localhost)", async () => {
    const port = await freePort()
    for (const host of ["127.0.0.1", "localhost"]) {
      const result = await run(getSecret, live(`http://${host}:${port}`))
      expect(result._tag === "Left" && result.left._tag === "TransportError" && result.left.reason).toBe("ConnectionRefused")
    }
  })

  it("a connection dropped by the server is a Network error", async () => {
    const server = await listen((req) => req.socket.destroy())
    const result = await run(getSecret, live(server.url))
    expect(result._tag === "Left" && result.left._tag === "TransportError" && result.left.reason).toBe("Network")
  })
})

const openssl = (() => {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" })
    return true
  } catch {
    return false
  }
})()

describe.skipIf(!openssl)("TLS (certificates generated at test time with openssl)", () => {
  // A test CA and a server certificate for 127.0.0.1 signed by it, valid one day.
  const dir = mkdtempSync(join(tmpdir(), "stytch-effect-tls-"))
  const sh = (...args: Array<string>) => execFileSync("openssl", args, { cwd: dir, stdio: "ignore" })
  let ca = ""
  let key = ""
  let cert = ""
  if (openssl) {
    sh("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "1", "-subj", "/CN=stytch-effect test CA")
    sh("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1")
    // subjectAltName is what clients check.
    writeFileSync(join(dir, "ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    sh("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.crt", "-days", "1", "-extfile", "ext.cnf")
    ca = readFileSync(join(dir, "ca.crt"), "utf8")
    key = readFileSync(join(dir, "server.key"), "utf8")
    cert = readFileSync(join(dir, "server.crt"), "utf8")
  }
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("https works with an agent that trusts the test CA", async () => {
    const server = await listen((_req, res) => answer(res), { key, cert })
    const agent = new https.Agent({ keepAlive: true, ca })
    try {
      const result = await run(getSecret, live(server.url, {}, NodeHttpClient.layer({ httpsAgent: agent })))
      expect(result._tag === "Right" && result.right.secret.lastFour).toBe("abcd")
    } finally {
      agent.destroy()
    }
  })

  it("the default agent verifies against Node's CA store: an unknown CA is a Network error", async () => {
    const server = await listen((_req, res) => answer(res), { key, cert })
    const result = await run(getSecret, live(server.url))
    expect(result._tag === "Left" && result.left._tag === "TransportError" && result.left.reason).toBe("Network")
    expect(server.seen.length).toBe(0)
  })
})

describe("as a general HttpClient", () => {
  it.live("GET and POST with headers and bodies; URL params", () =>
    Effect.gen(function*() {
      const server = yield* Effect.promise(() =>
        listen((req, res, body) => answer(res, JSON.stringify({ url: req.url, body }), { "x-reply": "yes" }))
      )
      const client = yield* HttpClient.HttpClient
      const get = yield* client.execute(HttpClientRequest.get(`${server.url}/a`, { urlParams: { q: "x y" } }))
      expect(get.status).toBe(200)
      expect(get.headers["x-reply"]).toBe("yes")
      expect(yield* get.json).toEqual({ url: "/a?q=x+y", body: "" })
      const post = yield* client.execute(HttpClientRequest.bodyUnsafeJson(HttpClientRequest.post(`${server.url}/b`), { a: 1 }))
      expect(yield* post.json).toEqual({ url: "/b", body: "{\"a\":1}" })
      expect(server.seen[1]?.headers["content-type"]).toBe("application/json")
    }).pipe(Effect.provide(NodeHttpClient.layer())))

  it.effect("interruption aborts", () =>
    Effect.gen(function*() {
      const server = yield* Effect.promise(() => listen(() => {}))
      const client = yield* HttpClient.HttpClient
      const fiber = yield* Effect.fork(client.execute(HttpClientRequest.get(server.url)))
      yield* Effect.promise(() => server.received(1))
      yield* Fiber.interrupt(fiber)
      yield* Effect.promise(() => server.requestClosed(0))
    }).pipe(Effect.provide(NodeHttpClient.layer())))
})

describe("the browser build of core", () => {
  /** A program bundled for the browser (ESM, through the real `imports` map). */
  const bundleForBrowser = (contents: string) =>
    esbuild.build({
      stdin: { contents, resolveDir: new URL("../../../", import.meta.url).pathname, loader: "ts" },
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform: "browser",
      plugins: [workspaceSourcesPlugin, importsMapPlugin(browserConditions)],
      logLevel: "silent"
    })

  it("contains no node: import and no Node transport; its default is the fetch transport", async () => {
    const result = await bundleForBrowser(`
      import { Credentials, StytchManagement } from "./packages/core/src/index.ts"
      import { Secrets } from "./packages/resources/src/index.ts"
      import * as Effect from "effect/Effect"
      Secrets.get({ projectSlug: "p", environmentSlug: "e", secretID: "s" }).pipe(
        Effect.provide(StytchManagement.layer({ credentials: Credentials.workspaceKey("k", "s") })),
        Effect.runPromise
      )`)
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.some((f) => f.endsWith("internal/defaultHttpClient.ts"))).toBe(true)
    expect(inputs.filter((f) => /NodeHttpClient|defaultHttpClient\.node/.test(f))).toEqual([])
    expect(inputs.some((f) => f.endsWith("internal/fetchAttempt.ts"))).toBe(true)
    expect(inputs.filter((f) => f.startsWith("node:"))).toEqual([])
    const code = result.outputFiles[0]!.text
    expect(code).not.toMatch(/["']node:/)
    expect(code).toContain("fetch")
  })

  it("StytchManagement.layer imported by path carries no supplied-client attempt and no HttpClient (it sends with the SDK's own transport)", async () => {
    /** The files with code in the bundle of a program over `live` (the metafile's inputs also list what was shaken off). */
    const filesOver = async (live: string) => {
      const result = await bundleForBrowser(`
        import * as Credentials from "@stytch-effect/core/Credentials"
        import * as StytchManagement from "@stytch-effect/core/StytchManagement"
        import * as Secrets from "@stytch-effect/resources/Secrets"
        import * as Effect from "effect/Effect"
        import * as Layer from "effect/Layer"
        const live = ${live}
        Secrets.get({ projectSlug: "p", environmentSlug: "e", secretID: "s" }).pipe(Effect.provide(live), Effect.runPromise)`)
      const output = Object.values(result.metafile.outputs)[0]!
      return Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([file]) => file)
    }
    const credentials = "Credentials.workspaceKey(\"k\", \"s\")"
    const overLayer = await filesOver(`StytchManagement.layer({ credentials: ${credentials} })`)
    expect(overLayer.filter((f) => f.endsWith("clientAttempt.ts"))).toEqual([])
    // Nor an HttpClient: the default layer sends with the fetch attempt itself (no execute, response wrapper or Stream).
    expect(overLayer.filter((f) => /platform\/dist\/esm\/internal\/httpClient\.js$|effect\/dist\/esm\/internal\/stream\.js$/.test(f)))
      .toEqual([])
    expect(overLayer.some((f) => f.endsWith("internal/fetchAttempt.ts"))).toBe(true)
    // Any client may be supplied to layerWithHttpClient: there it is needed.
    const supplied = await filesOver(
      `StytchManagement.layerWithHttpClient({ credentials: ${credentials} }).pipe(Layer.provide(StytchManagement.defaultHttpClient))`
    )
    expect(supplied.some((f) => f.endsWith("clientAttempt.ts"))).toBe(true)
    expect(supplied.some((f) => /platform\/dist\/esm\/internal\/httpClient\.js$/.test(f))).toBe(true)
  })
})
