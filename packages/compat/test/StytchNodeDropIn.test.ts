/**
 * `ProjectClient` is a drop-in for stytch-node's `client.m2m`: ONE program,
 * written and typed for the official `stytch` package (14.2.0), runs against
 * stytch-node's own `Client` and against our `ProjectClient`; only the line
 * that constructs the client differs (and the module the error classes come
 * from: the import line). Both talk to the same served fake over loopback
 * HTTP, each in a project of its own, and must observe the same things.
 */
import { ClientError, ManagementClient, ProjectClient, StytchError } from "@stytch-effect/compat"
import { FakeManagementApi } from "@stytch-effect/testing"
import * as Redacted from "effect/Redacted"
import * as stytch from "stytch"
import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest"
import { liveProject, useServedFake } from "./utils.js"

type Clients = stytch.Client["m2m"]["clients"]
type Secrets = Clients["secrets"]
type M2M = stytch.Client["m2m"]

/**
 * What the program uses of stytch-node's client: its public `client.m2m`
 * members with stytch-node's own request and response types, declared as
 * methods as stytch-node declares them. (`stytch.Client` itself has private
 * members, so nothing else can be one.)
 */
interface StytchNodeClient {
  readonly m2m: {
    readonly clients: {
      get(params: Parameters<Clients["get"]>[0]): ReturnType<Clients["get"]>
      search(data: Parameters<Clients["search"]>[0]): ReturnType<Clients["search"]>
      update(data: Parameters<Clients["update"]>[0]): ReturnType<Clients["update"]>
      delete(data: Parameters<Clients["delete"]>[0]): ReturnType<Clients["delete"]>
      create(data: Parameters<Clients["create"]>[0]): ReturnType<Clients["create"]>
      readonly secrets: {
        rotateStart(data: Parameters<Secrets["rotateStart"]>[0]): ReturnType<Secrets["rotateStart"]>
        rotateCancel(data: Parameters<Secrets["rotateCancel"]>[0]): ReturnType<Secrets["rotateCancel"]>
        rotate(data: Parameters<Secrets["rotate"]>[0]): ReturnType<Secrets["rotate"]>
      }
    }
    token(data: Parameters<M2M["token"]>[0]): ReturnType<M2M["token"]>
    authenticateToken(
      data: Parameters<M2M["authenticateToken"]>[0],
      scopeAuthorizationFunc?: Parameters<M2M["authenticateToken"]>[1]
    ): ReturnType<M2M["authenticateToken"]>
  }
}

/** The error classes, as `import { ClientError, StytchError } from "stytch"` (or from "@stytch-effect/compat") gives them. */
interface ErrorClasses {
  readonly ClientError: abstract new(...args: Array<never>) => Error
  readonly StytchError: abstract new(...args: Array<never>) => Error
}

/**
 * The program, as a stytch-node user writes it: every `client.m2m` method,
 * their results and their errors. It returns what it observed (no ids,
 * secrets or tokens: they differ between runs).
 */
