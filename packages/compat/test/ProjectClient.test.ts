import { inspect } from "node:util"
import { ClientError, type m2m, ManagementStytchError, ProjectClient, StytchError } from "@stytch-effect/compat"
import type { M2M, M2MClients } from "@stytch-effect/resources"
import type * as Redacted from "effect/Redacted"
import { afterEach, describe, expect, expectTypeOf, it } from "vitest"
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

  it("every M2M client operation round-trips over HTTP, secrets as plain strings", async () => {
    const { project } = await setup()
    const { m2mClient } = await project.m2m.clients.create({ scopes: ["read:users"], clientName: "billing" })
    expect(typeof m2mClient.clientSecret).toBe("string")
    expect(m2mClient.clientSecretLastFour).toBe(m2mClient.clientSecret.slice(-4))
    const { clientID } = m2mClient
    expect((await project.m2m.clients.get({ clientID })).m2mClient.clientName).toBe("billing")
    expect((await project.m2m.clients.update({ clientID, clientDescription: "d" })).m2mClient.clientDescription).toBe("d")
    expect((await project.m2m.clients.search({})).m2mClients).toHaveLength(1)
    const started = await project.m2m.clients.secrets.rotateStart({ clientID })
    expect(typeof started.m2mClient.nextClientSecret).toBe("string")
    await project.m2m.clients.secrets.rotateCancel({ clientID })
    await project.m2m.clients.rotateStart({ clientID })
    const rotated = await project.m2m.clients.secrets.rotate({ clientID })
    expect(rotated.m2mClient.nextClientSecretLastFour).toBeUndefined()
    expect((await project.m2m.clients.delete({ clientID })).clientID).toBe(clientID)
    const error = await rejection(project.m2m.clients.get({ clientID }))
    expect(error).toBeInstanceOf(StytchError)
    expect(error).not.toBeInstanceOf(ManagementStytchError)
    expect(error).toMatchObject({ name: "StytchError", status_code: 404, error_type: "m2m_client_not_found" })
    const missing = await rejection(project.m2m.clients.get({ clientID: "" }))
    expect(missing).toMatchObject({ code: "MISSING_PATH_PARAMETER" })
  })

  it("searchAll iterates over every page", async () => {
    const { project } = await setup()
    for (let i = 0; i < 5; i++) await project.m2m.clients.create({ scopes: [], clientName: `c${i}` })
    const names: Array<string> = []
    for await (const c of project.m2m.clients.searchAll({ limit: 2 })) names.push(c.clientName)
    expect(names).toEqual(["c0", "c1", "c2", "c3", "c4"])
  })

  it("token and authenticateToken; JWT failures are ClientErrors with the official codes", async () => {
    const { project } = await setup()
    const { m2mClient } = await project.m2m.clients.create({ scopes: ["read:users"] })
    const token = await project.m2m.token({ clientID: m2mClient.clientID, clientSecret: m2mClient.clientSecret })
    expect(typeof token.accessToken).toBe("string")
    expect(token).toMatchObject({ tokenType: "bearer", expiresIn: 3600 })
    const again = await project.m2m.token({ clientID: m2mClient.clientID, clientSecret: m2mClient.clientSecret })
    expect(again.accessToken).toBe(token.accessToken)
    expect(server().requests().filter((r) => r.operation === "m2m.token")).toHaveLength(1)
    const verified = await project.m2m.authenticateToken({ accessToken: token.accessToken, requiredScopes: ["read:users"] })
    expect(verified).toEqual({ clientID: m2mClient.clientID, scopes: ["read:users"], customClaims: {} })
    const scopes = await rejection(project.m2m.authenticateToken({ accessToken: token.accessToken, requiredScopes: ["write:users"] }))
    expect(scopes).toBeInstanceOf(ClientError)
    expect(scopes).toMatchObject({ code: "MISSING_SCOPES", cause: ["write:users"] })
    const old = await rejection(project.m2m.authenticateToken({ accessToken: token.accessToken, maxTokenAgeSeconds: 0 }))
    expect(old).toMatchObject({ code: "JWT_TOO_OLD" })
    const bad = await rejection(project.m2m.authenticateToken({ accessToken: "not.a.jwt" }))
    expect(bad).toMatchObject({ code: "JWT_INVALID" })
    const wrong = await rejection(project.m2m.token({ clientID: m2mClient.clientID, clientSecret: "wrong-secret" }))
    expect(wrong).toBeInstanceOf(StytchError)
    expect(wrong).toMatchObject({ status_code: 401, error_type: "invalid_client" })
  })

  it("the m2m type namespace: the official node SDK's names for what client.m2m returns, secrets as strings", async () => {
    const { project } = await setup()
    const created: m2m.M2MClientsCreateResponse = await project.m2m.clients.create({ scopes: ["read:users"] })
    const client: m2m.M2MClientWithClientSecret = created.m2mClient
    expect(typeof client.clientSecret).toBe("string")
    const started: m2m.M2MClientsSecretsRotateStartResponse = await project.m2m.clients.secrets.rotateStart(client)
    expect(typeof started.m2mClient.nextClientSecret).toBe("string")
    const token: m2m.TokenResponse = await project.m2m.token({ clientID: client.clientID, clientSecret: client.clientSecret })
    const verified: m2m.AuthenticateTokenResponse = await project.m2m.authenticateToken({ accessToken: token.accessToken })
    expect(verified.clientID).toBe(client.clientID)
    const query: m2m.M2MSearchQuery = { operator: "AND", operands: [{ filterName: "client_id", filterValue: [client.clientID] }] }
    const found: m2m.M2MClientsSearchResponse = await project.m2m.clients.search({ query })
    const one: m2m.M2MClient = found.m2mClients[0]!
    expect(one.clientID).toBe(client.clientID)

    type Clients = ProjectClient["m2m"]["clients"]
    expectTypeOf<Clients["create"]>().returns.resolves.toEqualTypeOf<m2m.M2MClientsCreateResponse>()
    expectTypeOf<Clients["create"]>().parameter(0).toEqualTypeOf<m2m.M2MClientsCreateRequest>()
    expectTypeOf<m2m.M2MClientsCreateResponse["m2mClient"]>().toEqualTypeOf<m2m.M2MClientWithClientSecret>()
    expectTypeOf<m2m.M2MClientWithClientSecret["clientSecret"]>().toEqualTypeOf<string>()
    expectTypeOf<M2MClients.M2MClientWithClientSecret["clientSecret"]>().toEqualTypeOf<Redacted.Redacted<string>>()
    expectTypeOf<Clients["get"]>().returns.resolves.toEqualTypeOf<m2m.M2MClientsGetResponse>()
    expectTypeOf<Clients["get"]>().parameter(0).toEqualTypeOf<m2m.M2MClientsGetRequest>()
    expectTypeOf<Clients["search"]>().returns.resolves.toEqualTypeOf<m2m.M2MClientsSearchResponse>()
    expectTypeOf<Clients["search"]>().parameter(0).toEqualTypeOf<m2m.M2MClientsSearchRequest>()
    expectTypeOf<m2m.M2MClientsSearchResponse["m2mClients"][number]>().toEqualTypeOf<m2m.M2MClient>()
    expectTypeOf<m2m.M2MClientsSearchResponse["resultsMetadata"]>().toEqualTypeOf<m2m.M2MResultsMetadata>()
    expectTypeOf<NonNullable<m2m.M2MClientsSearchRequest["query"]>>().toEqualTypeOf<m2m.M2MSearchQuery>()
    expectTypeOf<m2m.M2MSearchQuery["operands"][number]>().toEqualTypeOf<m2m.M2MSearchQueryOperand>()
    expectTypeOf<Clients["update"]>().returns.resolves.toEqualTypeOf<m2m.M2MClientsUpdateResponse>()
    expectTypeOf<Clients["update"]>().parameter(0).toEqualTypeOf<m2m.M2MClientsUpdateRequest>()
    expectTypeOf<m2m.M2MClientsUpdateRequest["status"]>().toEqualTypeOf<m2m.M2MClientStatus | undefined>()
    expectTypeOf<Clients["delete"]>().returns.resolves.toEqualTypeOf<m2m.M2MClientsDeleteResponse>()
    expectTypeOf<Clients["delete"]>().parameter(0).toEqualTypeOf<m2m.M2MClientsDeleteRequest>()
    expectTypeOf<Clients["secrets"]["rotateStart"]>().returns.resolves.toEqualTypeOf<m2m.M2MClientsSecretsRotateStartResponse>()
    expectTypeOf<Clients["secrets"]["rotateStart"]>().parameter(0).toEqualTypeOf<m2m.M2MClientsSecretsRotateStartRequest>()
    expectTypeOf<m2m.M2MClientsSecretsRotateStartResponse["m2mClient"]>().toEqualTypeOf<m2m.M2MClientWithNextClientSecret>()
    expectTypeOf<m2m.M2MClientWithNextClientSecret["nextClientSecret"]>().toEqualTypeOf<string>()
    expectTypeOf<Clients["secrets"]["rotate"]>().returns.resolves.toEqualTypeOf<m2m.M2MClientsSecretsRotateResponse>()
    expectTypeOf<Clients["secrets"]["rotate"]>().parameter(0).toEqualTypeOf<m2m.M2MClientsSecretsRotateRequest>()
    expectTypeOf<Clients["secrets"]["rotateCancel"]>().returns.resolves.toEqualTypeOf<m2m.M2MClientsSecretsRotateCancelResponse>()
    expectTypeOf<Clients["secrets"]["rotateCancel"]>().parameter(0).toEqualTypeOf<m2m.M2MClientsSecretsRotateCancelRequest>()
    expectTypeOf<ProjectClient["m2m"]["token"]>().returns.resolves.toEqualTypeOf<m2m.TokenResponse>()
    expectTypeOf<ProjectClient["m2m"]["token"]>().parameter(0).toEqualTypeOf<m2m.TokenRequest>()
    expectTypeOf<m2m.TokenRequest["clientSecret"]>().toEqualTypeOf<string>()
    expectTypeOf<m2m.TokenResponse["accessToken"]>().toEqualTypeOf<string>()
    expectTypeOf<M2M.TokenResponse["accessToken"]>().toEqualTypeOf<Redacted.Redacted<string>>()
    expectTypeOf<ProjectClient["m2m"]["authenticateToken"]>().returns.resolves.toEqualTypeOf<m2m.AuthenticateTokenResponse>()
    expectTypeOf<ProjectClient["m2m"]["authenticateToken"]>().parameter(0).toEqualTypeOf<m2m.AuthenticateTokenRequest>()
    expectTypeOf<m2m.AuthenticateTokenRequest["accessToken"]>().toEqualTypeOf<string>()
  })

  it("error_details of the project API's error body", async () => {
    const { project } = await setup()
    const error = await rejection(project.m2m.clients.create({ scopes: [], clientSecret: "short" }))
    expect(error).toMatchObject({ error_type: "invalid_client_secret", error_details: { field: "client_secret" } })
  })

  it("checks its configuration synchronously", () => {
    expect(() => new ProjectClient({ project_id: "project-test-1" })).toThrow(/Missing "secret"/)
    expect(() => new ProjectClient({ secret: "s" })).toThrow(/Missing "project_id"/)
    expect(() => new ProjectClient({ project_id: "p", secret: "s", custom_base_url: "http://cname.example.com" }))
      .toThrow(/custom_base_url must use HTTPS scheme/)
    expect(() => new ProjectClient({ project_id: "p", secret: "s", max_retries: -1 })).toThrow(/max_retries must be a non-negative integer/)
    const c = new ProjectClient({ project_id: "project-live-1", secret: "top-secret" })
    opened.push(c)
    expect(String(c)).not.toContain("top-secret")
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
      client.m2m.clients.get({ clientID: "m2m-client-test-1" }),
      client.m2m.clients.search({}),
      client.m2m.token({ clientID: "m2m-client-test-1", clientSecret: "client-secret" })
    ]
    await server.received(3)
    await client.close()
    for (const call of calls) {
      const error = await rejection(call)
      expect(error).toBeInstanceOf(ClientError)
      expect(error).toMatchObject({ code: "CLIENT_CLOSED", message: "the ProjectClient was closed while the call was in flight" })
    }
    await Promise.all([0, 1, 2].map((n) => server.requestClosed(n)))
    const after = await rejection(client.m2m.clients.get({ clientID: "m2m-client-test-1" }))
    expect(after).toBeInstanceOf(ClientError)
    expect(after).toMatchObject({ code: "CLIENT_CLOSED", message: "the ProjectClient was closed" })
    expect(server.hits).toHaveLength(3)
  })

  it("CLIENT_CLOSED after close(); close is idempotent and [Symbol.asyncDispose] closes", async () => {
    const { client, server } = await clientOf(ok)
    await client.m2m.clients.get({ clientID: "m2m-client-test-1" }).catch(() => {})
    await client.close()
    await client.close()
    expect(await rejection(client.m2m.token({ clientID: "c", clientSecret: "s" }))).toMatchObject({ code: "CLIENT_CLOSED" })
    expect(await rejection(client.m2m.authenticateToken({ accessToken: "a.b.c" }))).toMatchObject({ code: "CLIENT_CLOSED" })
    const { client: disposed } = await clientOf(ok)
    await disposed[Symbol.asyncDispose]()
    expect(await rejection(disposed.m2m.clients.search({}))).toMatchObject({ code: "CLIENT_CLOSED" })
    expect(server.hits).toHaveLength(1)
  })

  it("per-call options: a signal aborts the call in flight, a timeout bounds it", async () => {
    const { client, server } = await clientOf(silent)
    const controller = new AbortController()
    const call = client.m2m.clients.get({ clientID: "m2m-client-test-1" }, { signal: controller.signal })
    await server.received(1)
    controller.abort(new Error("user went away"))
    expect(await rejection(call)).toMatchObject({ code: "ABORTED", cause: new Error("user went away") })
    await server.requestClosed(0)
    expect(await rejection(client.m2m.clients.search({}, { timeout: 50 }))).toMatchObject({ name: "RequestError", reason: "Timeout" })
    expect(await rejection(client.m2m.token({ clientID: "c", clientSecret: "s" }, { signal: AbortSignal.abort() })))
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
