/**
 * The `fetch` transport (`@stytch-effect/core/FetchHttpClient`), in memory:
 * `fetch` replaced by a recording stub through `@effect/platform`'s
 * `FetchHttpClient.Fetch`. What it sends, which `fetch` and options it
 * takes, and that the timeout, interruption and the size limit stop the
 * request. Real sockets: HostileNetwork.test.ts runs it against misbehaving
 * servers beside the Node transport.
 */
import * as PlatformFetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import { it } from "@effect/vitest"
import { Credentials, RetryPolicy, StytchManagement } from "@stytch-effect/core"
import * as FetchHttpClient from "@stytch-effect/core/FetchHttpClient"
import { Projects, Secrets } from "@stytch-effect/resources"
import { Duration, Effect, Fiber, Layer, TestClock } from "effect"
import { describe, expect } from "vitest"
import { failureOf } from "../../resources/test/utils.js"

const SECRET = "fetch-transport-secret-1234"
const credentials = Credentials.workspaceKey("key-id", SECRET)
const BASE_URL = "https://management.stytch.com"
const getSecret = Secrets.get({ projectSlug: "p", environmentSlug: "e", secretID: "secret-test-1" })
const secretBody = JSON.stringify({
  request_id: "request-id-test-1",
  status_code: 200,
  secret: { secret_id: "secret-test-1", last_four: "abcd", created_at: "2024-01-01T00:00:00Z" }
})

interface Sent {
  readonly url: string
  readonly init: RequestInit
}

/** A `fetch` that records each request and answers with `answer` (a fresh response each time). */
const recordingFetch = (answer: (sent: Sent) => Promise<Response> | Response) => {
  const sent: Array<Sent> = []
  const fetch = ((url: string, init: RequestInit) => {
    const request = { url, init }
    sent.push(request)
    return Promise.resolve(answer(request))
  }) as unknown as typeof globalThis.fetch
  return { sent, fetch }
}

const json = (body: string, status = 200) => () =>
  new Response(body, { status, headers: { "content-type": "application/json" } })

const layerWith = (
  fetch: typeof globalThis.fetch,
  options: Partial<StytchManagement.Options> = {},
  init?: RequestInit
) =>
  StytchManagement.layerWithHttpClient({ credentials, baseURL: BASE_URL, ...options }).pipe(
    Layer.provide(FetchHttpClient.layer),
    Layer.provide(Layer.succeed(PlatformFetchHttpClient.Fetch, fetch)),
    Layer.provide(init === undefined ? Layer.empty : Layer.succeed(PlatformFetchHttpClient.RequestInit, init))
  )

/** A `fetch` that never answers, and says when its signal aborts. */
const hangingFetch = () => {
  let aborted: AbortSignal | undefined
  const { sent, fetch } = recordingFetch(({ init }) =>
    new Promise<Response>((_, reject) => {
      init.signal!.addEventListener("abort", () => {
        aborted = init.signal!
        reject(init.signal!.reason)
      })
    })
  )
  return { sent, fetch, aborted: () => aborted }
}

