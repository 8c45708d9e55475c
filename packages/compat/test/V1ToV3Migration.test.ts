import { ClientError, ManagementStytchError } from "@stytch-effect/compat"
import { Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { liveProject, testEnvironment, useServedFake } from "./utils.js"

const { client, server } = useServedFake()

describe("client.v1ToV3Migration", () => {
  it("getProjects and getProject (by live or test project id)", async () => {
    const c = client()
    expect((await c.v1ToV3Migration.getProjects()).projects).toEqual([])
    const { projectSlug } = await testEnvironment(c, "B2B")
    const { environments } = await c.environments.getAll({ projectSlug })
    const live = environments.find((e) => e.type === "LIVE")!
    const test = environments.find((e) => e.type === "TEST")!

    const all = await c.v1ToV3Migration.getProjects()
    expect(all.statusCode).toBe(200)
    expect(all.requestID).not.toBe("")
    expect(all.projects).toHaveLength(1)
    const legacy = all.projects[0]!
    expect(legacy).toMatchObject({
      liveProjectID: live.projectID,
      liveProjectSlug: live.environmentSlug,
      testProjectID: test.projectID,
      testProjectSlug: test.environmentSlug,
      projectSlug,
      name: "Disposable Project",
      vertical: "B2B"
    })
    expect(legacy.createdAt).not.toBe("")

    const byLive = await c.v1ToV3Migration.getProject({ projectID: legacy.liveProjectID })
    expect(byLive.project).toEqual(legacy)
    expect(byLive.statusCode).toBe(200)
    const byTest = await c.v1ToV3Migration.getProject({ projectID: legacy.testProjectID })
    expect(byTest.project).toEqual(legacy)
    expect(server().requests().at(-1)?.path).toBe(`/web/v1/projects/${legacy.testProjectID}`)
  })

  it("getProject of an unknown id is a 404", async () => {
    const c = client()
    await liveProject(c, "B2B")
    const error = await c.v1ToV3Migration.getProject({ projectID: "project-live-nope" }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ManagementStytchError)
    expect((error as ManagementStytchError).status_code).toBe(404)
    expect((error as ManagementStytchError).error_type).toBe("project_not_found")
  })

  it("the served fake's legacy bodies have request_id but no status_code, like the real /web/v1 API", async () => {
    const c = client()
    await liveProject(c, "B2B")
    const s = server()
    const response = await fetch(`${s.url}/web/v1/projects`, {
      headers: {
        authorization: `Basic ${btoa(`${s.credentials.keyID}:${Redacted.value(s.credentials.keySecret)}`)}`
      }
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(typeof body.request_id).toBe("string")
    expect(body).not.toHaveProperty("status_code")
    expect(body.projects).toHaveLength(1)
  })

  it("MISSING_PATH_PARAMETER for an empty projectID, before any request", async () => {
    const error = await client().v1ToV3Migration.getProject({ projectID: "" }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClientError)
    expect((error as ClientError).code).toBe("MISSING_PATH_PARAMETER")
    expect((error as ClientError).message).toBe("projectID cannot be empty")
    expect(server().requests()).toEqual([])
  })
})
