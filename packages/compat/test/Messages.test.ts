import * as compat from "@stytch-effect/compat"
import { ClientError, ManagementStytchError, ProjectClient, RequestError, StytchError } from "@stytch-effect/compat"
import { Fault } from "@stytch-effect/testing"
import { describe, expect, it } from "vitest"
import { liveProject, rejection, useServedFake } from "./utils.js"

// The promise-facade side of packages/core/test/Messages.test.ts: what a
// plain JavaScript caller (no types to warn them) is told.

const untyped = <T>(value: unknown) => value as T

describe("messages a JavaScript caller can act on", () => {
  const { client, server } = useServedFake()

  it("an enum mismatch names the received value and the allowed ones, in one line", async () => {
    const error = await rejection(client().projects.create({ name: "x", vertical: untyped<compat.projects.Vertical>("B2C_TYPO") }))
    expect(error).toBeInstanceOf(ClientError)
    expect(error).toMatchObject({
      code: "INVALID_REQUEST",
      field: "vertical",
      message: `vertical: expected one of "ALL" | "CONSUMER" | "B2B", received "B2C_TYPO"`
    })
    expect(server().requests()).toEqual([])
  })

  it("a snake_case key where a camelCase field exists says which field was meant", async () => {
    const c = client()
    const path = await rejection(c.environments.getAll(untyped<compat.environments.GetAllRequest>({ project_slug: "x" })))
    expect(path).toMatchObject({
      code: "MISSING_PATH_PARAMETER",
      field: "projectSlug",
      message: "project_slug: no such field; did you mean projectSlug?"
    })
    const body = await rejection(c.projects.create(untyped<compat.projects.CreateRequest>({ name: "x", project_slug: "chosen" })))
    expect(body).toMatchObject({ code: "INVALID_REQUEST", message: "project_slug: no such field; did you mean projectSlug?" })
    expect(server().requests()).toEqual([])
  })

  it("the type namespaces carry no runtime operation: calling one is a TypeError, not a quietly resolved Effect", async () => {
    const namespaces = compat as unknown as Record<string, Record<string, unknown>>
    const names = [
      "projects", "environments", "secrets", "redirectURLs", "redirecturls", "publicTokens", "publictokens",
      "countryCodeAllowlist", "country_code_allowlist", "jwtTemplates", "jwttemplates", "passwordStrengthConfig",
      "passwordstrengthconfig", "rbacPolicy", "rbacpolicy", "sdk", "emailTemplates", "emailtemplates",
      "eventLogStreaming", "event_log_streaming", "trustedTokenProfiles", "trustedtokenprofiles", "v1ToV3Migration", "m2m"
    ]
    for (const name of names) {
      // Importable (`import { projects } from …`, as in the official SDK's README), and empty at runtime.
      expect(typeof namespaces[name], name).toBe("object")
      expect(Object.keys(namespaces[name]!), name).toEqual([])
    }
    const { projects } = namespaces
    expect(() => (projects!.getAll as () => unknown)()).toThrow(TypeError)
    expect(() => (projects!.getAll as () => unknown)()).toThrow(/getAll is not a function/)
  })

  it("every API error either client throws is a compat StytchError; a ManagementClient's keeps its own class and fields", async () => {
    const c = client()
    const notFound = await rejection(c.projects.get({ projectSlug: "no-such-project" }))
    expect(notFound).toBeInstanceOf(StytchError)
    expect(notFound).toBeInstanceOf(ManagementStytchError)
    expect(notFound).toBeInstanceOf(Error)
    expect(notFound).toMatchObject({
      name: "ManagementStytchError",
      status_code: 404,
      error_type: "project_not_found",
      request_id: expect.stringMatching(/^request-id-test-/)
    })
    const scope = await liveProject(c)
    const { environment } = await c.environments.get(scope)
    const { secret } = await c.secrets.create(scope)
    const project = new ProjectClient({ project_id: environment.projectID, secret: secret.secret, custom_base_url: server().url })
    try {
      const projectError = await rejection(project.m2m.clients.get({ client_id: "no-such-client" }))
      expect(projectError).toBeInstanceOf(StytchError)
      expect(projectError).not.toBeInstanceOf(ManagementStytchError)
    } finally {
      await project.close()
    }
  })

  it("a timeout after retries says how many attempts were made, over how long", async () => {
    server().inject(Fault.latency("10 seconds"), { operation: "projects.getAll", times: 3 })
    const c = client({ timeout: 20, max_retries: 2, max_retry_delay: 40 })
    const error = await rejection(c.projects.getAll())
    expect(error).toBeInstanceOf(RequestError)
    expect(error).toMatchObject({ reason: "Timeout" })
    expect((error as RequestError).message).toMatch(
      /^request timed out after 20ms: GET \S+\/pwa\/v3\/projects \(3 attempts over \d+ms, waits between them included\)$/
    )
  })
})
