import * as HttpClient from "@effect/platform/HttpClient"
import { it } from "@effect/vitest"
import { StytchManagement } from "@stytch-effect/core"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Workspace } from "@stytch-effect/workspace"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { describe, expect } from "vitest"
import { fullDocument, secretValues } from "./fixtures.js"

describe("bounded concurrency", () => {
  it.live("export keeps at most `concurrency` requests in flight, apply at most `concurrency` actions", () => {
    const fake = FakeManagementApi.make()
    const gauge = { now: 0, max: 0 }
    // The fake's in-memory client, each request held 2 ms, counting the requests in flight.
    const counting = HttpClient.transform(fake.httpClient, (effect) =>
      Effect.acquireUseRelease(
        Effect.sync(() => {
          gauge.now++
          gauge.max = Math.max(gauge.max, gauge.now)
        }),
        () => Effect.zipRight(Effect.sleep("2 millis"), effect),
        () => Effect.sync(() => void gauge.now--)
      ))
    const layer = StytchManagement.layerWithHttpClient({ credentials: fake.credentials }).pipe(
      Layer.provide(Layer.succeed(HttpClient.HttpClient, counting))
    )
    return Effect.gen(function*() {
      const desired = fullDocument()
      const plan = yield* Workspace.drift(desired, { concurrency: 3 })
      gauge.max = 0
      const report = yield* Workspace.apply(plan, { concurrency: 2 })
      expect(Workspace.succeeded(report)).toBe(true)
      // An action's requests run one after another, so two actions keep exactly two in flight at most.
      expect(gauge.max).toBe(2)
      gauge.max = 0
      yield* Workspace.export(["consumer-app", "b2b-app"], { concurrency: 3 })
      expect(gauge.max).toBe(3)
      gauge.max = 0
      yield* Workspace.export(["consumer-app", "b2b-app"], { concurrency: 1 })
      expect(gauge.max).toBe(1)
    }).pipe(
      Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(secretValues)))),
      Effect.provide(layer)
    )
  }, 120_000)
})
