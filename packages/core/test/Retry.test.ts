import { it } from "@effect/vitest"
import { RetryPolicy } from "@stytch-effect/core"
import { Projects } from "@stytch-effect/resources"
import { FakeManagementApi, Fault } from "@stytch-effect/testing"
import { Duration, Effect, Fiber, Option, TestClock } from "effect"
import { describe, expect } from "vitest"

const withFake = Effect.provide(FakeManagementApi.layer())

/** Runs `effect` in a fiber and moves the TestClock forward, so no test really sleeps. */
const runWithClock = <A, E, R>(effect: Effect.Effect<A, E, R>, advance: Duration.DurationInput = "10 minutes") =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(Effect.either(effect))
    yield* TestClock.adjust(advance)
    return yield* Fiber.join(fiber)
  })

const setup = Effect.gen(function*() {
  const fake = yield* FakeManagementApi.FakeManagementApi
  yield* Projects.create({ name: "P", projectSlug: "p" })
  const before = (yield* fake.requests).length
  const count = Effect.map(fake.requests, (r) => r.length - before)
  return { fake, count }
})

describe("RetryPolicy (default)", () => {
  it.effect("a GET is retried on 503 and then succeeds", () =>
    Effect.gen(function*() {
      const { count, fake } = yield* setup
      yield* fake.inject(Fault.status(503), { operation: "projects.get" })
      const result = yield* runWithClock(Projects.get({ projectSlug: "p" }))
      expect(result._tag).toBe("Right")
      expect(yield* count).toBe(2)
    }).pipe(withFake))

  it.effect("a 429 with Retry-After: 2 waits exactly 2 seconds", () =>
    Effect.gen(function*() {
      const { count, fake } = yield* setup
      yield* fake.inject(Fault.status(429, { retryAfter: 2 }), { operation: "projects.get" })
      const fiber = yield* Effect.fork(Projects.get({ projectSlug: "p" }))
      yield* TestClock.adjust("1999 millis")
      expect(yield* count).toBe(1)
      expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
      yield* TestClock.adjust("1 millis")
      const { project } = yield* Fiber.join(fiber)
      expect(project.projectSlug).toBe("p")
      expect(yield* count).toBe(2)
    }).pipe(withFake))

  it.effect("a POST is not retried on 500 (the server may have acted)", () =>
    Effect.gen(function*() {
      const { count, fake } = yield* setup
      yield* fake.inject(Fault.status(500), { operation: "projects.create" })
      const result = yield* runWithClock(Projects.create({ name: "Q" }))
      expect(result._tag === "Left" && result.left._tag === "StytchApiError" && result.left.statusCode).toBe(500)
      expect(yield* count).toBe(1)
    }).pipe(withFake))

  it.effect("a POST is not retried after a dropped connection, but is after a refused one or a 429", () =>
    Effect.gen(function*() {
      const { count, fake } = yield* setup
      yield* fake.inject(Fault.disconnect, { operation: "projects.create" })
      const dropped = yield* runWithClock(Projects.create({ name: "Q" }))
      expect(dropped._tag === "Left" && dropped.left._tag === "TransportError" && dropped.left.reason).toBe("Network")
      expect(yield* count).toBe(1)

      yield* fake.inject(Fault.connectionRefused, { operation: "projects.create" })
      yield* fake.inject(Fault.status(429), { operation: "projects.create" })
      const retried = yield* runWithClock(Projects.create({ name: "Q" }))
      expect(retried._tag).toBe("Right")
      expect(yield* count).toBe(4)
    }).pipe(withFake))

  it.effect("gives up after the policy's limit with the last error", () =>
    Effect.gen(function*() {
      const { count, fake } = yield* setup
      yield* fake.inject(Fault.status(502), { operation: "projects.get", times: 2 })
      yield* fake.inject(Fault.status(503, { errorType: "last_one" }), { operation: "projects.get", times: 5 })
      const result = yield* runWithClock(Projects.get({ projectSlug: "p" }))
      expect(result._tag === "Left" && result.left._tag === "StytchApiError" && result.left.errorType).toBe("last_one")
      expect(yield* count).toBe(3)
    }).pipe(withFake))

  it.effect("backoff grows exponentially with jitter, within bounds", () =>
    Effect.gen(function*() {
      const policy = RetryPolicy.make({ initialDelay: "100 millis", maxRetries: 3 })
      const error = { _tag: "TransportError", reason: "Network" } as unknown as RetryPolicy.RetryInput["error"]
      for (const [attempt, nominal] of [[1, 100], [2, 200], [3, 400]] as const) {
        const delay = yield* policy.decide({ method: "GET", attempt, error, retryAfter: Option.none() })
        const ms = Duration.toMillis(Option.getOrThrow(delay))
        expect(ms).toBeGreaterThanOrEqual(nominal / 2)
        expect(ms).toBeLessThanOrEqual(nominal)
      }
      expect(yield* policy.decide({ method: "GET", attempt: 4, error, retryAfter: Option.none() })).toEqual(Option.none())
    }))
})

describe("RetryPolicy.none", () => {
  it.effect("never retries", () =>
    Effect.gen(function*() {
      const { count, fake } = yield* setup
      yield* fake.inject(Fault.status(503), { operation: "projects.get" })
      const result = yield* runWithClock(Projects.get({ projectSlug: "p" }).pipe(Effect.provide(RetryPolicy.none)))
      expect(result._tag === "Left" && result.left._tag === "StytchApiError" && result.left.statusCode).toBe(503)
      expect(yield* count).toBe(1)
    }).pipe(withFake))
})

describe("timeout", () => {
  it.effect("interrupts a slow response with a TransportError", () =>
    Effect.gen(function*() {
      yield* Projects.create({ name: "P", projectSlug: "p" })
      const fake = yield* FakeManagementApi.FakeManagementApi
      yield* fake.inject(Fault.latency("5 minutes"), { operation: "projects.get" })
      const fiber = yield* Effect.fork(Effect.flip(Projects.get({ projectSlug: "p" })))
      yield* TestClock.adjust("1 second")
      const error = yield* Fiber.join(fiber)
      expect(error._tag).toBe("TransportError")
      expect(error._tag === "TransportError" && error.reason).toBe("Timeout")
      expect(error.message).toContain("timed out after 1s")
    }).pipe(Effect.provide(FakeManagementApi.layer({ timeout: "1 second" })), Effect.provide(RetryPolicy.none)))
})