describe("the fetch transport", () => {
  it.effect("sends the operation as one plain fetch call: URL, method, headers, JSON body, no redirects, a signal", () =>
    Effect.gen(function*() {
      const { fetch, sent } = recordingFetch(json(secretBody))
      const result = yield* getSecret.pipe(Effect.provide(layerWith(fetch)))
      expect(result.secret.lastFour).toBe("abcd")
      expect(sent).toHaveLength(1)
      const { init, url } = sent[0]!
      expect(url).toBe(`${BASE_URL}/pwa/v3/projects/p/environments/e/secrets/secret-test-1`)
      expect(init.method).toBe("GET")
      expect(init.redirect).toBe("manual")
      expect(init.signal).toBeInstanceOf(AbortSignal)
      expect(init.body).toBeUndefined()
      const headers = init.headers as Record<string, string>
      expect(headers.authorization).toBe(`Basic ${btoa(`key-id:${SECRET}`)}`)
      expect(headers["user-agent"]).toBe(StytchManagement.userAgent())

      const created = recordingFetch(json(JSON.stringify({
        request_id: "request-id-test-2",
        status_code: 200,
        project: {
          project_slug: "my-project",
          name: "My project",
          vertical: "B2B",
          created_at: "2024-01-01T00:00:00Z"
        }
      })))
      yield* Projects.create({ name: "My project", vertical: "B2B" }).pipe(Effect.provide(layerWith(created.fetch)))
      const post = created.sent[0]!.init
      expect(post.method).toBe("POST")
      expect(JSON.parse(post.body as string)).toEqual({ name: "My project", vertical: "B2B" })
      expect((post.headers as Record<string, string>)["content-type"]).toBe("application/json")
    }))

  it.effect("the HttpClient in context is @effect/platform's FetchHttpClient, usable by any other code", () =>
    Effect.gen(function*() {
      const { fetch, sent } = recordingFetch(json("{\"ok\":true}"))
      const body = yield* Effect.flatMap(HttpClient.get("https://example.com/anything"), (response) => response.json).pipe(
        Effect.provide(FetchHttpClient.layer),
        Effect.provideService(PlatformFetchHttpClient.Fetch, fetch)
      )
      expect(body).toEqual({ ok: true })
      expect(String(sent[0]!.url)).toBe("https://example.com/anything")
    }))

  it.effect("RequestInit from context: its fields and headers are kept, the request's own win, redirect \"error\" stays", () =>
    Effect.gen(function*() {
      const { fetch, sent } = recordingFetch(json(secretBody))
      yield* getSecret.pipe(Effect.provide(layerWith(fetch, {}, {
        credentials: "omit",
        keepalive: true,
        redirect: "error",
        headers: { "x-proxy-tag": "blue", "user-agent": "overridden-by-the-sdk" }
      })))
      const init = sent[0]!.init
      expect(init.credentials).toBe("omit")
      expect(init.keepalive).toBe(true)
      expect(init.redirect).toBe("error")
      const headers = init.headers as Record<string, string>
      expect(headers["x-proxy-tag"]).toBe("blue")
      expect(headers["user-agent"]).toBe(StytchManagement.userAgent())
      expect(headers.authorization).toMatch(/^Basic /)

      const following = recordingFetch(json(secretBody))
      yield* getSecret.pipe(Effect.provide(layerWith(following.fetch, {}, { redirect: "follow" })))
      expect(following.sent[0]!.init.redirect).toBe("manual")
    }))

  it.effect("a Fetch provided around one call is used for that call (as @effect/platform's client does)", () =>
    Effect.gen(function*() {
      const layerFetch = recordingFetch(json(secretBody))
      const callFetch = recordingFetch(json(secretBody))
      yield* Effect.gen(function*() {
        yield* getSecret
        yield* Effect.provideService(getSecret, PlatformFetchHttpClient.Fetch, callFetch.fetch)
      }).pipe(Effect.provide(layerWith(layerFetch.fetch)))
      expect(layerFetch.sent).toHaveLength(1)
      expect(callFetch.sent).toHaveLength(1)
    }))

  it.effect("the per-attempt timeout aborts the request's signal and fails with a Timeout TransportError", () =>
    Effect.gen(function*() {
      const hanging = hangingFetch()
      const fiber = yield* Effect.fork(
        Effect.flip(getSecret.pipe(Effect.provide(layerWith(hanging.fetch, { timeout: Duration.seconds(2) })), Effect.provide(RetryPolicy.none)))
      )
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 5)))
      expect(hanging.sent).toHaveLength(1)
      yield* TestClock.adjust(Duration.seconds(1))
      expect(hanging.aborted()).toBeUndefined()
      yield* TestClock.adjust(Duration.seconds(1))
      const error = yield* Fiber.join(fiber)
      expect(error._tag).toBe("TransportError")
      expect(error._tag === "TransportError" && error.reason).toBe("Timeout")
      expect(hanging.aborted()?.aborted).toBe(true)
    }))

  it.effect("interrupting the call aborts the request", () =>
    Effect.gen(function*() {
      const hanging = hangingFetch()
      const fiber = yield* Effect.fork(getSecret.pipe(Effect.provide(layerWith(hanging.fetch))))
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 5)))
      expect(hanging.sent).toHaveLength(1)
      yield* Fiber.interrupt(fiber)
      expect(hanging.aborted()?.aborted).toBe(true)
    }))

  it.effect("a streamed body without content-length over maxResponseSize fails and is cancelled", () =>
    Effect.gen(function*() {
      let cancelled = false
      let pulled = 0
      const { fetch } = recordingFetch(() =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              pulled++
              controller.enqueue(new Uint8Array(1024).fill(32))
            },
            cancel() {
              cancelled = true
            }
          }),
          { status: 200 }
        )
      )
      const error = yield* failureOf(getSecret.pipe(Effect.provide(layerWith(fetch, { maxResponseSize: 4096 }))))
      expect(error._tag).toBe("UnexpectedResponseError")
      expect(error.message).toContain("exceeds the limit of 4096 bytes")
      expect(cancelled).toBe(true)
      expect(pulled).toBeLessThan(10)
    }))

  it.effect("a built response's content-length is not trusted: its body is counted against maxResponseSize", () =>
    Effect.gen(function*() {
      // A `fetch` wrapper's own `Response` (no URL) whose headers describe another body (say, decompressed).
      const { fetch } = recordingFetch(() =>
        new Response(" ".repeat(8192), { status: 200, headers: { "content-length": "100" } })
      )
      const error = yield* failureOf(getSecret.pipe(Effect.provide(layerWith(fetch, { maxResponseSize: 4096 }))))
      expect(error._tag).toBe("UnexpectedResponseError")
      expect(error.message).toContain("exceeds the limit of 4096 bytes")
    }))

  it.effect("a refused connection is a ConnectionRefused TransportError that names no secret", () =>
    Effect.gen(function*() {
      const { fetch } = recordingFetch(() =>
        Promise.reject(
          new TypeError("fetch failed", {
            cause: Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:1 (${SECRET})`), { code: "ECONNREFUSED" })
          })
        )
      )
      const error = yield* failureOf(getSecret.pipe(Effect.provide(layerWith(fetch)), Effect.provide(RetryPolicy.none)))
      expect(error._tag).toBe("TransportError")
      expect(error._tag === "TransportError" && error.reason).toBe("ConnectionRefused")
      expect(error.message).toContain("ECONNREFUSED")
      expect(JSON.stringify(error) + String(error)).not.toContain(SECRET)
    }))

  it.effect("a redirect is refused and not followed", () =>
    Effect.gen(function*() {
      const { fetch, sent } = recordingFetch(() =>
        new Response(null, { status: 302, headers: { location: "https://elsewhere.example/steal" } })
      )
      const error = yield* failureOf(getSecret.pipe(Effect.provide(layerWith(fetch))))
      expect(error._tag).toBe("UnexpectedResponseError")
      expect(error.message).toContain("redirect")
      expect(sent).toHaveLength(1)
    }))

  it.effect("a stubbed globalThis.fetch is used when no Fetch service is provided", () =>
    Effect.gen(function*() {
      const { fetch, sent } = recordingFetch(json(secretBody))
      const saved = globalThis.fetch
      globalThis.fetch = fetch
      try {
        yield* getSecret.pipe(
          Effect.provide(
            StytchManagement.layerWithHttpClient({ credentials, baseURL: BASE_URL }).pipe(Layer.provide(FetchHttpClient.layer))
          )
        )
      } finally {
        globalThis.fetch = saved
      }
      expect(sent).toHaveLength(1)
    }))
})
