import { it } from "@effect/vitest"
import { StytchManagement } from "@stytch-effect/core"
import { SDK } from "@stytch-effect/resources"
import { FakeManagementApi, Fault } from "@stytch-effect/testing"
import { Document, Plan, Workspace, WorkspaceClient } from "@stytch-effect/workspace"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { afterAll, beforeAll, describe, expect, it as vit, vi } from "vitest"
import { fullDocument, secretValues } from "./fixtures.js"
import { renamed } from "./utils.js"

describe("against the served fake (HTTP on loopback)", () => {
  it.scopedLive("Effect API: every family applied, exported, applied into a new project, exported equal; drift empty", () =>
    Effect.gen(function*() {
      const served = yield* FakeManagementApi.serve()
      yield* Effect.gen(function*() {
        const desired = fullDocument()
        const applied = yield* Workspace.apply(yield* Workspace.drift(desired))
        expect(applied.failed).toEqual([])
        const first = yield* Workspace.export(["consumer-app", "b2b-app"], { concurrency: 4 })
        const copy = renamed(first, (slug) => `${slug}-new`)
        expect((yield* Workspace.apply(yield* Workspace.drift(copy))).failed).toEqual([])
        const second = yield* Workspace.export(["consumer-app-new", "b2b-app-new"])
        expect(Document.format(second, "json")).toBe(Document.format(copy, "json"))
        expect(Plan.isEmpty(yield* Workspace.drift(copy))).toBe(true)
        expect(Plan.isEmpty(yield* Workspace.drift(desired))).toBe(true)
      }).pipe(
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(secretValues)))),
        Effect.provide(StytchManagement.layer({ credentials: served.credentials, baseURL: served.url }))
      )
    }), 120_000)

  describe("promise API: WorkspaceClient", () => {
    let server: FakeManagementApi.Server
    let client: WorkspaceClient
    beforeAll(async () => {
      server = await FakeManagementApi.start()
      client = new WorkspaceClient({
        workspace_key_id: server.credentials.keyID,
        workspace_key_secret: server.credentials.keySecret,
        base_url: server.url
      })
      Object.assign(process.env, secretValues)
    })
    afterAll(async () => {
      for (const name of Object.keys(secretValues)) delete process.env[name]
      await client.close()
      await server.close()
    })

    vit("applies, exports, round-trips into a new project, reports drift and recovers from a fault", async () => {
      const desired = fullDocument("-p")
      const first = await client.apply(await client.drift(desired))
      expect(Workspace.succeeded(first)).toBe(true)
      const exported = await client.export(["consumer-app-p", "b2b-app-p"])
      expect(Plan.isEmpty(await client.plan(desired, exported))).toBe(true)

      const copy = renamed(exported, (slug) => `${slug}-copy`)
      server.inject(Fault.status(500), { operation: "trustedTokenProfiles.create" })
      const interrupted = await client.apply(await client.drift(copy), { concurrency: 2 })
      expect(interrupted.failed.map((f) => [f.action.family, f.error._tag])).toEqual([
        ["trustedTokenProfiles", "StytchApiError"]
      ])
      expect(interrupted.notStarted.length).toBeGreaterThan(0)
      expect(Workspace.succeeded(await client.apply(await client.drift(copy)))).toBe(true)
      const again = await client.export(["consumer-app-p-copy", "b2b-app-p-copy"])
      expect(Document.format(again, "yaml")).toBe(Document.format(copy, "yaml"))

      // Drift made outside the tool shows up, and promote plans TEST -> LIVE with a host mapping.
      await Effect.runPromise(
        SDK.setConsumerConfig({
          projectSlug: "consumer-app-p-copy",
          environmentSlug: "staging",
          config: { sessions: { maxSessionDurationMinutes: 5 } }
        }).pipe(Effect.provide(StytchManagement.layer({ credentials: server.credentials, baseURL: server.url })))
      )
      const drift = await client.drift(copy)
      expect(drift.actions.map((a) => [a.op, a.family, a.environment, a.key])).toEqual([
        ["set", "sdkConfig", "staging", "consumer"]
      ])
      const promotion = await client.promote({
        projectSlug: "consumer-app-p-copy",
        from: "staging",
        to: "production",
        mapHosts: { "staging.example.com": "app.example.com" },
        only: ["redirectURLs", "jwtTemplates"]
      })
      // staging's URLs map onto production's (same after the host mapping); its extra localhost URL and
      // its M2M audience are what production lacks.
      expect(promotion.actions.map((a) => [a.op, a.family, a.environment, a.key])).toEqual([
        ["create", "redirectURLs", "production", "http://localhost:3000/authenticate"],
        ["set", "jwtTemplates", "production", "M2M"]
      ])
      expect(promotion.actions[1]!.changes).toEqual([{ path: "customAudience", before: "app-api", after: "staging-api" }])
      await expect(client.export("no-such-project")).rejects.toMatchObject({ _tag: "StytchApiError", statusCode: 404 })
    }, 120_000)

    vit("base_url is where requests go when the credentials come from the environment", async () => {
      vi.stubEnv("STYTCH_WORKSPACE_KEY_ID", server.credentials.keyID)
      vi.stubEnv("STYTCH_WORKSPACE_KEY_SECRET", Redacted.value(server.credentials.keySecret))
      vi.stubEnv("STYTCH_MANAGEMENT_BASE_URL", "http://127.0.0.1:9") // the explicit base_url wins over it
      const fromEnv = new WorkspaceClient({ base_url: server.url })
      try {
        // the fake's answer, not a connection refused at the environment's URL
        const error = await fromEnv.export("no-such-project").then(() => undefined, (e: { _tag: string; message: string }) => e)
        expect(`${error?._tag}: ${error?.message}`).toMatch(/^StytchApiError: project_not_found/)
      } finally {
        vi.unstubAllEnvs()
        await fromEnv.close()
      }
    })
  })
})
