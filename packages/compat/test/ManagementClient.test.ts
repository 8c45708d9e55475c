import {
  type ClientConfig,
  ClientError,
  type environments,
  ManagementClient,
  ManagementStytchError,
  type projects,
  RequestError,
  type secrets
} from "@stytch-effect/compat"
import * as HttpClient from "@effect/platform/HttpClient"
import { Credentials, StytchManagement } from "@stytch-effect/core"
import { Api } from "@stytch-effect/resources"
import { FakeManagementApi, Fault } from "@stytch-effect/testing"
import { Layer, Redacted } from "effect"
import { inspect } from "node:util"
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest"
import { rejection } from "./utils.js"

// Every test talks to this fake over real loopback HTTP.
const ACCESS_TOKEN = "test-access-token-compat"
let server: FakeManagementApi.Server

beforeAll(async () => {
  server = await FakeManagementApi.start({ acceptCredentials: [Credentials.accessToken(ACCESS_TOKEN)] })
})
afterAll(() => server.close())
beforeEach(() => server.reset())
afterEach(() => {
  vi.unstubAllEnvs()
})

const clients: Array<ManagementClient> = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
})

const SECRET = () => Redacted.value(server.credentials.keySecret)

/** A client of the served fake: its credentials, no retries unless asked. */
const client = (config: ClientConfig = {}): ManagementClient => {
  const c = new ManagementClient({
    base_url: server.url,
    workspace_key_id: server.credentials.keyID,
    workspace_key_secret: SECRET(),
    max_retries: 0,
    ...config
  })
  clients.push(c)
  return c
}

/** Clears the Stytch variables, whatever the machine running the tests has set. */
const clearEnv = () => {
  for (const name of ["STYTCH_WORKSPACE_KEY_ID", "STYTCH_WORKSPACE_KEY_SECRET", "STYTCH_ACCESS_TOKEN", "STYTCH_MANAGEMENT_BASE_URL"]) {
    vi.stubEnv(name, undefined)
  }
}

/** The error thrown by a function (fails the test if it returns). */
const thrown = (f: () => unknown): unknown => {
  try {
    f()
  } catch (error) {
    return error
  }
  throw new Error("expected the function to throw")
}

