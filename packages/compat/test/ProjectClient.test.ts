import { inspect } from "node:util"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { ClientError, type m2m, ManagementStytchError, ProjectClient, StytchError } from "@stytch-effect/compat"
import type { M2M, M2MClients } from "@stytch-effect/resources"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import { FakeManagementApi } from "@stytch-effect/testing"
import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest"
import { type HostileServer, hostileServer, ok, silent } from "../../core/test/fixtures/hostileServer.js"
import { liveProject, rejection, useServedFake } from "./utils.js"

describe("ProjectClient", () => {
  const { client, server } = useServedFake()
  const opened: Array<ProjectClient> = []
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()))
  })

  /** A LIVE environment, a secret created through the Management API, and a ProjectClient authenticated with it. */
  const setup = async () => {
    const management = client()
    const scope = await liveProject(management)
    const { environment } = await management.environments.get(scope)
    const { secret } = await management.secrets.create(scope)
    const project = new ProjectClient({
      project_id: environment.projectID,
      secret: secret.secret,
      custom_base_url: server().url,
      max_retries: 0
    })
    opened.push(project)
    return { management, scope, environment, secret, project }
  }

  /** Whether a value is plain JSON data: plain objects and arrays all the way down, no class instance, no Redacted. */
  const isPlainJSON = (value: unknown): boolean => {
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) return true
    if (Array.isArray(value)) return value.every(isPlainJSON)
    return typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype &&
      Object.values(value as object).every(isPlainJSON)
  }
  const roundTrips = (value: unknown) => expect(JSON.parse(JSON.stringify(value))).toEqual(value)

  it("every M2M client operation round-trips over HTTP: stytch-node's snake_case fields, plain JSON objects", async () => {
    const { project } = await setup()
    const created = await project.m2m.clients.create({
      scopes: ["read:users"],
      client_name: "billing",
      client_description: "the billing service",
      trusted_metadata: { team: "payments" }
    })
    expect(Object.keys(created).sort()).toEqual(["m2m_client", "request_id", "status_code"])
    const { m2m_client } = created
    expect(Object.keys(m2m_client).sort()).toEqual([
      "client_description",
      "client_id",
      "client_name",
      "client_secret",
      "client_secret_last_four",
      "scopes",
      "status",
      "trusted_metadata"
    ])
    expect(typeof m2m_client.client_secret).toBe("string")
    expect(m2m_client.client_secret_last_four).toBe(m2m_client.client_secret.slice(-4))
    expect(isPlainJSON(created)).toBe(true)
    roundTrips(created)
    const { client_id } = m2m_client
    const got = await project.m2m.clients.get({ client_id })
    expect(got.m2m_client).toMatchObject({ client_name: "billing", trusted_metadata: { team: "payments" }, status: "active" })
    expect("client_secret" in got.m2m_client).toBe(false)
    const updated = await project.m2m.clients.update({ client_id, client_description: "d", status: "inactive" })
    expect(updated.m2m_client).toMatchObject({ client_description: "d", status: "inactive" })
    const found = await project.m2m.clients.search({
      limit: 10,
      query: { operator: "AND", operands: [{ filter_name: "client_id", filter_value: [client_id] }] }
    })
    expect(found.m2m_clients.map((c) => c.client_id)).toEqual([client_id])
    expect(found.results_metadata.total).toBe(1)
    const started = await project.m2m.clients.secrets.rotateStart({ client_id })
    expect(typeof started.m2m_client.next_client_secret).toBe("string")
    expect(started.m2m_client.next_client_secret_last_four).toBe(started.m2m_client.next_client_secret.slice(-4))
    await project.m2m.clients.secrets.rotateCancel({ client_id })
    await project.m2m.clients.secrets.rotateStart({ client_id })
    const rotated = await project.m2m.clients.secrets.rotate({ client_id })
    expect(rotated.m2m_client.next_client_secret_last_four).toBeUndefined()
    const deleted = await project.m2m.clients.delete({ client_id })
    expect(deleted).toMatchObject({ client_id, status_code: 200 })
    for (const response of [got, updated, found, started, rotated, deleted]) {
      expect(isPlainJSON(response)).toBe(true)
      roundTrips(response)
    }
    // stytch-node's client.m2m.clients has no flat rotation methods.
    expect(Object.keys(project.m2m.clients).sort()).toEqual(["create", "delete", "get", "search", "searchAll", "secrets", "update"])
    expect(Object.keys(project.m2m.clients.secrets).sort()).toEqual(["rotate", "rotateCancel", "rotateStart"])

    const error = await rejection(project.m2m.clients.get({ client_id }))
    expect(error).toBeInstanceOf(StytchError)
    expect(error).not.toBeInstanceOf(ManagementStytchError)
    expect(error).toMatchObject({ name: "StytchError", status_code: 404, error_type: "m2m_client_not_found" })
    expect(typeof (error as StytchError).request_id).toBe("string")
    expect((error as StytchError).error_url).toMatch(/^https:/)
    const missing = await rejection(project.m2m.clients.get({ client_id: "" }))
    expect(missing).toMatchObject({ code: "MISSING_PATH_PARAMETER", field: "client_id", message: "client_id cannot be empty" })
    const camel = await rejection(project.m2m.clients.get({ clientID: client_id } as never))
    expect(camel).toMatchObject({ code: "MISSING_PATH_PARAMETER", field: "client_id" })
    const status = await rejection(project.m2m.clients.update({ client_id, status: "paused" as never }))
    expect(status).toMatchObject({ code: "INVALID_REQUEST", field: "status" })
    const secret = "weak-but-secret-value"
    const typo = await rejection(project.m2m.clients.create({ scopes: "read:users" as never, client_secret: secret }))
    expect(typo).toMatchObject({ code: "INVALID_REQUEST", field: "scopes" })
    expect(String((typo as Error).message)).not.toContain(secret)
  })

  it("searchAll iterates over every page", async () => {
    const { project } = await setup()
    for (let i = 0; i < 5; i++) await project.m2m.clients.create({ scopes: [], client_name: `c${i}` })
    const names: Array<string> = []
    for await (const c of project.m2m.clients.searchAll({ limit: 2 })) names.push(c.client_name)
    expect(names).toEqual(["c0", "c1", "c2", "c3", "c4"])
  })

  it("token and authenticateToken with stytch-node's names; JWT failures are ClientErrors with its codes", async () => {
    const { project } = await setup()
    const { m2m_client } = await project.m2m.clients.create({ scopes: ["read:users", "write:users"] })
    const token = await project.m2m.token({ client_id: m2m_client.client_id, client_secret: m2m_client.client_secret })
    expect(typeof token.access_token).toBe("string")
    expect(token).toMatchObject({ token_type: "bearer", expires_in: 3600, status_code: 200 })
    expect(isPlainJSON(token)).toBe(true)
    const again = await project.m2m.token({ client_id: m2m_client.client_id, client_secret: m2m_client.client_secret })
    expect(again.access_token).toBe(token.access_token)
    expect(server().requests().filter((r) => r.operation === "m2m.token")).toHaveLength(1)
    const { access_token } = await project.m2m.token({ ...m2m_client, scopes: ["read:users"] })
    const verified = await project.m2m.authenticateToken({ access_token, required_scopes: ["read:users"], max_token_age_seconds: 60 })
    expect(verified).toEqual({ client_id: m2m_client.client_id, scopes: ["read:users"], custom_claims: {} })
    expect(isPlainJSON(verified)).toBe(true)

    const scopes = await rejection(project.m2m.authenticateToken({ access_token, required_scopes: ["write:users"] }))
    expect(scopes).toBeInstanceOf(ClientError)
    expect(scopes).toMatchObject({ code: "missing_scopes", cause: ["write:users"] })
    expect((scopes as Error).message).toMatch(/^missing_scopes: /)
    const old = await rejection(project.m2m.authenticateToken({ access_token, max_token_age_seconds: 0 }))
    expect(old).toMatchObject({ code: "jwt_too_old" })
    // The option as the caller spelt it.
    expect((old as Error).message).toBe("jwt_too_old: the token is older than max_token_age_seconds (0)")
    const bad = await rejection(project.m2m.authenticateToken({ access_token: "not.a.jwt" }))
    expect(bad).toMatchObject({ code: "jwt_invalid" })
    expect((bad as Error).message).toMatch(/^jwt_invalid: /)
    const wrong = await rejection(project.m2m.token({ client_id: m2m_client.client_id, client_secret: "wrong-secret" }))
    expect(wrong).toBeInstanceOf(StytchError)
    expect(wrong).toMatchObject({ status_code: 401, error_type: "invalid_client" })
  })

  it("authenticateToken(params, authorizationCheck): stytch-node's semantics for the check function", async () => {
    const { project } = await setup()
    const { m2m_client } = await project.m2m.clients.create({ scopes: ["read:users"] })
    const { access_token } = await project.m2m.token(m2m_client)
    const calls: Array<unknown> = []
    const allow = (scopes: { hasScopes: Array<string>; requiredScopes: Array<string> }) => {
      calls.push(scopes)
      return true
    }
    // Not called without required scopes.
    await project.m2m.authenticateToken({ access_token }, allow)
    await project.m2m.authenticateToken({ access_token, required_scopes: [] }, allow)
    expect(calls).toEqual([])
    // Replaces the default check: it may grant what the default would refuse, and refuse what it would grant.
    const granted = await project.m2m.authenticateToken({ access_token, required_scopes: ["admin:all"] }, allow)
    expect(granted.client_id).toBe(m2m_client.client_id)
    expect(calls).toEqual([{ hasScopes: ["read:users"], requiredScopes: ["admin:all"] }])
    const refused = await rejection(project.m2m.authenticateToken({ access_token, required_scopes: ["read:users"] }, () => false))
    expect(refused).toMatchObject({ code: "missing_scopes", cause: ["read:users"] })
    // A check that throws rejects with what it threw.
    const boom = new Error("boom")
    expect(await rejection(project.m2m.authenticateToken({ access_token, required_scopes: ["x"] }, () => {
      throw boom
    }))).toBe(boom)
    // Per-call options are the third argument; options passed second are refused.
    expect(await rejection(project.m2m.authenticateToken({ access_token }, { timeout: 10 } as never)))
      .toMatchObject({ code: "INVALID_REQUEST", field: "authorizationCheck" })
    await project.m2m.authenticateToken({ access_token }, undefined, { timeout: 5_000 })
  })

  it("a session JWT of the project is jwt_invalid, whatever scopes are required", async () => {
    const { environment, project } = await setup()
    await project.m2m.clients.create({ scopes: ["read:users"] })
    const session = FakeManagementApi.signSessionJWT(server(), environment.projectID, { userID: "user-live-1" })!
    for (const required_scopes of [undefined, [], ["read:users"]]) {
      const error = await rejection(
        project.m2m.authenticateToken(required_scopes === undefined ? { access_token: session } : { access_token: session, required_scopes })
      )
      expect(error).toBeInstanceOf(ClientError)
      expect(error).toMatchObject({ code: "jwt_invalid" })
    }
    expect(await rejection(project.m2m.authenticateToken({ access_token: session, required_scopes: ["x"] }, () => true)))
      .toMatchObject({ code: "jwt_invalid" })
  })

  it("the m2m type namespace: stytch-node's names and fields for what client.m2m takes and returns", async () => {
    const { project } = await setup()
    const created: m2m.M2MClientsCreateResponse = await project.m2m.clients.create({ scopes: ["read:users"] })
    const client: m2m.M2MClientWithClientSecret = created.m2m_client
    expect(typeof client.client_secret).toBe("string")
    const started: m2m.M2MClientsSecretsRotateStartResponse = await project.m2m.clients.secrets.rotateStart(client)
    expect(typeof started.m2m_client.next_client_secret).toBe("string")
    const token: m2m.TokenResponse = await project.m2m.token({ client_id: client.client_id, client_secret: client.client_secret })
    const verified: m2m.AuthenticateTokenResponse = await project.m2m.authenticateToken({ access_token: token.access_token })
    expect(verified.client_id).toBe(client.client_id)
    const query: m2m.M2MSearchQuery = { operator: "AND", operands: [{ filter_name: "client_id", filter_value: [client.client_id] }] }
    const found: m2m.M2MClientsSearchResponse = await project.m2m.clients.search({ query })
    const one: m2m.M2MClient = found.m2m_clients[0]!
    expect(one.client_id).toBe(client.client_id)

    type Clients = ProjectClient["m2m"]["clients"]
    expectTypeOf<Clients["create"]>().returns.resolves.toEqualTypeOf<m2m.M2MClientsCreateResponse>()
    expectTypeOf<Clients["create"]>().parameter(0).toEqualTypeOf<m2m.M2MClientsCreateRequest>()
    expectTypeOf<m2m.M2MClientsCreateResponse["m2m_client"]>().toEqualTypeOf<m2m.M2MClientWithClientSecret>()
    expectTypeOf<m2m.M2MClientWithClientSecret["client_secret"]>().toEqualTypeOf<string>()
    expectTypeOf<m2m.M2MClientsCreateRequest["client_secret"]>().toEqualTypeOf<string | undefined>()
    expectTypeOf<M2MClients.M2MClientWithClientSecret["clientSecret"]>().toEqualTypeOf<Redacted.Redacted<string>>()
    expectTypeOf<Clients["get"]>().returns.resolves.toEqualTypeOf<m2m.M2MClientsGetResponse>()
    expectTypeOf<Clients["get"]>().parameter(0).toEqualTypeOf<m2m.M2MClientsGetRequest>()
    expectTypeOf<m2m.M2MClientsGetRequest>().toEqualTypeOf<{ readonly client_id: string }>()
    expectTypeOf<Clients["search"]>().returns.resolves.toEqualTypeOf<m2m.M2MClientsSearchResponse>()
    expectTypeOf<Clients["search"]>().parameter(0).toEqualTypeOf<m2m.M2MClientsSearchRequest>()
    expectTypeOf<m2m.M2MClientsSearchResponse["m2m_clients"][number]>().toEqualTypeOf<m2m.M2MClient>()
    expectTypeOf<m2m.M2MClientsSearchResponse["results_metadata"]>().toEqualTypeOf<m2m.M2MResultsMetadata>()
    expectTypeOf<m2m.M2MResultsMetadata["next_cursor"]>().toEqualTypeOf<string | undefined>()
    expectTypeOf<NonNullable<m2m.M2MClientsSearchRequest["query"]>>().toEqualTypeOf<m2m.M2MSearchQuery>()
    expectTypeOf<m2m.M2MSearchQuery["operands"][number]>().toEqualTypeOf<m2m.M2MSearchQueryOperand>()
    expectTypeOf<Clients["update"]>().returns.resolves.toEqualTypeOf<m2m.M2MClientsUpdateResponse>()
    expectTypeOf<Clients["update"]>().parameter(0).toEqualTypeOf<m2m.M2MClientsUpdateRequest>()
    expectTypeOf<m2m.M2MClientsUpdateRequest["status"]>().toEqualTypeOf<m2m.M2MClientStatus | undefined>()
    expectTypeOf<Clients["delete"]>().returns.resolves.toEqualTypeOf<m2m.M2MClientsDeleteResponse>()
    expectTypeOf<Clients["delete"]>().parameter(0).toEqualTypeOf<m2m.M2MClientsDeleteRequest>()
    expectTypeOf<m2m.M2MClientsDeleteResponse["client_id"]>().toEqualTypeOf<string>()
    expectTypeOf<Clients["secrets"]["rotateStart"]>().returns.resolves.toEqualTypeOf<m2m.M2MClientsSecretsRotateStartResponse>()
    expectTypeOf<Clients["secrets"]["rotateStart"]>().parameter(0).toEqualTypeOf<m2m.M2MClientsSecretsRotateStartRequest>()
    expectTypeOf<m2m.M2MClientsSecretsRotateStartResponse["m2m_client"]>().toEqualTypeOf<m2m.M2MClientWithNextClientSecret>()
    expectTypeOf<m2m.M2MClientWithNextClientSecret["next_client_secret"]>().toEqualTypeOf<string>()
    expectTypeOf<Clients["secrets"]["rotate"]>().returns.resolves.toEqualTypeOf<m2m.M2MClientsSecretsRotateResponse>()
    expectTypeOf<Clients["secrets"]["rotate"]>().parameter(0).toEqualTypeOf<m2m.M2MClientsSecretsRotateRequest>()
    expectTypeOf<Clients["secrets"]["rotateCancel"]>().returns.resolves.toEqualTypeOf<m2m.M2MClientsSecretsRotateCancelResponse>()
    expectTypeOf<Clients["secrets"]["rotateCancel"]>().parameter(0).toEqualTypeOf<m2m.M2MClientsSecretsRotateCancelRequest>()
    expectTypeOf<ProjectClient["m2m"]["token"]>().returns.resolves.toEqualTypeOf<m2m.TokenResponse>()
    expectTypeOf<ProjectClient["m2m"]["token"]>().parameter(0).toEqualTypeOf<m2m.TokenRequest>()
    expectTypeOf<m2m.TokenResponse["access_token"]>().toEqualTypeOf<string>()
    expectTypeOf<m2m.TokenResponse["request_id"]>().toEqualTypeOf<string | undefined>()
    expectTypeOf<M2M.TokenResponse["accessToken"]>().toEqualTypeOf<Redacted.Redacted<string>>()
    expectTypeOf<ProjectClient["m2m"]["authenticateToken"]>().returns.resolves.toEqualTypeOf<m2m.AuthenticateTokenResponse>()
    expectTypeOf<ProjectClient["m2m"]["authenticateToken"]>().parameter(0).toEqualTypeOf<m2m.AuthenticateTokenRequest>()
    expectTypeOf<ProjectClient["m2m"]["authenticateToken"]>().parameter(1).toEqualTypeOf<m2m.ScopeAuthorizationFunc | undefined>()
  })

  it("error_details of the project API's error body", async () => {
    const { project } = await setup()
    const error = await rejection(project.m2m.clients.create({ scopes: [], client_secret: "short" }))
    expect(error).toMatchObject({ error_type: "invalid_client_secret", error_details: { field: "client_secret" } })
  })

  it("checks its configuration synchronously", () => {
    expect(() => new ProjectClient({ project_id: "project-test-1" })).toThrow(/Missing "secret"/)
    expect(() => new ProjectClient({ secret: "s" })).toThrow(/Missing "project_id"/)
    expect(() => new ProjectClient({ project_id: "p", secret: "s", custom_base_url: "http://cname.example.com" }))
      .toThrow(/custom_base_url must use HTTPS scheme/)
    expect(() => new ProjectClient({ project_id: "p", secret: "s", max_retries: -1 })).toThrow(/max_retries must be a non-negative integer/)
    // stytch-node's `env` is a base URL too; custom_base_url wins over it.
    expect(() => new ProjectClient({ project_id: "p", secret: "s", env: "http://stytch.example.com/" })).toThrow(/^env must use HTTPS scheme/)
    opened.push(new ProjectClient({ project_id: "p", secret: "s", env: "http://stytch.example.com/", custom_base_url: "https://a.example.com" }))
    const c = new ProjectClient({ project_id: "project-live-1", secret: "top-secret" })
    opened.push(c)
    expect(String(c)).not.toContain("top-secret")
  })

  it("INVALID_CONFIG for an option spelt another way, or ManagementClient's base_url, not a silent call to Stytch", () => {
    const base = { project_id: "project-test-1", secret: "top-secret" }
    expect(() => new ProjectClient({ ...base, base_url: "http://127.0.0.1:1" } as never))
      .toThrow(/^base_url: no such option; did you mean custom_base_url\?$/)
    expect(() => new ProjectClient({ ...base, customBaseURL: "http://127.0.0.1:1" } as never))
      .toThrow(/^customBaseURL: no such option; did you mean custom_base_url\?$/)
    expect(() => new ProjectClient({ ...base, maxRetries: 0 } as never)).toThrow(/^maxRetries: no such option/)
    expect(() => new ProjectClient(null as never)).toThrow(/^the config of new ProjectClient\(…\) must be an object, got null$/)
  })

  it("names what is wrong with STYTCH_PROJECT_ID / STYTCH_PROJECT_SECRET when it reads them", () => {
    const env = (vars: Record<string, string | undefined>) => {
      for (const name of ["STYTCH_PROJECT_ID", "STYTCH_PROJECT_SECRET", "STYTCH_PROJECT_BASE_URL"]) vi.stubEnv(name, vars[name])
    }
    try {
      env({})
      expect(() => new ProjectClient()).toThrow(/^Missing "project_id" in config: pass project_id and secret/)
      env({ STYTCH_PROJECT_ID: "project-test-1" })
      expect(() => new ProjectClient()).toThrow(/^Missing "secret" in config: STYTCH_PROJECT_ID is set, STYTCH_PROJECT_SECRET is missing/)
      env({ STYTCH_PROJECT_SECRET: "top-secret" })
      expect(() => new ProjectClient()).toThrow(/^Missing "project_id" in config: pass project_id and secret/)
      env({ STYTCH_PROJECT_ID: "project:1", STYTCH_PROJECT_SECRET: "top-secret" })
      const invalid = (() => {
        try {
          new ProjectClient()
        } catch (error) {
          return error as ClientError
        }
        throw new Error("constructed")
      })()
      expect(invalid.code).toBe("INVALID_CONFIG")
      expect(invalid.message).toMatch(/STYTCH_PROJECT_ID must not contain ":"/)
      expect(invalid.message).not.toContain("top-secret")
    } finally {
      vi.unstubAllEnvs()
    }
  })
})

