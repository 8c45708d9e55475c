import { type ClientConfig, ManagementClient, type projects } from "@stytch-effect/compat"
import { FakeManagementApi } from "@stytch-effect/testing"
import * as Redacted from "effect/Redacted"
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest"

/**
 * Serves a fake over real loopback HTTP for the calling test file (reset
 * before each test) and returns a factory of facade clients of it (closed
 * after each test).
 */
export const useServedFake = () => {
  let server: FakeManagementApi.Server | undefined
  const clients: Array<ManagementClient> = []
  beforeAll(async () => {
    server = await FakeManagementApi.start()
  })
  afterAll(() => server?.close())
  beforeEach(() => server?.reset())
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()))
  })
  const served = () => {
    if (server === undefined) throw new Error("the served fake is not running")
    return server
  }
  return {
    server: served,
    client: (config: ClientConfig = {}): ManagementClient => {
      const s = served()
      const client = new ManagementClient({
        base_url: s.url,
        workspace_key_id: s.credentials.keyID,
        workspace_key_secret: Redacted.value(s.credentials.keySecret),
        max_retries: 0,
        ...config
      })
      clients.push(client)
      return client
    }
  }
}

/** A project of the vertical with its LIVE environment; returns the LIVE environment's scope. */
export const liveProject = async (client: ManagementClient, vertical: projects.Vertical = "B2B") => {
  const { project } = await client.projects.create({ name: "Disposable Project", vertical })
  const { environment } = await client.environments.create({
    projectSlug: project.projectSlug,
    name: "production",
    type: "LIVE",
    environmentSlug: "production"
  })
  return { projectSlug: project.projectSlug, environmentSlug: environment.environmentSlug }
}

/** A project of the vertical with its LIVE environment and a TEST one; returns the TEST environment's scope. */
export const testEnvironment = async (client: ManagementClient, vertical: projects.Vertical = "B2B") => {
  const { projectSlug } = await liveProject(client, vertical)
  const { environment } = await client.environments.create({ projectSlug, name: "test", type: "TEST" })
  return { projectSlug, environmentSlug: environment.environmentSlug }
}

/** The rejection of a promise; fails the test if the promise resolves. */
export const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error("expected the promise to reject")
}