describe("every operation through the facade, over loopback HTTP", () => {
  it("runs the 15 operations and returns the camelCase responses", async () => {
    const c = client()

    // projects: create, get, getAll, update
    const created: projects.CreateResponse = await c.projects.create({ name: "Facade", vertical: "B2B" })
    expect(created.project).toMatchObject({ name: "Facade", vertical: "B2B" })
    expect(created.requestID).toMatch(/^request-id-test-/)
    expect(created.statusCode).toBe(200)
    const projectSlug = created.project.projectSlug
    const got: projects.GetResponse = await c.projects.get({ projectSlug })
    expect(got.project).toEqual(created.project)
    const all: projects.GetAllResponse = await c.projects.getAll()
    expect(all.projects.map((p) => p.projectSlug)).toEqual([projectSlug])
    const updated: projects.UpdateResponse = await c.projects.update({ projectSlug, name: "Renamed" })
    expect(updated.project).toMatchObject({ name: "Renamed", vertical: "B2B" })

    // environments: create (LIVE, then TEST), get, getAll, update, getMetrics, delete
    const live: environments.CreateResponse = await c.environments.create({
      projectSlug,
      name: "Production",
      type: "LIVE",
      environmentSlug: "production"
    })
    expect(live.environment).toMatchObject({ environmentSlug: "production", type: "LIVE", projectSlug })
    const test = await c.environments.create({ projectSlug, name: "Staging", type: "TEST", userLockThreshold: 5 })
    const environmentSlug = test.environment.environmentSlug
    expect(test.environment.userLockThreshold).toBe(5)
    const env: environments.GetResponse = await c.environments.get({ projectSlug, environmentSlug })
    expect(env.environment).toEqual(test.environment)
    const envs: environments.GetAllResponse = await c.environments.getAll({ projectSlug })
    expect(envs.environments.map((e) => e.type).sort()).toEqual(["LIVE", "TEST"])
    const renamed = await c.environments.update({ projectSlug, environmentSlug, name: "QA", crossOrgPasswordsEnabled: true })
    expect(renamed.environment).toMatchObject({ name: "QA", crossOrgPasswordsEnabled: true, userLockThreshold: 5 })
    const metrics: environments.GetMetricsResponse = await c.environments.getMetrics({ projectSlug, environmentSlug })
    expect(metrics.metrics).toMatchObject({ userCount: 0, organizationCount: 0, memberCount: 0, m2mClientCount: 0 })
    const deletedEnv = await c.environments.delete({ projectSlug, environmentSlug })
    expect(deletedEnv.statusCode).toBe(200)

    // secrets: create, get, getAll, delete
    const scope = { projectSlug, environmentSlug: "production" }
    const secret: secrets.CreateResponse = await c.secrets.create(scope)
    expect(secret.secret.secret.length).toBeGreaterThan(10)
    const masked: secrets.GetResponse = await c.secrets.get({ ...scope, secretID: secret.secret.secretID })
    expect(masked.secret).toMatchObject({ secretID: secret.secret.secretID, lastFour: secret.secret.secret.slice(-4) })
    expect(masked.secret).not.toHaveProperty("secret")
    const list: secrets.GetAllResponse = await c.secrets.getAll(scope)
    expect(list.secrets.map((s) => s.secretID)).toEqual([secret.secret.secretID])
    await c.secrets.delete({ ...scope, secretID: secret.secret.secretID })
    expect((await c.secrets.getAll(scope)).secrets).toEqual([])

    // projects: delete
    const deleted: projects.DeleteResponse = await c.projects.delete({ projectSlug })
    expect(deleted.requestID).toMatch(/^request-id-test-/)

    // Every endpoint of these three groups was reached, over HTTP, with the right credentials.
    const reached = new Set(server.requests().map((r) => r.operation))
    const groups = new Set(["projects", "environments", "secrets"])
    expect([...reached].sort()).toEqual(
      Api.endpoints.filter((e) => groups.has(e.group)).map((e) => `${e.group}.${e.name}`).sort()
    )
    expect(server.requests().every((r) => r.authorized)).toBe(true)
  })

  it("exposes exactly the operations of each resource module", () => {
    const c = client()
    expect(Object.keys(c.projects).sort()).toEqual(["create", "delete", "get", "getAll", "update"])
    expect(Object.keys(c.environments).sort()).toEqual(["create", "delete", "get", "getAll", "getMetrics", "update"])
    expect(Object.keys(c.secrets).sort()).toEqual(["create", "delete", "get", "getAll"])
  })

  it("authenticates with an access token (Bearer) instead of a workspace key", async () => {
    const c = new ManagementClient({ base_url: server.url, access_token: ACCESS_TOKEN })
    clients.push(c)
    expect((await c.projects.getAll()).projects).toEqual([])
    expect(server.requests()[0]!.authorized).toBe(true)
  })

  it("accepts a Redacted secret", async () => {
    const c = client({ workspace_key_secret: server.credentials.keySecret })
    expect((await c.projects.getAll()).projects).toEqual([])
  })
})

describe("ManagementStytchError", () => {
  it("carries status_code, request_id, error_type, error_message and error_url", async () => {
    const error = await rejection(client().projects.get({ projectSlug: "invalid-slug" }))
    expect(error).toBeInstanceOf(ManagementStytchError)
    expect(error).toBeInstanceOf(Error)
    const e = error as ManagementStytchError
    expect(e.name).toBe("ManagementStytchError")
    expect(e.status_code).toBe(404)
    expect(e.request_id).toMatch(/^request-id-test-/)
    expect(e.error_type).toBe("project_not_found")
    expect(e.error_message).toBe("Project not found: invalid-slug")
    expect(e.error_url).toBe("https://stytch.com/docs/api/errors/404#project_not_found")
    expect(e.message).toContain("project_not_found")
    expect(e.cause._tag).toBe("StytchApiError")
  })

  it("is thrown for an injected 5xx once retries are exhausted", async () => {
    server.inject(Fault.status(503, { retryAfter: 0 }), { times: 2 })
    const error = await rejection(client({ max_retries: 1 }).projects.getAll())
    expect(error).toBeInstanceOf(ManagementStytchError)
    expect((error as ManagementStytchError).status_code).toBe(503)
    expect(server.requests().length).toBe(2)
  })
})

