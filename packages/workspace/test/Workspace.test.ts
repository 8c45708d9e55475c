import { it } from "@effect/vitest"
import { EventLogStreaming, RedirectURLs, TrustedTokenProfiles } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Document, Plan, Workspace } from "@stytch-effect/workspace"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Logger from "effect/Logger"
import type * as Tracer from "effect/Tracer"
import { describe, expect } from "vitest"
import { recordSpansInto, renderings } from "../../resources/test/utils.js"
import { consumerProject, fullDocument, secretValues } from "./fixtures.js"
import { converge, renamed, withFake } from "./utils.js"

describe("Workspace", () => {
  it.effect("applies a document with every family into an empty workspace; the export then has no drift", () =>
    withFake(Effect.gen(function*() {
      const desired = fullDocument()
      yield* converge(desired)
      const again = yield* Workspace.drift(desired)
      expect(Plan.render(again, { color: false })).toBe("No changes. The live configuration matches the document.\n")
      const exported = yield* Workspace.export(desired.projects.map((p) => p.projectSlug))
      expect(Workspace.plan(desired, exported)).toEqual(Plan.empty)
    })))

  it.effect("round-trips: export, apply into a new empty project, export again gives the same document", () =>
    withFake(Effect.gen(function*() {
      yield* converge(fullDocument())
      const first = yield* Workspace.export(["consumer-app", "b2b-app"])
      const copy = renamed(first, (slug) => `${slug}-copy`)
      const report = yield* converge(copy)
      expect(report.done.filter((a) => a.family === "project").map((a) => a.op)).toEqual(["create", "create"])
      const second = yield* Workspace.export(["consumer-app-copy", "b2b-app-copy"])
      expect(Document.format(second, "yaml")).toBe(Document.format(copy, "yaml"))
      expect(Plan.isEmpty(yield* Workspace.drift(copy))).toBe(true)
    })))

  it.effect("deletes only with prune: extra resources stay until asked, then go in reverse dependency order", () =>
    withFake(Effect.gen(function*() {
      const desired = { version: 1 as const, projects: [consumerProject("pruned")] }
      yield* converge(desired)
      const scope = { projectSlug: "pruned", environmentSlug: "staging" }
      yield* RedirectURLs.create({ ...scope, url: "https://extra.example.com/x", validTypes: [{ type: "LOGIN", isDefault: false }], doNotPromoteDefaults: true })
      yield* TrustedTokenProfiles.create({ ...scope, name: "stray", audience: "a", issuer: "i", publicKeyType: "JWK", jwksURL: "https://i/jwks", pemFiles: [], canJitProvision: false })
      yield* EventLogStreaming.delete({ ...scope, destinationType: "GRAFANA_LOKI" })
      const kept = yield* Workspace.drift(desired)
      // Without prune the extras are not touched; the deleted destination is re-created.
      expect(kept.actions.map((a) => [a.op, a.family, a.key])).toEqual([["create", "eventLogStreaming", "GRAFANA_LOKI"]])
      const pruning = yield* Workspace.drift(desired, { prune: true })
      expect(pruning.actions.filter((a) => a.op === "delete").map((a) => [a.family, a.key])).toEqual([
        ["redirectURLs", "http://localhost:3000/authenticate"],
        ["redirectURLs", "https://extra.example.com/x"],
        ["trustedTokenProfiles", "stray"]
      ])
      expect(Plan.render(pruning, { color: false })).toContain("- trustedTokenProfiles \"stray\"")
      yield* converge(desired, { prune: true })
      expect(Plan.isEmpty(yield* Workspace.drift(desired, { prune: true }))).toBe(true)
    })), 120_000)

  it.effect("checks every secret reference before writing anything", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const plan = yield* Workspace.drift(fullDocument())
      const error = yield* Effect.flip(
        Workspace.apply(plan).pipe(
          Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["DATADOG_KEY", secretValues.DATADOG_KEY!]])))
        )
      )
      expect(error._tag).toBe("SecretReferenceError")
      expect(error.names).toEqual(["LOKI_PASSWORD"])
      expect((yield* fake.requests).filter((r) => r.method !== "GET")).toEqual([])
    }).pipe(Effect.provide(FakeManagementApi.layer())))

  it.effect("never lets a secret value into a document, a plan rendering, a report, a log or a span", () =>
    Effect.gen(function*() {
      const spans: Array<Tracer.Span> = []
      const logs: Array<string> = []
      const logger = Logger.make(({ message }) => logs.push(JSON.stringify(message)))
      const seen: Array<string> = []
      yield* Effect.gen(function*() {
        const desired = fullDocument()
        const plan = yield* Workspace.drift(desired)
        seen.push(Plan.render(plan, { color: true }), JSON.stringify(Plan.toJSON(plan)), JSON.stringify(plan))
        const report = yield* Workspace.apply(plan, { onProgress: (e) => seen.push(JSON.stringify(e)) })
        seen.push(JSON.stringify(report), ...report.failed.flatMap((f) => renderings(f.error)))
        yield* Effect.logInfo("applied", report)
        const exported = yield* Workspace.export(desired.projects.map((p) => p.projectSlug))
        seen.push(Document.format(exported, "yaml"), Document.format(exported, "json"))
        const changed = yield* Workspace.drift({ ...exported, projects: exported.projects.map((p) => ({ ...p, name: "x" })) })
        seen.push(Plan.render(changed, { color: false }))
      }).pipe(
        recordSpansInto(spans),
        Effect.provide(Logger.replace(Logger.defaultLogger, logger)),
        withFake
      )
      for (const span of spans) seen.push(span.name, JSON.stringify(Object.fromEntries(span.attributes)))
      expect(spans.some((s) => s.name === "stytch.workspace.action")).toBe(true)
      expect(seen.join("\n")).toContain("DATADOG_KEY")
      for (const value of Object.values(secretValues)) {
        expect(seen.join("\n")).not.toContain(value)
        expect(logs.join("\n")).not.toContain(value)
      }
    }), 120_000)

  it.effect("promotes one environment onto another: chosen families, hosts mapped, unknown environments refused", () =>
    withFake(Effect.gen(function*() {
      yield* converge({ version: 1, projects: [consumerProject("promoted")] })
      const plan = yield* Workspace.promote({
        projectSlug: "promoted",
        from: "staging",
        to: "production",
        mapHosts: { "staging.example.com": "www.example.com" },
        skip: ["sdkConfig", "rbacPolicy", "jwtTemplates", "countryCodeAllowlist", "trustedTokenProfiles", "eventLogStreaming", "passwordStrengthConfig"]
      })
      expect(plan.actions.map((a) => [a.op, a.family, a.environment, a.key])).toEqual([
        ["create", "redirectURLs", "production", "http://localhost:3000/authenticate"],
        ["create", "redirectURLs", "production", "https://www.example.com/authenticate"],
        ["create", "redirectURLs", "production", "https://www.example.com/reset?next={{path}}"]
      ])
      const withPrune = yield* Workspace.promote({ projectSlug: "promoted", from: "staging", to: "production", only: ["redirectURLs"], prune: true })
      expect(withPrune.actions.filter((a) => a.op === "delete").map((a) => a.key)).toEqual([
        "https://app.example.com/authenticate",
        "https://app.example.com/reset?next={{path}}"
      ])
      const missing = yield* Effect.flip(Workspace.promote({ projectSlug: "promoted", from: "staging", to: "nowhere" }))
      expect(missing).toMatchObject({ _tag: "ConflictError", reason: "UnknownEnvironment" })
    })), 120_000)

  it.effect("re-enables a destination without needing its secret (only `enabled` changed)", () =>
    withFake(Effect.gen(function*() {
      const desired = { version: 1 as const, projects: [consumerProject("streams")] }
      yield* converge(desired)
      yield* EventLogStreaming.disable({ projectSlug: "streams", environmentSlug: "production", destinationType: "DATADOG" })
      const plan = yield* Workspace.drift(desired)
      expect(plan.actions.map((a) => [a.family, a.changes])).toEqual([
        ["eventLogStreaming", [{ path: "enabled", before: false, after: true }]]
      ])
      const report = yield* Workspace.apply(plan).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(new Map())))
      expect(Workspace.succeeded(report)).toBe(true)
      expect(Plan.isEmpty(yield* Workspace.drift(desired))).toBe(true)
    })), 120_000)

  it.effect("exports an ALL project's two SDK configurations and applies them back", () =>
    withFake(Effect.gen(function*() {
      const desired: Document.Document = {
        version: 1,
        projects: [{
          projectSlug: "both",
          name: "Both",
          vertical: "ALL",
          environments: [{
            environmentSlug: "production",
            name: "Production",
            type: "LIVE",
            sdkConfig: { consumer: { sessions: { maxSessionDurationMinutes: 15 } }, b2b: { sso: { enabled: true } } }
          }]
        }]
      }
      yield* converge(desired)
      const exported = yield* Workspace.export("both")
      const sdk = exported.projects[0]!.environments[0]!.sdkConfig
      expect(sdk?.consumer?.sessions).toEqual({ maxSessionDurationMinutes: 15 })
      expect(sdk?.b2b?.sso).toEqual({ enabled: true, pkceRequired: false })
      expect(Plan.isEmpty(Workspace.plan(desired, exported))).toBe(true)
    })), 120_000)
})
