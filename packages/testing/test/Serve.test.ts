import * as HttpClient from "@effect/platform/HttpClient"
import { it } from "@effect/vitest"
import { RetryPolicy, StytchManagement } from "@stytch-effect/core"
import { Environments, Projects, Secrets } from "@stytch-effect/resources"
import { FakeManagementApi, Fault } from "@stytch-effect/testing"
import { Cause, Effect, Exit, Layer, Option, Redacted, Scope } from "effect"
import { describe, expect } from "vitest"

/** A `StytchManagement` over real `fetch` to a served fake, without retries. */
const overHttp = (served: FakeManagementApi.Served, options: Partial<StytchManagement.Options> = {}) =>
  Layer.merge(
    StytchManagement.layer({ credentials: served.credentials, baseURL: served.url, ...options }),
    RetryPolicy.none
  )

/** A `StytchManagement` over the same fake's in-memory `HttpClient`. */
const inMemory = (served: FakeManagementApi.Served) =>
  StytchManagement.layerWithHttpClient({ credentials: served.credentials }).pipe(
    Layer.provide(Layer.succeed(HttpClient.HttpClient, served.httpClient))
  )

const dieMessage = <A, E>(exit: Exit.Exit<A, E>): string | undefined =>
  Exit.isFailure(exit)
    ? Option.match(Cause.dieOption(exit.cause), {
      onNone: () => undefined,
      onSome: (defect) => (defect instanceof Error ? defect.message : String(defect))
    })
    : undefined