describe("RequestError", () => {
  it("rejects with reason Timeout when the client's timeout elapses", async () => {
    server.inject(Fault.latency("2 seconds"))
    const started = Date.now()
    const error = await rejection(client({ timeout: 100 }).projects.getAll())
    expect(Date.now() - started).toBeLessThan(1000)
    expect(error).toBeInstanceOf(RequestError)
    expect(error).toBeInstanceOf(Error)
    const e = error as RequestError
    expect(e.name).toBe("RequestError")
    expect(e.reason).toBe("Timeout")
    expect(e.method).toBe("GET")
    expect(e.url).toBe(`${server.url}/pwa/v3/projects`)
    expect(e.message).toMatch(/timed out/)
    expect(e.cause._tag).toBe("TransportError")
  })

  it("does not retry a timed-out POST, even with retries on", async () => {
    server.inject(Fault.latency("2 seconds"))
    const error = await rejection(client({ timeout: 100, max_retries: 2 }).projects.create({ name: "once" }))
    expect((error as RequestError).reason).toBe("Timeout")
    expect(server.requests().length).toBe(1)
  })

  it("rejects with reason Network, with the low-level cause, when the connection drops", async () => {
    server.inject(Fault.disconnect)
    const error = await rejection(client().projects.getAll())
    expect(error).toBeInstanceOf(RequestError)
    const e = error as RequestError
    expect(e.reason).toBe("Network")
    expect(e.cause.cause).toBeDefined()
  })

  it("rejects with reason ConnectionRefused when nothing listens", async () => {
    const gone = await FakeManagementApi.start()
    await gone.close()
    const error = await rejection(client({ base_url: gone.url }).projects.getAll())
    expect(error).toBeInstanceOf(RequestError)
    expect((error as RequestError).reason).toBe("ConnectionRefused")
  })
})

