import { ManagementStytchError } from "@stytch-effect/compat"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Redacted } from "effect"
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest"
import { seedReadme } from "../../../examples/seed-readme.js"

// The seed README's snippets (examples/seed-readme.ts), run against the fake
// served over loopback HTTP, with the credentials read from the environment
// as the README reads them.
let server: FakeManagementApi.Server
beforeAll(async () => {
  server = await FakeManagementApi.start()
})
afterAll(() => server.close())
afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe("the seed README", () => {
  it("runs unchanged against the facade and prints what the README says", async () => {
    vi.stubEnv("STYTCH_WORKSPACE_KEY_ID", server.credentials.keyID)
    vi.stubEnv("STYTCH_WORKSPACE_KEY_SECRET", Redacted.value(server.credentials.keySecret))
    const log = vi.spyOn(console, "log").mockImplementation(() => {})
    const error = vi.spyOn(console, "error").mockImplementation(() => {})

    const result = await seedReadme(server.url)
    await result.client.close()

    expect(result.newProject).toMatchObject({ name: "My new project", vertical: "B2B" })
    expect(result.liveEnv).toMatchObject({ type: "LIVE", projectSlug: result.newProject.projectSlug })
    expect(result.customEnv).toMatchObject({ type: "TEST", name: "My custom environment" })
    expect(result.secret.secretID).toMatch(/^secret-live-/)
    expect(result.typedResponse.project).toMatchObject({ name: "My project", vertical: "B2B" })
    expect(result.error).toBeInstanceOf(ManagementStytchError)
    expect(result.error.error_type).toBe("project_not_found")

    expect(result.consumerProject).toMatchObject({ vertical: "CONSUMER" })
    expect(result.consumerSDKConfig.dfppa).toEqual({ enabled: "DISABLED", onChallenge: "ALLOW" })
    expect(result.consumerSDKConfig.sessions).toEqual({ maxSessionDurationMinutes: 60 })

    expect(log.mock.calls).toEqual([
      [`Created project: ${result.newProject.projectSlug}`],
      [`Live environment: ${result.liveEnv.environmentSlug}`],
      [`Created environment: ${result.customEnv.environmentSlug}`],
      [`Created secret: ${result.secret.secretID}`],
      ["Consumer SDK config:", result.consumerSDKConfig]
    ])
    expect(error.mock.calls.map((args) => args.join(" "))).toEqual([
      "Stytch error: project_not_found",
      "Message: Project not found: invalid-slug",
      `Request ID: ${result.error.request_id}`
    ])
    // The secret's value is never printed.
    expect(JSON.stringify([log.mock.calls, error.mock.calls])).not.toContain(result.secret.secret)

    expect(server.requests().map((r) => r.operation)).toEqual([
      "projects.create",
      "environments.create",
      "environments.getAll",
      "environments.create",
      "secrets.create",
      "projects.create",
      "environments.create",
      "sdk.getConsumerConfig",
      "projects.create",
      "projects.get"
    ])
  })
})