describe("FakeManagementApi.serve", () => {
  it.scopedLive("serves the fake on a loopback port and records what it received", () =>
    Effect.gen(function*() {
      const served = yield* FakeManagementApi.serve()
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(served.url).not.toMatch(/:0$/)

      const created = yield* Projects.create({ name: "Over HTTP", vertical: "B2B" }).pipe(
        Effect.provide(overHttp(served))
      )
      expect(created.project.name).toBe("Over HTTP")
      expect(created.requestID).toMatch(/^request-id-test-/)

      const requests = yield* served.requests
      expect(requests).toEqual([
        expect.objectContaining({ method: "POST", path: "/pwa/v3/projects", operation: "projects.create", authorized: true })
      ])
      expect(requests[0]!.body).toEqual({ name: "Over HTTP", vertical: "B2B" })
    }))

  it.scopedLive("is the same fake as the in-memory one: one state behind HTTP and the in-memory client", () =>
    Effect.gen(function*() {
      const served = yield* FakeManagementApi.serve()
      const { project } = yield* Projects.create({ name: "Shared" }).pipe(Effect.provide(overHttp(served)))
      const viaMemory = yield* Projects.get({ projectSlug: project.projectSlug }).pipe(Effect.provide(inMemory(served)))
      expect(viaMemory.project).toEqual(project)
      yield* served.reset
      const gone = yield* Effect.flip(
        Projects.get({ projectSlug: project.projectSlug }).pipe(Effect.provide(overHttp(served)))
      )
      expect(gone._tag === "StytchApiError" && gone.statusCode).toBe(404)
    }))

  it.scopedLive("runs the full flow over HTTP: project, LIVE then TEST, secrets, errors", () =>
    Effect.gen(function*() {
      const served = yield* FakeManagementApi.serve()
      yield* Effect.gen(function*() {
        const { project } = yield* Projects.create({ name: "Flow", vertical: "B2B" })
        const projectSlug = project.projectSlug
        const early = yield* Effect.flip(Environments.create({ projectSlug, name: "t", type: "TEST" }))
        expect(early._tag === "StytchApiError" && early.statusCode).toBe(400)
        const { environment } = yield* Environments.create({ projectSlug, name: "Production", type: "LIVE" })
        yield* Environments.create({ projectSlug, name: "Staging", type: "TEST" })
        const scope = { projectSlug, environmentSlug: environment.environmentSlug }
        const { secret } = yield* Secrets.create(scope)
        const { secrets } = yield* Secrets.getAll(scope)
        expect(secrets.map((s) => s.lastFour)).toEqual([Redacted.value(secret.secret).slice(-4)])
        // Path parameters are percent-encoded by the client and decoded by the server.
        const odd = yield* Effect.flip(Projects.get({ projectSlug: "a/b?c d" }))
        expect(odd._tag === "StytchApiError" && odd.errorMessage).toContain("a/b?c d")
      }).pipe(Effect.provide(overHttp(served)))
    }))

  it.scopedLive("rejects a request without valid credentials with the real 401 body", () =>
    Effect.gen(function*() {
      const served = yield* FakeManagementApi.serve()
      const response = yield* Effect.promise(() => fetch(`${served.url}/pwa/v3/projects`))
      expect(response.status).toBe(401)
      expect(response.headers.get("content-type")).toBe("application/json")
      const body = yield* Effect.promise(() => response.json())
      expect(body).toMatchObject({ status_code: 401, error_type: "unauthorized_credentials" })
      expect(body.request_id).toMatch(/^request-id-test-/)
    }))

  it.scopedLive("a dropped connection (Fault.disconnect) destroys the socket: the client sees a network error", () =>
    Effect.gen(function*() {
      const served = yield* FakeManagementApi.serve()
      yield* served.inject(Fault.disconnect)
      const error = yield* Effect.flip(Projects.getAll().pipe(Effect.provide(overHttp(served))))
      expect(error._tag).toBe("TransportError")
      expect(error._tag === "TransportError" && error.reason).toBe("Network")
      // The next request is served normally.
      const { projects } = yield* Projects.getAll().pipe(Effect.provide(overHttp(served)))
      expect(projects).toEqual([])
    }))

  it.scopedLive("status, malformed and latency faults travel over HTTP", () =>
    Effect.gen(function*() {
      const served = yield* FakeManagementApi.serve()
      const layer = overHttp(served, { timeout: "150 millis" })
      yield* served.inject(Fault.status(503, { retryAfter: 1 }))
      const unavailable = yield* Effect.flip(Projects.getAll().pipe(Effect.provide(layer)))
      expect(unavailable._tag === "StytchApiError" && unavailable.statusCode).toBe(503)

      yield* served.inject(Fault.malformed(200))
      const malformed = yield* Effect.flip(Projects.getAll().pipe(Effect.provide(layer)))
      expect(malformed._tag).toBe("UnexpectedResponseError")

      yield* served.inject(Fault.latency("2 seconds"))
      const started = Date.now()
      const slow = yield* Effect.flip(Projects.getAll().pipe(Effect.provide(layer)))
      expect(slow._tag === "TransportError" && slow.reason).toBe("Timeout")
      expect(Date.now() - started).toBeLessThan(1000)
    }))

  it.scopedLive("serves concurrent requests", () =>
    Effect.gen(function*() {
      const served = yield* FakeManagementApi.serve()
      const results = yield* Effect.forEach(
        Array.from({ length: 20 }, (_, i) => i),
        (i) => Projects.create({ name: `P${i}` }),
        { concurrency: "unbounded" }
      ).pipe(Effect.provide(overHttp(served)))
      expect(new Set(results.map((r) => r.project.projectSlug)).size).toBe(20)
      expect((yield* served.requests).length).toBe(20)
    }))

  it.live("stops listening when its scope closes", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const served = yield* FakeManagementApi.serve().pipe(Scope.extend(scope))
      yield* Projects.getAll().pipe(Effect.provide(overHttp(served)))
      yield* Scope.close(scope, Exit.void)
      const error = yield* Effect.flip(Projects.getAll().pipe(Effect.provide(overHttp(served))))
      expect(error._tag === "TransportError" && error.reason).toBe("ConnectionRefused")
    }))

  it.live("refuses non-loopback hosts and invalid ports", () =>
    Effect.gen(function*() {
      for (const host of ["0.0.0.0", "example.com", "192.168.1.10", "::"]) {
        const exit = yield* Effect.exit(Effect.scoped(FakeManagementApi.serve({ host })))
        expect(dieMessage(exit)).toMatch(/only loopback hosts/)
      }
      const port = yield* Effect.exit(Effect.scoped(FakeManagementApi.serve({ port: 70000 })))
      expect(dieMessage(port)).toMatch(/port must be an integer/)
    }))

  it.scopedLive("accepts localhost", () =>
    Effect.gen(function*() {
      const served = yield* FakeManagementApi.serve({ host: "localhost" })
      const { projects } = yield* Projects.getAll().pipe(Effect.provide(overHttp(served)))
      expect(projects).toEqual([])
    }))
})

describe("FakeManagementApi.start", () => {
  it.live("starts a fake for promise code; close is idempotent", () =>
    Effect.promise(async () => {
      const server = await FakeManagementApi.start()
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const layer = Layer.merge(
        StytchManagement.layer({ credentials: server.credentials, baseURL: server.url }),
        RetryPolicy.none
      )
      const { project } = await Effect.runPromise(Projects.create({ name: "Promise" }).pipe(Effect.provide(layer)))
      expect(server.requests().map((r) => r.operation)).toEqual(["projects.create"])

      server.inject(Fault.status(500), { operation: "projects.get" })
      const failed = await Effect.runPromise(
        Effect.flip(Projects.get({ projectSlug: project.projectSlug })).pipe(Effect.provide(layer))
      )
      expect(failed._tag === "StytchApiError" && failed.statusCode).toBe(500)

      server.reset()
      expect(server.requests()).toEqual([])
      await server.close()
      await server.close()
      await server[Symbol.asyncDispose]()
      await expect(fetch(`${server.url}/pwa/v3/projects`)).rejects.toThrow()
    }))

  it.live("rejects a non-loopback host", () =>
    Effect.promise(async () => {
      await expect(FakeManagementApi.start({ host: "0.0.0.0" })).rejects.toThrow(/only loopback hosts/)
    }))
})