describe("ClientError", () => {
  it("MISSING_PATH_PARAMETER for an empty path parameter, before any request", async () => {
    const c = client()
    const cases: ReadonlyArray<readonly [string, Promise<unknown>]> = [
      ["projectSlug", c.projects.get({ projectSlug: "" })],
      ["projectSlug", c.projects.update({ projectSlug: "  ", name: "x" })],
      ["projectSlug", c.projects.delete({ projectSlug: "" })],
      ["projectSlug", c.environments.getAll({ projectSlug: "" })],
      ["environmentSlug", c.environments.get({ projectSlug: "p", environmentSlug: "" })],
      ["environmentSlug", c.environments.getMetrics({ projectSlug: "p", environmentSlug: "" })],
      ["environmentSlug", c.secrets.create({ projectSlug: "p", environmentSlug: "" })],
      ["secretID", c.secrets.get({ projectSlug: "p", environmentSlug: "e", secretID: "" })],
      ["secretID", c.secrets.delete({ projectSlug: "p", environmentSlug: "e", secretID: "" })]
    ]
    for (const [field, promise] of cases) {
      const error = await rejection(promise)
      expect(error).toBeInstanceOf(ClientError)
      expect(error).toBeInstanceOf(Error)
      const e = error as ClientError
      expect(e.name).toBe("ClientError")
      expect(e.code).toBe("MISSING_PATH_PARAMETER")
      expect(e.message).toBe(`${field} cannot be empty`)
      expect(e.field).toBe(field)
    }
    expect(server.requests()).toEqual([])
  })

  it("INVALID_PATH_PARAMETER for a dot segment, before any request", async () => {
    const error = await rejection(client().projects.get({ projectSlug: ".." }))
    expect(error).toBeInstanceOf(ClientError)
    expect((error as ClientError).code).toBe("INVALID_PATH_PARAMETER")
    expect((error as ClientError).field).toBe("projectSlug")
    expect(server.requests()).toEqual([])
  })

  it("INVALID_REQUEST for a body that does not match the schema, before any request", async () => {
    const error = await rejection(client().projects.create({ name: 42 } as any))
    expect(error).toBeInstanceOf(ClientError)
    const e = error as ClientError
    expect(e.code).toBe("INVALID_REQUEST")
    expect(e.field).toBe("name")
    expect(e.message).toMatch(/name/)
    expect(server.requests()).toEqual([])
  })

  it("INVALID_REQUEST for a per-call option written in the request (JavaScript), before any request", async () => {
    const controller = new AbortController()
    const c = client()
    const inRequest = [
      await rejection(c.projects.getAll({ signal: controller.signal } as any)),
      await rejection(c.projects.get({ projectSlug: "p", timeout: 500 } as any))
    ]
    expect(inRequest.map((e) => [(e as ClientError).code, (e as Error).message])).toEqual([
      ["INVALID_REQUEST", "signal: not a field of the projects.getAll request; per-call options are the second argument: projects.getAll(request, { signal })"],
      ["INVALID_REQUEST", "timeout: not a field of the projects.get request; per-call options are the second argument: projects.get(request, { timeout })"]
    ])
    expect(server.requests()).toEqual([])
    // In their place they work.
    await expect(c.projects.getAll({}, { signal: controller.signal, timeout: 5000 })).resolves.toMatchObject({ projects: [] })
  })

  it("INVALID_REQUEST for a per-call option spelt as in the config (max_retries), before any request", async () => {
    const c = client()
    const error = await rejection(c.projects.getAll(undefined, { max_retries: 0 } as any)) as ClientError
    expect([error.code, error.field, error.message]).toEqual(["INVALID_REQUEST", "max_retries", "max_retries: no such option; did you mean maxRetries?"])
    expect(server.requests()).toEqual([])
  })

  it("UNEXPECTED_RESPONSE for a body that does not decode, with status and request id", async () => {
    server.inject(Fault.malformed(200))
    const malformed = await rejection(client().projects.getAll())
    expect(malformed).toBeInstanceOf(ClientError)
    expect((malformed as ClientError).code).toBe("UNEXPECTED_RESPONSE")
    expect((malformed as ClientError).status_code).toBe(200)

    server.inject(Fault.rewrite((body) => ({ ...body, projects: "not a list" })))
    const rewritten = await rejection(client().projects.getAll())
    const e = rewritten as ClientError
    expect(e.code).toBe("UNEXPECTED_RESPONSE")
    expect(e.status_code).toBe(200)
    expect(e.request_id).toMatch(/^request-id-test-/)
    expect(e.message).toMatch(/projects/)
    expect(e.message).not.toContain("not a list")
  })

  it("CLIENT_CLOSED after close(); close is idempotent and [Symbol.asyncDispose] closes", async () => {
    const c = client()
    await c.projects.getAll()
    await c.close()
    await c.close()
    const error = await rejection(c.projects.getAll())
    expect((error as ClientError).code).toBe("CLIENT_CLOSED")
    const d = client()
    await d[Symbol.asyncDispose]()
    expect(((await rejection(d.projects.getAll())) as ClientError).code).toBe("CLIENT_CLOSED")
  })
})