describe("ProjectClient's token cache", () => {
  it("bounded: after 300 distinct clients the first is fetched again, the last is served from the cache", async () => {
    const sent: Array<string> = []
    const httpClient = HttpClient.make((request) => {
      sent.push(request.url)
      return Effect.succeed(HttpClientResponse.fromWeb(request, new Response(JSON.stringify({
        access_token: `a.b.${sent.length}`,
        token_type: "bearer",
        expires_in: 3600
      }))))
    })
    await using client = new ProjectClient({ project_id: "project-test-1", secret: "project-secret", max_retries: 0 }, { httpClient })
    const token = (i: number) => client.m2m.token({ client_id: `m2m-client-${i}`, client_secret: `secret-${i}-abcdefgh` })
    const first = await token(0)
    for (let i = 1; i < 300; i++) await token(i)
    expect(sent).toHaveLength(300)
    expect((await token(299)).access_token).toBe("a.b.300")
    expect(sent).toHaveLength(300)
    expect((await token(0)).access_token).not.toBe(first.access_token)
    expect(sent).toHaveLength(301)
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain("secret-0-abcdefgh")
  })
})

describe("ProjectClient over a misbehaving server", () => {
  const SECRET = "secret-test-0b5e-project-facade-secret"
  const servers: Array<HostileServer> = []
  const clients: Array<ProjectClient> = []
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()))
    await Promise.all(servers.splice(0).map((s) => s.close()))
  })
  const clientOf = async (behaviour: Parameters<typeof hostileServer>[0]) => {
    const server = await hostileServer(behaviour)
    servers.push(server)
    const client = new ProjectClient({ project_id: "project-test-1", secret: SECRET, custom_base_url: server.url, max_retries: 0 })
    clients.push(client)
    return { server, client }
  }

  it("close() aborts calls in flight: they reject with CLIENT_CLOSED and their connections close", async () => {
    const { client, server } = await clientOf(silent)
    const calls = [
      client.m2m.clients.get({ client_id: "m2m-client-test-1" }),
      client.m2m.clients.search({}),
      client.m2m.token({ client_id: "m2m-client-test-1", client_secret: "client-secret" })
    ]
    await server.received(3)
    await client.close()
    for (const call of calls) {
      const error = await rejection(call)
      expect(error).toBeInstanceOf(ClientError)
      expect(error).toMatchObject({ code: "CLIENT_CLOSED", message: "the ProjectClient was closed while the call was in flight" })
    }
    await Promise.all([0, 1, 2].map((n) => server.requestClosed(n)))
    const after = await rejection(client.m2m.clients.get({ client_id: "m2m-client-test-1" }))
    expect(after).toBeInstanceOf(ClientError)
    expect(after).toMatchObject({ code: "CLIENT_CLOSED", message: "the ProjectClient was closed" })
    expect(server.hits).toHaveLength(3)
  })

  it("CLIENT_CLOSED after close(); close is idempotent and [Symbol.asyncDispose] closes", async () => {
    const { client, server } = await clientOf(ok)
    await client.m2m.clients.get({ client_id: "m2m-client-test-1" }).catch(() => {})
    await client.close()
    await client.close()
    expect(await rejection(client.m2m.token({ client_id: "c", client_secret: "s" }))).toMatchObject({ code: "CLIENT_CLOSED" })
    expect(await rejection(client.m2m.authenticateToken({ access_token: "a.b.c" }))).toMatchObject({ code: "CLIENT_CLOSED" })
    const { client: disposed } = await clientOf(ok)
    await disposed[Symbol.asyncDispose]()
    expect(await rejection(disposed.m2m.clients.search({}))).toMatchObject({ code: "CLIENT_CLOSED" })
    expect(server.hits).toHaveLength(1)
  })

  it("per-call options: a signal aborts the call in flight, a timeout bounds it", async () => {
    const { client, server } = await clientOf(silent)
    const controller = new AbortController()
    const call = client.m2m.clients.get({ client_id: "m2m-client-test-1" }, { signal: controller.signal })
    await server.received(1)
    controller.abort(new Error("user went away"))
    expect(await rejection(call)).toMatchObject({ code: "ABORTED", cause: new Error("user went away") })
    await server.requestClosed(0)
    expect(await rejection(client.m2m.clients.search({}, { timeout: 50 }))).toMatchObject({ name: "RequestError", reason: "Timeout" })
    expect(await rejection(client.m2m.token({ client_id: "c", client_secret: "s" }, { signal: AbortSignal.abort() })))
      .toMatchObject({ code: "ABORTED" })
    expect(server.hits).toHaveLength(2)
  })

  it("the secret appears in no toString, inspect or JSON of the client", async () => {
    const { client } = await clientOf(ok)
    for (const text of [String(client), `${client}`, inspect(client), inspect(client, { showHidden: true, depth: 10 }), JSON.stringify(client), JSON.stringify({ client })]) {
      expect(text).not.toContain(SECRET)
      expect(text).toContain("project-test-1")
    }
    expect(String(client)).toBe(`ProjectClient { project_id: "project-test-1", secret: <redacted> }`)
  })
})
