/**
 * Hostile networks through the promise facade, over real loopback sockets:
 * per-call options (signal, timeout, maxRetries, headers, deadline), close()
 * aborting calls in flight, the retry and size settings of the config,
 * redirects refused, and no credential in any rendering of an error.
 */
import { getEventListeners } from "node:events"
import { inspect } from "node:util"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import { type ClientConfig, ClientError, ManagementClient, ManagementStytchError, RequestError } from "@stytch-effect/compat"
import { Effect } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import {
  errorBody,
  type HostileServer,
  hostileServer as start,
  ok,
  oversized,
  redirect,
  silent
} from "../../core/test/fixtures/hostileServer.js"

const SECRET = "sk-live-0b5e-hostile-facade-secret"
const request = { projectSlug: "p", environmentSlug: "e", secretID: "secret-test-1" }

const servers: Array<HostileServer> = []
const clients: Array<ManagementClient> = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
const hostileServer = async (...args: Parameters<typeof start>) => {
  const s = await start(...args)
  servers.push(s)
  return s
}
const clientOf = (url: string, config: ClientConfig = {}, options: ConstructorParameters<typeof ManagementClient>[1] = {}) => {
  const client = new ManagementClient(
    { base_url: url, workspace_key_id: "key-id", workspace_key_secret: SECRET, max_retries: 0, ...config },
    options
  )
  clients.push(client)
  return client
}

const rejection = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error("expected a rejection")
}
const expectNoSecret = (error: unknown, ...more: ReadonlyArray<string>) => {
  const basic = Buffer.from(`key-id:${SECRET}`).toString("base64")
  for (const text of [String(error), inspect(error, { depth: 20 }), JSON.stringify(error), (error as Error).stack ?? ""]) {
    for (const secret of [SECRET, basic, ...more]) expect(text).not.toContain(secret)
  }
}

describe("signal", () => {
  it("an abort in flight rejects at once with ClientError ABORTED, and the server sees the connection closed", async () => {
    const server = await hostileServer(silent)
    const client = clientOf(server.url)
    const controller = new AbortController()
    const call = client.secrets.get(request, { signal: controller.signal })
    await server.received(1)
    const started = Date.now()
    controller.abort(new Error("user went away"))
    const error = await rejection(call)
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(error).toBeInstanceOf(ClientError)
    expect(error).toMatchObject({ code: "ABORTED" })
    expect((error.cause as Error).message).toBe("user went away")
    await server.requestClosed(0)
  })

  it("an already aborted signal sends nothing", async () => {
    const server = await hostileServer(ok)
    const client = clientOf(server.url)
    const error = await rejection(client.secrets.get(request, { signal: AbortSignal.abort() }))
    expect(error).toMatchObject({ code: "ABORTED" })
    // A call after it still works: nothing was left behind.
    await client.secrets.get(request)
    expect(server.hits).toHaveLength(1)
  })

  it("an abort during a retry wait ends the call (no further attempt); with fetch too", async () => {
    for (const httpClient of [undefined, FetchHttpClient.layer]) {
      const server = await hostileServer((_req, res) => {
        res.writeHead(503, { "content-type": "application/json", "retry-after": "30" })
        res.end(errorBody(503))
      })
      const client = clientOf(server.url, { max_retries: 2 }, httpClient === undefined ? {} : { httpClient })
      const controller = new AbortController()
      const call = client.secrets.get(request, { signal: controller.signal })
      await server.received(1)
      // The 503 has arrived (or is arriving): the client waits 30 s before a retry.
      await new Promise((resolve) => setTimeout(resolve, 50))
      const started = Date.now()
      controller.abort()
      expect(await rejection(call)).toMatchObject({ code: "ABORTED" })
      expect(Date.now() - started).toBeLessThan(1_000)
      expect(server.hits).toHaveLength(1)
    }
  })

  it("a call leaves no listener on its signal once it has settled (success, failure, close)", async () => {
    const server = await hostileServer((_req, res, _hit, n) => (n === 1 ? (res.writeHead(500), res.end("{}")) : ok(_req, res, _hit, n)))
    const client = clientOf(server.url)
    const controller = new AbortController()
    const { signal } = controller
    await client.secrets.get(request, { signal })
    expect(getEventListeners(signal, "abort")).toHaveLength(0)
    expect(await rejection(client.secrets.get(request, { signal }))).toMatchObject({ code: "UNEXPECTED_RESPONSE" })
    expect(getEventListeners(signal, "abort")).toHaveLength(0)
    const silentServer = await hostileServer(silent)
    const closing = clientOf(silentServer.url)
    const call = closing.secrets.get(request, { signal })
    await silentServer.received(1)
    expect(getEventListeners(signal, "abort")).toHaveLength(1)
    await closing.close()
    expect(await rejection(call)).toMatchObject({ code: "CLIENT_CLOSED" })
    expect(getEventListeners(signal, "abort")).toHaveLength(0)
    // Aborting now affects no settled call.
    controller.abort()
    expect(server.hits).toHaveLength(2)
  })

  it("a signal that is not an AbortSignal is INVALID_REQUEST, nothing sent", async () => {
    const server = await hostileServer(ok)
    const client = clientOf(server.url)
    const error = await rejection(client.secrets.get(request, { signal: "stop" as never }))
    expect(error).toMatchObject({ code: "INVALID_REQUEST", field: "signal" })
    expect(server.hits).toHaveLength(0)
  })
})