describe("construction", () => {
  it("MISSING_CREDENTIALS when neither the config nor the environment has credentials", () => {
    clearEnv()
    for (const config of [undefined, {}, { base_url: server.url }, { workspace_key_id: "", workspace_key_secret: "" }]) {
      const error = thrown(() => new ManagementClient(config))
      expect(error).toBeInstanceOf(ClientError)
      expect((error as ClientError).code).toBe("MISSING_CREDENTIALS")
      expect((error as ClientError).message).toMatch(/STYTCH_WORKSPACE_KEY_ID and STYTCH_WORKSPACE_KEY_SECRET/)
      expect((error as ClientError).message).toMatch(/workspace_key_id and workspace_key_secret/)
    }
  })

  it("MISSING_CREDENTIALS for half a workspace key, naming the missing half", () => {
    clearEnv()
    vi.stubEnv("STYTCH_WORKSPACE_KEY_SECRET", "from-env-must-not-be-mixed")
    const error = thrown(() => new ManagementClient({ workspace_key_id: "key-id" })) as ClientError
    expect(error.code).toBe("MISSING_CREDENTIALS")
    expect(error.message).toMatch(/workspace_key_secret is missing/)
    const other = thrown(() => new ManagementClient({ workspace_key_secret: "s3cr3t-value" })) as ClientError
    expect(other.code).toBe("MISSING_CREDENTIALS")
    expect(other.message).toMatch(/workspace_key_id is missing/)
    expect(other.message).not.toContain("s3cr3t-value")
  })

  it("MISSING_CREDENTIALS for half a workspace key in the environment, naming the missing half", () => {
    clearEnv()
    vi.stubEnv("STYTCH_WORKSPACE_KEY_ID", "key-id-from-env")
    const error = thrown(() => new ManagementClient()) as ClientError
    expect(error.code).toBe("MISSING_CREDENTIALS")
    expect(error.message).toMatch(/^Missing "workspace_key_secret" in config: STYTCH_WORKSPACE_KEY_ID is set, STYTCH_WORKSPACE_KEY_SECRET is missing/)
    clearEnv()
    vi.stubEnv("STYTCH_WORKSPACE_KEY_SECRET", "s3cr3t-value")
    const other = thrown(() => new ManagementClient()) as ClientError
    expect(other.code).toBe("MISSING_CREDENTIALS")
    expect(other.message).toMatch(/^Missing "workspace_key_id" in config: pass workspace_key_id and workspace_key_secret/)
    expect(other.message).not.toContain("s3cr3t-value")
  })

  it("falls back to STYTCH_WORKSPACE_KEY_ID / _SECRET (and STYTCH_MANAGEMENT_BASE_URL)", async () => {
    clearEnv()
    vi.stubEnv("STYTCH_WORKSPACE_KEY_ID", server.credentials.keyID)
    vi.stubEnv("STYTCH_WORKSPACE_KEY_SECRET", SECRET())
    vi.stubEnv("STYTCH_MANAGEMENT_BASE_URL", server.url)
    const c = new ManagementClient()
    clients.push(c)
    expect(String(c)).toContain("credentials_from: environment")
    expect((await c.projects.getAll()).projects).toEqual([])
    // An explicit base_url wins over the environment's.
    const explicit = new ManagementClient({ base_url: "https://example.test" })
    clients.push(explicit)
    expect(String(explicit)).toContain(`base_url: "https://example.test"`)
  })

  it("falls back to STYTCH_ACCESS_TOKEN", async () => {
    clearEnv()
    vi.stubEnv("STYTCH_ACCESS_TOKEN", ACCESS_TOKEN)
    const c = new ManagementClient({ base_url: server.url, max_retries: 0 })
    clients.push(c)
    expect((await c.projects.getAll()).projects).toEqual([])
  })

  it("INVALID_BASE_URL, synchronously, for http: to a non-loopback host or a malformed URL", () => {
    for (const base_url of ["http://example.com", "http://10.0.0.1:8080", "not a url", "ftp://example.com"]) {
      const error = thrown(() => new ManagementClient({ base_url, workspace_key_id: "id", workspace_key_secret: "s3cr3t-value" }))
      expect(error).toBeInstanceOf(ClientError)
      expect((error as ClientError).code).toBe("INVALID_BASE_URL")
      expect((error as ClientError).message).not.toContain("s3cr3t-value")
    }
    const http = thrown(() => new ManagementClient({ base_url: "http://example.com", access_token: "t" })) as ClientError
    expect(http.message).toMatch(/https:/)
    // Loopback http: and any https: are fine.
    for (const base_url of ["http://localhost:1", "http://127.0.0.1:2", "http://[::1]:3", "https://example.com"]) {
      clients.push(new ManagementClient({ base_url, access_token: "t" }))
    }
  })

  it("INVALID_CONFIG for a bad timeout or max_retries, or both kinds of credentials", () => {
    const base = { base_url: server.url, access_token: "t" }
    for (const config of [{ ...base, timeout: 0 }, { ...base, timeout: -1 }, { ...base, timeout: Number.NaN }, {
      ...base,
      max_retries: 1.5
    }, { ...base, workspace_key_id: "id", workspace_key_secret: "x" }]) {
      const error = thrown(() => new ManagementClient(config))
      expect((error as ClientError).code).toBe("INVALID_CONFIG")
    }
  })

  it("INVALID_CONFIG for a config that is not an object (JavaScript), not a TypeError", () => {
    for (const [config, got] of [[null, "null"], ["workspace-key", "string"]] as const) {
      const error = thrown(() => new ManagementClient(config as never)) as ClientError
      expect([error.code, error.message]).toEqual(["INVALID_CONFIG", `the config of new ManagementClient(…) must be an object, got ${got}`])
    }
  })

  it("INVALID_CONFIG for an option spelt another way (baseURL), not a silent call to production", () => {
    const base = { workspace_key_id: "id", workspace_key_secret: "s3cr3t-value" }
    for (
      const [config, message] of [
        [{ ...base, baseURL: server.url }, "baseURL: no such option; did you mean base_url?"],
        [{ ...base, custom_base_url: server.url }, "custom_base_url: no such option; did you mean base_url?"],
        [{ ...base, maxRetries: 0 }, "maxRetries: no such option; did you mean max_retries?"],
        [{ ...base, workspaceKeySecret: "x", workspace_key_secret: undefined }, "workspaceKeySecret: no such option; did you mean workspace_key_secret?"]
      ] as const
    ) {
      // A JavaScript caller's config: TypeScript refuses these keys.
      const error = thrown(() => new ManagementClient(config as never)) as ClientError
      expect(error.code).toBe("INVALID_CONFIG")
      expect(error.message).toBe(message)
    }
    // Beside the option itself, or unlike any option, a key is still ignored.
    clients.push(new ManagementClient({ ...base, base_url: server.url, baseURL: "x", dispatcher: {}, constructor: 1 } as never))
  })
})

