import { it } from "@effect/vitest"
import { FakeManagementApi, Fault } from "@stytch-effect/testing"
import { Plan, Workspace } from "@stytch-effect/workspace"
import * as Effect from "effect/Effect"
import { describe, expect } from "vitest"
import { consumerProject, fullDocument } from "./fixtures.js"
import { withFake } from "./utils.js"

/** The operations that create something, and how many times the fake received each. */
const createCounts = (requests: ReadonlyArray<FakeManagementApi.RecordedRequest>) => {
  const counts: Record<string, number> = {}
  for (const r of requests) {
    if (r.method !== "POST" || r.operation === undefined || !/\.create|createPEMFile/.test(r.operation)) continue
    const body = r.body as Record<string, unknown> | undefined
    const key = `${r.operation} ${r.path} ${String(body?.["name"] ?? body?.["url"] ?? body?.["template_id"] ?? body?.["destination_type"] ?? body?.["public_key"] ?? "")}`
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

describe("Workspace.apply under faults", () => {
  it.effect("stops at a failure, reports done / failed / not started, and a re-run converges without duplicate creates", () =>
    withFake(Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const desired = fullDocument()
      // In dependency order, so each targeted operation is still to do when its fault is armed.
      const faults: ReadonlyArray<readonly [string, Fault.Fault]> = [
        // before the server acts
        ["environments.create", Fault.status(500)],
        ["redirectURLs.create", Fault.status(503)],
        // after the server acted: the client sees a body it cannot decode
        ["trustedTokenProfiles.create", Fault.rewrite(() => ({ broken: true }))],
        ["eventLogStreaming.create", Fault.rewrite(() => ({ broken: true }))],
        ["emailTemplates.setDefault", Fault.disconnect]
      ]
      const reports: Array<Workspace.ApplyReport> = []
      for (const [operation, fault] of faults) {
        yield* fake.inject(fault, { operation, times: 1 })
        for (let run = 0; run < 5; run++) {
          const plan = yield* Workspace.drift(desired)
          const progress: Array<Workspace.Progress["kind"]> = []
          const report = yield* Workspace.apply(plan, { concurrency: 4, onProgress: (e) => progress.push(e.kind) })
          expect(report.done.length + report.failed.length + report.notStarted.length).toBe(plan.actions.length)
          expect(progress.filter((k) => k === "started")).toHaveLength(report.done.length + report.failed.length)
          if (report.failed.length === 0) continue
          reports.push(report)
          for (const { error } of report.failed) expect(error._tag).toMatch(/StytchApiError|TransportError|UnexpectedResponseError/)
          break
        }
      }
      expect(reports).toHaveLength(faults.length)
      expect(reports.some((r) => r.notStarted.length > 0)).toBe(true)
      const final = yield* Workspace.apply(yield* Workspace.drift(desired))
      expect(final.failed).toEqual([])
      expect(Plan.isEmpty(yield* Workspace.drift(desired))).toBe(true)
      // Every create reached the server once, except the two refused by a fault before the server acted.
      const repeated = Object.entries(createCounts(yield* fake.requests)).filter(([key, n]) =>
        n > 1 && !key.startsWith("publicTokens.create") && !key.startsWith("secrets.create")
      )
      for (const [key, n] of repeated) {
        expect(["environments.create", "redirectURLs.create"], key).toContain(key.split(" ")[0])
        expect(n, key).toBe(2)
      }
      // And the live state holds each resource once: no duplicate profile, token or secret.
      const exported = yield* Workspace.export(desired.projects.map((p) => p.projectSlug))
      for (const project of exported.projects) {
        for (const env of project.environments) {
          expect(env.trustedTokenProfiles?.map((p) => p.name)).toEqual(["legacy-idp", "partner-jwks"])
          expect(env.eventLogStreaming?.map((s) => s.destinationType)).toEqual(["DATADOG", "GRAFANA_LOKI"])
          expect(env.publicTokens).toEqual({ atLeast: 2 })
          expect(env.secrets).toEqual({ atLeast: 1 })
          // (a new TEST environment also starts with the fake's http://localhost:3000 URL)
          expect(env.redirectURLs?.filter((u) => u.url.startsWith("https://"))).toHaveLength(2)
        }
      }
    })), 240_000)

  it.effect("fails an email template whose sender the API did not apply (checks the echo, not just the status)", () =>
    withFake(Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const desired = { version: 1 as const, projects: [consumerProject("echo")] }
      yield* fake.inject(
        Fault.rewrite((body) => {
          const template = { ...(body["email_template"] as Record<string, unknown>) }
          delete template["sender_information"]
          return { ...body, email_template: template }
        }),
        { operation: "emailTemplates.create" }
      )
      const report = yield* Workspace.apply(yield* Workspace.drift(desired), { concurrency: 1 })
      expect(report.failed.map((f) => [f.action.key, f.error._tag, f.error.message])).toEqual([
        ["brand-login", "ConflictError", "email template brand-login: the API did not apply senderInformation (is its domain verified?)"]
      ])
      expect(report.failed[0]!.error).toMatchObject({ reason: "NotApplied" })
    })), 120_000)
})