const program = async (client: StytchNodeClient, { ClientError, StytchError }: ErrorClasses) => {
  const seen: Record<string, unknown> = {}
  const failure = async (promise: Promise<unknown>) => {
    try {
      await promise
      return "resolved"
    } catch (e) {
      const error = e as Record<string, unknown>
      return {
        StytchError: e instanceof StytchError,
        ClientError: e instanceof ClientError,
        code: error["code"],
        status_code: error["status_code"],
        error_type: error["error_type"],
        error_message: typeof error["error_message"],
        request_id: typeof error["request_id"],
        error_url: typeof error["error_url"],
        // `cause` only where stytch-node documents it (missing_scopes: the required scopes); ours otherwise keeps the typed error it was made from.
        cause: Array.isArray(error["cause"]) ? error["cause"] : undefined
      }
    }
  }
  const json = (value: unknown) => JSON.parse(JSON.stringify(value))

  // clients.create
  const created = await client.m2m.clients.create({
    scopes: ["read:users", "write:users"],
    client_name: "billing",
    client_description: "the billing service",
    trusted_metadata: { team: "payments" }
  })
  const { m2m_client } = created
  seen["create"] = {
    keys: Object.keys(created).sort(),
    clientKeys: Object.keys(m2m_client).sort(),
    status_code: created.status_code,
    request_id: typeof created.request_id,
    status: m2m_client.status,
    scopes: m2m_client.scopes,
    trusted_metadata: m2m_client.trusted_metadata,
    secret: typeof m2m_client.client_secret,
    lastFour: m2m_client.client_secret_last_four === m2m_client.client_secret.slice(-4),
    json: JSON.stringify(json(created)) === JSON.stringify(created)
  }
  const { client_id, client_secret } = m2m_client
  const other = await client.m2m.clients.create({ scopes: ["read:users"], client_name: "reports" })

  // clients.get, clients.update
  const got = await client.m2m.clients.get({ client_id })
  seen["get"] = { keys: Object.keys(got).sort(), client: got.m2m_client, same: got.m2m_client.client_id === client_id }
  const { client_id: _id, client_secret_last_four: _lastFour, ...fields } = got.m2m_client
  seen["get"] = { ...(seen["get"] as object), client: fields }
  const updated = await client.m2m.clients.update({ client_id, client_description: "updated", scopes: ["read:users", "write:*"] })
  seen["update"] = { description: updated.m2m_client.client_description, scopes: updated.m2m_client.scopes }

  // clients.search: a page, the next one, a query
  const page = await client.m2m.clients.search({ limit: 1 })
  const next = await client.m2m.clients.search({ limit: 1, cursor: page.results_metadata.next_cursor! })
  const byName = await client.m2m.clients.search({
    query: { operator: "AND", operands: [{ filter_name: "client_name", filter_value: ["reports"] }] }
  })
  seen["search"] = {
    keys: Object.keys(page).sort(),
    total: page.results_metadata.total,
    pages: [page.m2m_clients.length, next.m2m_clients.length],
    hasNext: typeof page.results_metadata.next_cursor,
    lastPage: next.results_metadata.next_cursor ?? null,
    byName: byName.m2m_clients.map((c) => c.client_id === other.m2m_client.client_id)
  }

  // token, authenticateToken (default check, max age, custom check, failures)
  const token = await client.m2m.token({ client_id, client_secret, scopes: ["read:users"] })
  seen["token"] = {
    token_type: token.token_type,
    expires_in: token.expires_in,
    access_token: typeof token.access_token,
    keys: Object.keys(token).filter((k) => k !== "request_id" && k !== "status_code").sort()
  }
  const { access_token } = token
  const verified = await client.m2m.authenticateToken({ access_token, required_scopes: ["read:users"], max_token_age_seconds: 600 })
  seen["authenticateToken"] = { ...verified, client_id: verified.client_id === client_id }
  const all = await client.m2m.token({ client_id, client_secret })
  seen["wildcard"] = (await client.m2m.authenticateToken({ access_token: all.access_token, required_scopes: ["write:anything"] })).scopes
  const calls: Array<unknown> = []
  const check = (scopes: { hasScopes: Array<string>; requiredScopes: Array<string> }) => {
    calls.push(scopes)
    return scopes.requiredScopes.every((s) => s.startsWith("read:"))
  }
  await client.m2m.authenticateToken({ access_token }, check)
  await client.m2m.authenticateToken({ access_token, required_scopes: ["read:anything"] }, check)
  seen["check"] = {
    calls,
    refused: await failure(client.m2m.authenticateToken({ access_token, required_scopes: ["write:users"] }, check))
  }
  seen["missingScopes"] = await failure(client.m2m.authenticateToken({ access_token, required_scopes: ["delete:users"] }))
  seen["tooOld"] = await failure(client.m2m.authenticateToken({ access_token, max_token_age_seconds: 0 }))
  seen["invalid"] = await failure(client.m2m.authenticateToken({ access_token: "not.a.jwt" }))
  const [header, payload, signature] = access_token.split(".")
  const forged = JSON.parse(Buffer.from(payload!, "base64url").toString())
  seen["forged"] = await failure(client.m2m.authenticateToken({
    access_token: `${header}.${Buffer.from(JSON.stringify({ ...forged, scope: "admin:*" })).toString("base64url")}.${signature}`
  }))
  seen["wrongSecret"] = await failure(client.m2m.token({ client_id, client_secret: "not-the-secret-1234" }))
  seen["wrongScope"] = await failure(client.m2m.token({ client_id, client_secret, scopes: ["admin:all"] }))

  // clients.secrets.rotateStart / rotateCancel / rotate
  const started = await client.m2m.clients.secrets.rotateStart({ client_id })
  const nextSecret = started.m2m_client.next_client_secret
  const withNext = await client.m2m.token({ client_id, client_secret: nextSecret, scopes: ["write:*"] })
  const cancelled = await client.m2m.clients.secrets.rotateCancel({ client_id })
  const again = await client.m2m.clients.secrets.rotateStart({ client_id })
  const rotated = await client.m2m.clients.secrets.rotate({ client_id })
  seen["rotation"] = {
    startKeys: Object.keys(started.m2m_client).sort(),
    nextLastFour: started.m2m_client.next_client_secret_last_four === nextSecret.slice(-4),
    withNext: typeof withNext.access_token,
    cancelled: cancelled.m2m_client.next_client_secret_last_four ?? null,
    rotated: rotated.m2m_client.client_secret_last_four === again.m2m_client.next_client_secret.slice(-4),
    oldSecret: await failure(client.m2m.token({ client_id, client_secret, scopes: ["read:users", "write:*"] })),
    newSecret: typeof (await client.m2m.token({ client_id, client_secret: again.m2m_client.next_client_secret })).access_token
  }

  // clients.delete, then the client is gone
  const deleted = await client.m2m.clients.delete({ client_id })
  seen["delete"] = { keys: Object.keys(deleted).sort(), same: deleted.client_id === client_id }
  seen["gone"] = await failure(client.m2m.clients.get({ client_id }))
  return seen
}