describe("secrets stay secret", () => {
  it("the key secret appears in no toString, inspect or JSON of the client", () => {
    const secret = SECRET()
    const c = client()
    for (const text of [String(c), `${c}`, inspect(c), inspect(c, { showHidden: true, depth: 10 }), JSON.stringify(c), JSON.stringify({ c })]) {
      expect(text).not.toContain(secret)
      expect(text).toContain(server.credentials.keyID)
    }
    expect(String(c)).toContain("workspace_key_secret: <redacted>")
    const token = new ManagementClient({ access_token: "tok-s3cr3t-value" })
    clients.push(token)
    expect(inspect(token)).not.toContain("tok-s3cr3t-value")
    expect(String(token)).toContain("access_token: <redacted>")
  })

  it("errors of a request do not mention the secret", async () => {
    server.inject(Fault.latency("2 seconds"))
    const timeout = await rejection(client({ timeout: 50 }).projects.getAll())
    const notFound = await rejection(client().projects.get({ projectSlug: "nope" }))
    for (const error of [timeout, notFound]) {
      expect(inspect(error, { depth: 10 })).not.toContain(SECRET())
    }
  })
})

describe("building a client from a layer or a transport", () => {
  it("ManagementClient.fromLayer runs over any StytchManagement layer (the in-memory fake)", async () => {
    const c = ManagementClient.fromLayer(FakeManagementApi.layer())
    clients.push(c)
    const { project } = await c.projects.create({ name: "In memory" })
    expect((await c.projects.get({ projectSlug: project.projectSlug })).project.name).toBe("In memory")
    expect(String(c)).toBe("ManagementClient { layer: <custom> }")
    expect(server.requests()).toEqual([])
  })

  it("a layer that fails rejects calls with INVALID_CONFIG", async () => {
    const c = ManagementClient.fromLayer(
      StytchManagement.layer({ credentials: Credentials.accessToken("t"), baseURL: "http://example.com" })
    )
    clients.push(c)
    const error = await rejection(c.projects.getAll())
    expect(error).toBeInstanceOf(ClientError)
    expect((error as ClientError).code).toBe("INVALID_CONFIG")
  })

  it("options.httpClient swaps the transport (an HttpClient or a layer)", async () => {
    const fake = FakeManagementApi.make()
    const config = {
      workspace_key_id: fake.credentials.keyID,
      workspace_key_secret: fake.credentials.keySecret
    }
    const viaClient = new ManagementClient(config, { httpClient: fake.httpClient })
    const viaLayer = new ManagementClient(config, {
      httpClient: Layer.succeed(HttpClient.HttpClient, fake.httpClient)
    })
    clients.push(viaClient, viaLayer)
    const { project } = await viaClient.projects.create({ name: "Custom transport" })
    expect((await viaLayer.projects.get({ projectSlug: project.projectSlug })).project.name).toBe("Custom transport")
    expect(fake.server.requests.map((r) => r.operation)).toEqual(["projects.create", "projects.get"])
  })
})