describe("close()", () => {
  it("aborts calls in flight: they reject with CLIENT_CLOSED and their connections close", async () => {
    const server = await hostileServer(silent)
    const client = clientOf(server.url)
    const calls = [client.secrets.get(request), client.projects.getAll(), client.projects.get({ projectSlug: "p" })]
    await server.received(3)
    await client.close()
    for (const call of calls) expect(await rejection(call)).toMatchObject({ code: "CLIENT_CLOSED" })
    await Promise.all([0, 1, 2].map((n) => server.requestClosed(n)))
    expect(await rejection(client.secrets.get(request))).toMatchObject({ code: "CLIENT_CLOSED" })
  })
})

describe("per-call options", () => {
  it("timeout, maxRetries and deadline override the config; headers are sent", async () => {
    const slow = await hostileServer(silent)
    const client = clientOf(slow.url, { timeout: 60_000 })
    const timedOut = await rejection(client.secrets.get(request, { timeout: 100 }))
    expect(timedOut).toBeInstanceOf(RequestError)
    expect(timedOut).toMatchObject({ reason: "Timeout" })
    const deadline = await rejection(client.secrets.get(request, { deadline: 100 }))
    expect(deadline.message).toContain("deadline of 100ms exceeded")

    const failing = await hostileServer((_req, res) => {
      res.writeHead(503, { "content-type": "application/json" })
      res.end(errorBody(503))
    })
    const retrying = clientOf(failing.url, { max_retries: 5, max_retry_delay: 1 })
    expect(await rejection(retrying.secrets.get(request, { maxRetries: 1 }))).toBeInstanceOf(ManagementStytchError)
    expect(failing.hits).toHaveLength(2)

    const echo = await hostileServer(ok)
    await clientOf(echo.url).secrets.get(request, { headers: { "X-Request-Tag": "abc" } })
    expect(echo.hits[0]!.headers["x-request-tag"]).toBe("abc")
  })

  it("invalid options are INVALID_REQUEST naming the option, never its value; nothing sent", async () => {
    const server = await hostileServer(ok)
    const client = clientOf(server.url)
    for (
      const [options, field] of [
        [{ headers: { "x-key": `${SECRET}\r\nx-injected: 1` } }, "headers.x-key"],
        [{ headers: { authorization: `Bearer ${SECRET}` } }, "headers.authorization"],
        [{ timeout: -5 }, "timeout"],
        [{ maxRetries: -1 }, "maxRetries"],
        [{ deadline: Number.NaN }, "deadline"]
      ] as const
    ) {
      const error = await rejection(client.secrets.get(request, options as never))
      expect(error).toMatchObject({ code: "INVALID_REQUEST", field })
      expectNoSecret(error)
    }
    expect(server.hits).toHaveLength(0)
  })

  it("a method without a request takes the options second", async () => {
    const server = await hostileServer(silent)
    const client = clientOf(server.url)
    const error = await rejection(client.projects.getAll(undefined, { timeout: 50 }))
    expect(error).toMatchObject({ reason: "Timeout" })
  })
})

describe("config: max_retry_delay, deadline, max_response_size", () => {
  it("max_retry_delay caps Retry-After; deadline bounds the call; max_response_size bounds the body", async () => {
    let n = 0
    const flaky = await hostileServer((req, res, hit) => {
      if (n++ === 0) {
        res.writeHead(429, { "content-type": "application/json", "retry-after": "3600" })
        return res.end(errorBody(429, "too_many_requests"))
      }
      ok(req, res, hit, n)
    })
    await clientOf(flaky.url, { max_retries: 1, max_retry_delay: 10 }).secrets.get(request)
    expect(flaky.hits).toHaveLength(2)

    const slow = await hostileServer(silent)
    const started = Date.now()
    const error = await rejection(clientOf(slow.url, { deadline: 150, max_retries: 3 }).secrets.get(request))
    expect(error).toMatchObject({ reason: "Timeout" })
    expect(Date.now() - started).toBeLessThan(5_000)

    const big = await hostileServer(oversized(200_000, false))
    const tooBig = await rejection(clientOf(big.url, { max_response_size: 100_000 }).secrets.get(request))
    expect(tooBig).toMatchObject({ code: "UNEXPECTED_RESPONSE", status_code: 200 })
    await big.requestClosed(0)

    for (const config of [{ max_retry_delay: -1 }, { deadline: 0 }, { max_response_size: Number.NaN }]) {
      expect(() => clientOf(big.url, config)).toThrow(ClientError)
    }
  })
})

describe("redirects and leaks", () => {
  it("a redirect to another origin is UNEXPECTED_RESPONSE and nothing reaches that origin (node and fetch)", async () => {
    const other = await hostileServer(ok)
    for (const httpClient of [undefined, FetchHttpClient.layer]) {
      const api = await hostileServer(redirect(() => `${other.url}/collect`, 307))
      const client = clientOf(api.url, {}, httpClient === undefined ? {} : { httpClient })
      const error = await rejection(client.projects.create({ name: "x", vertical: "B2B" }, { headers: { "x-custom": "v" } }))
      expect(error).toMatchObject({ code: "UNEXPECTED_RESPONSE", status_code: 307 })
    }
    expect(other.hits).toHaveLength(0)
  })

  it("a transport error that echoes the Authorization header never shows it (message, cause chain, inspect, JSON, stack)", async () => {
    const echoing = HttpClient.make((req) =>
      Effect.fail(
        new HttpClientError.RequestError({
          request: req,
          reason: "Transport",
          cause: new Error(`Invalid header value ${req.headers["authorization"]} / ${req.headers["x-tag"]}`)
        })
      )
    )
    const client = clientOf("http://127.0.0.1:9", {}, { httpClient: echoing })
    const error = await rejection(client.secrets.get(request, { headers: { "x-tag": "call-secret-9f8e7d" } }))
    expect(error).toBeInstanceOf(RequestError)
    expect(error.message).toContain("Invalid header value <redacted>")
    expectNoSecret(error, "call-secret-9f8e7d")
  })
})