describe("ProjectClient is a drop-in for stytch-node's client.m2m", () => {
  const { client, server } = useServedFake()
  const closing: Array<ProjectClient> = []
  afterEach(async () => {
    await Promise.all(closing.splice(0).map((c) => c.close()))
    vi.restoreAllMocks()
  })

  /** A LIVE project of the served fake and a secret of it, through the Management API. */
  const project = async () => {
    const management = client()
    const scope = await liveProject(management)
    const { environment } = await management.environments.get(scope)
    const { secret } = await management.secrets.create(scope)
    return { project_id: environment.projectID, secret: secret.secret }
  }

  it("one program, both clients, the same observations", async () => {
    // stytch-node's `env` is its base URL (it warns that it is not one of its own; custom_base_url must be https).
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {})
    const a = await project()
    const official = await program(new stytch.Client({ ...a, env: `${server().url}/` }), stytch)
    expect(warn).toHaveBeenCalled()

    const b = await project()
    const ours = new ProjectClient({ ...b, custom_base_url: server().url })
    closing.push(ours)
    const compat = await import("@stytch-effect/compat")
    const facade = await program(ours, compat)

    expect(facade).toEqual(official)
    // And what both observed is what stytch-node's users rely on.
    expect(official).toMatchObject({
      create: { keys: ["m2m_client", "request_id", "status_code"], secret: "string", lastFour: true, json: true },
      search: { total: 2, pages: [1, 1], hasNext: "string", lastPage: null, byName: [true] },
      token: { token_type: "bearer", expires_in: 3600, keys: ["access_token", "expires_in", "token_type"] },
      authenticateToken: { client_id: true, scopes: ["read:users"], custom_claims: {} },
      wildcard: ["read:users", "write:*"],
      check: {
        calls: [{ hasScopes: ["read:users"], requiredScopes: ["read:anything"] }, { hasScopes: ["read:users"], requiredScopes: ["write:users"] }],
        refused: { ClientError: true, code: "missing_scopes", cause: ["write:users"] }
      },
      missingScopes: { ClientError: true, StytchError: false, code: "missing_scopes", cause: ["delete:users"] },
      tooOld: { ClientError: true, code: "jwt_too_old" },
      invalid: { ClientError: true, code: "jwt_invalid" },
      forged: { ClientError: true, code: "jwt_invalid" },
      wrongSecret: { StytchError: true, status_code: 401, error_type: "invalid_client", error_message: "string", request_id: "string" },
      wrongScope: { StytchError: true, status_code: 400, error_type: "invalid_scope" },
      rotation: { nextLastFour: true, withNext: "string", cancelled: null, rotated: true, newSecret: "string" },
      delete: { keys: ["client_id", "request_id", "status_code"], same: true },
      gone: { StytchError: true, status_code: 404, error_type: "m2m_client_not_found", error_url: "string" }
    })
    expect((official["rotation"] as { oldSecret: unknown }).oldSecret).toMatchObject({ StytchError: true, error_type: "invalid_client" })
  })

  it("the types: a ProjectClient fits where stytch-node's client is expected, and so do its errors", () => {
    expectTypeOf<ProjectClient>().toExtend<StytchNodeClient>()
    expectTypeOf<stytch.Client>().toExtend<StytchNodeClient>()
    expectTypeOf(new ClientError("jwt_invalid", "m")).toHaveProperty("code")
    expectTypeOf<StytchError>().toHaveProperty("error_type").toEqualTypeOf<string>()
    expectTypeOf<StytchError>().toHaveProperty("error_details")
    expectTypeOf<stytch.StytchError>().toHaveProperty("error_type").toEqualTypeOf<string>()
  })

  it("a session JWT of the project: rejected by both (jwt_invalid here; stytch-node 14.2.0 fails on its missing scope claim)", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {})
    const a = await project()
    const session = FakeManagementApi.signSessionJWT(server(), a.project_id, { userID: "user-live-1" })!
    const official = new stytch.Client({ ...a, env: `${server().url}/` })
    const ours = new ProjectClient({ ...a, custom_base_url: server().url })
    closing.push(ours)
    expect(warn).toHaveBeenCalled()
    const officialError = await official.m2m.authenticateToken({ access_token: session }).then(() => undefined, (e: unknown) => e)
    // stytch-node 14.2.0 has no explicit rule: it fails reading the absent `scope` claim (a TypeError, not its ClientError).
    expect(officialError).toBeInstanceOf(TypeError)
    expect(officialError).not.toBeInstanceOf(stytch.ClientError)
    const ourError = await ours.m2m.authenticateToken({ access_token: session }).then(() => undefined, (e: unknown) => e)
    expect(ourError).toBeInstanceOf(ClientError)
    expect(ourError).toMatchObject({ code: "jwt_invalid" })
  })

  it("a plain OAuth 2.0 token endpoint (no request_id): token works in both, with the same body", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {})
    await using plain = await FakeManagementApi.start({ m2mTokenResponse: "plainOAuth" })
    const management = new ManagementClient({
      base_url: plain.url,
      workspace_key_id: plain.credentials.keyID,
      workspace_key_secret: Redacted.value(plain.credentials.keySecret)
    })
    const scope = await liveProject(management)
    const { environment } = await management.environments.get(scope)
    const { secret } = await management.secrets.create(scope)
    await management.close()
    const config = { project_id: environment.projectID, secret: secret.secret }
    const official = new stytch.Client({ ...config, env: `${plain.url}/` })
    const ours = new ProjectClient({ ...config, custom_base_url: plain.url })
    closing.push(ours)
    expect(warn).toHaveBeenCalled()
    const { m2m_client } = await ours.m2m.clients.create({ scopes: ["read:users"] })
    const tokens = [
      await official.m2m.token({ client_id: m2m_client.client_id, client_secret: m2m_client.client_secret }),
      await ours.m2m.token({ client_id: m2m_client.client_id, client_secret: m2m_client.client_secret })
    ]
    for (const token of tokens) {
      expect(token).toMatchObject({ token_type: "bearer", expires_in: 3600, scope: "read:users" })
      expect("request_id" in token).toBe(false)
      const verified = await ours.m2m.authenticateToken({ access_token: token.access_token, required_scopes: ["read:users"] })
      expect(verified.client_id).toBe(m2m_client.client_id)
    }
    // Ours adds only `status_code` (from the HTTP status), as every response of the facade carries it.
    expect(Object.keys(tokens[1]!).sort()).toEqual(["access_token", "expires_in", "scope", "status_code", "token_type"])
    const wrong = await ours.m2m.token({ client_id: m2m_client.client_id, client_secret: "wrong-secret-1234" }).catch((e) => e)
    expect(wrong).toBeInstanceOf(StytchError)
    expect(wrong).toMatchObject({ status_code: 401, error_type: "invalid_client", request_id: "" })
  })
})
