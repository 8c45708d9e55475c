import { AuthError, ClientError, ManagementClient, OAuth, type OAuthConfig, type Tokens, type TokenStorage } from "@stytch-effect/compat"
import { FakeManagementApi } from "@stytch-effect/testing"
import { afterEach, describe, expect, it } from "vitest"
import { useServedFake } from "./utils.js"

const REDIRECT = "http://127.0.0.1:5001/callback"
const { server } = useServedFake()

/** A promise storage in memory that records what it was asked. */
const memory = () => {
  let tokens: Tokens | null = null
  const log: Array<string> = []
  const storage: TokenStorage = {
    getTokens: async () => tokens,
    setTokens: async (t) => {
      log.push("set")
      tokens = t
    },
    clearTokens: async () => {
      log.push("clear")
      tokens = null
    }
  }
  return { storage, log, current: () => tokens, replace: (t: Tokens | null) => void (tokens = t) }
}

const clients: Array<ManagementClient> = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
})

const helper = (storage: TokenStorage, config: Partial<OAuthConfig> = {}, s: FakeManagementApi.Server = server()) => {
  const { authorizeURL, revokeURL, tokenURL } = s.oauth
  return new OAuth({
    redirect_uri: REDIRECT,
    token_storage: storage,
    authorize_url: authorizeURL,
    token_url: tokenURL,
    revoke_url: revokeURL,
    ...config
  })
}

const client = (storage: TokenStorage, refresh_leeway?: number, s: FakeManagementApi.Server = server()) => {
  const c = new ManagementClient({
    base_url: s.url,
    max_retries: 0,
    oauth: { token_storage: storage, token_url: s.oauth.tokenURL, revoke_url: s.oauth.revokeURL, refresh_leeway }
  })
  clients.push(c)
  return c
}

/** The browser: the fake's authorize endpoint redirects at once; returns the callback URL. */
const approve = async (url: string) => {
  const response = await fetch(url, { redirect: "manual" })
  expect(response.status).toBe(302)
  return response.headers.get("location")!
}

const login = async (storage: TokenStorage, s: FakeManagementApi.Server = server()) => {
  const oauth = helper(storage, {}, s)
  const { state, url, verifier } = await oauth.getLoginUrl()
  return oauth.handleCallback({ callback_url: await approve(url), verifier, expected_state: state })
}

const refreshes = (s: FakeManagementApi.Server = server()) =>
  s.requests().filter((r) => r.operation === "oauth.token" && (r.body as { grant_type: string }).grant_type === "refresh_token")

/** A refresh-token grant sent directly (another process); the tokens it returns, as stored. */
const refreshDirectly = async (s: FakeManagementApi.Server, refresh_token: string) => {
  const response = await fetch(s.oauth.tokenURL, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "refresh_token",
      refresh_token,
      client_id: "connected-app-live-c48152cf-8732-4981-8fd5-e52dd989d75f"
    }).toString()
  })
  const body = (await response.json()) as { access_token: string; refresh_token: string; expires_in: number; scope: string }
  return {
    status: response.status,
    tokens: {
      access_token: body.access_token,
      refresh_token: body.refresh_token,
      expires_at: Date.now() + body.expires_in * 1000,
      issued_at: Date.now(),
      scope: body.scope
    } satisfies Tokens
  }
}

/** A promise lock, as processes sharing a store would hold one (a lock file, a row lock). */
const mutex = () => {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn)
    tail = run.catch(() => undefined)
    return run
  }
}

const rejection = (promise: Promise<unknown>) => promise.then(() => expect.unreachable("resolved"), (e: unknown) => e)

describe("OAuth (promise facade)", () => {
  it("full login over HTTP: PKCE checked by the fake, tokens stored, the client uses them", async () => {
    const m = memory()
    const tokens = await login(m.storage)
    expect(tokens.scope).toContain("offline_access")
    expect(m.current()?.access_token).toBe(tokens.access_token)
    expect(typeof tokens.expires_at).toBe("number")
    const c = client(m.storage)
    expect((await c.projects.getAll()).projects).toEqual([])
    expect(String(c)).toContain("oauth")
    expect(String(c)).not.toContain(tokens.access_token)
  })

  it("wrong state → AuthError StateMismatch; wrong verifier → AuthError TokenRequestFailed", async () => {
    const m = memory()
    const oauth = helper(m.storage)
    const first = await oauth.getLoginUrl({ scope: "admin:projects" })
    expect(new URL(first.url).searchParams.get("scope")).toBe("admin:projects offline_access")
    const callback = await approve(first.url)
    const mismatch = await rejection(oauth.handleCallback({ callback_url: callback, verifier: first.verifier, expected_state: "nope" }))
    expect(mismatch).toBeInstanceOf(AuthError)
    expect((mismatch as AuthError).reason).toBe("StateMismatch")
    const other = await oauth.getLoginUrl()
    const wrong = await rejection(oauth.handleCallback({ callback_url: callback, verifier: other.verifier, expected_state: first.state }))
    expect(wrong).toBeInstanceOf(AuthError)
    expect((wrong as AuthError).reason).toBe("TokenRequestFailed")
    expect((wrong as AuthError).error).toBe("invalid_grant")
    expect(m.current()).toBeNull()
  })

  it("20 concurrent calls with an expired access token: one refresh, the rotated refresh token stored", async () => {
    const m = memory()
    const tokens = await login(m.storage)
    m.replace({ ...tokens, expires_at: Date.now() - 1000 })
    const c = client(m.storage)
    const results = await Promise.all(Array.from({ length: 20 }, () => c.projects.getAll()))
    expect(results).toHaveLength(20)
    expect(refreshes()).toHaveLength(1)
    expect(m.current()!.refresh_token).not.toBe(tokens.refresh_token)
    expect(m.current()!.expires_at).toBeGreaterThan(Date.now())
  })

  it("a revoked refresh token → AuthError refresh_token_invalid, storage cleared; then LoginRequired", async () => {
    const m = memory()
    const tokens = await login(m.storage)
    // another device logs out (revokes the refresh token); this one still has the tokens, now expired
    await helper(m.storage).logout()
    m.replace({ ...tokens, expires_at: Date.now() - 1000 })
    const c = client(m.storage)
    const error = await rejection(c.projects.getAll())
    expect(error).toBeInstanceOf(AuthError)
    expect((error as AuthError).refresh_token_invalid).toBe(true)
    expect(m.current()).toBeNull()
    expect(m.log.at(-1)).toBe("clear")
    const again = await rejection(c.projects.getAll())
    expect((again as AuthError).reason).toBe("LoginRequired")
    expect(JSON.stringify([String(error), (error as Error).stack])).not.toContain(tokens.refresh_token!)
  })

  it("logout revokes: the old refresh token no longer works, the storage is empty", async () => {
    const m = memory()
    const tokens = await login(m.storage)
    await helper(m.storage).logout()
    expect(m.current()).toBeNull()
    expect(server().requests().filter((r) => r.operation === "oauth.revoke")).toHaveLength(1)
    const response = await fetch(server().oauth.tokenURL, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: tokens.refresh_token!,
        client_id: "connected-app-live-c48152cf-8732-4981-8fd5-e52dd989d75f"
      }).toString()
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toBe("invalid_grant")
  })

  it("configuration is checked at construction", () => {
    const m = memory()
    const s = server()
    const build = (config: object) => () => new ManagementClient({ base_url: s.url, ...config })
    expect(build({ oauth: { token_storage: m.storage }, access_token: "t" })).toThrow(ClientError)
    expect(build({ oauth: { token_storage: {} } })).toThrow(/getTokens, setTokens and clearTokens/)
    expect(build({ oauth: { token_storage: m.storage, token_url: "http://evil.example/token" } })).toThrow(/token_url/)
    expect(() => new OAuth({ redirect_uri: "not a url" })).toThrow(ClientError)
  })

  it("refresh_leeway is configurable and capped at half the token's lifetime", async () => {
    const m = memory()
    const tokens = await login(m.storage)
    expect(tokens.issued_at).toBeTypeOf("number")
    const minute = 60_000
    // an hour-long token with 10 minutes left: refreshed with a 15-minute leeway, not with 5 minutes
    m.replace({ ...tokens, issued_at: Date.now() - 50 * minute, expires_at: Date.now() + 10 * minute })
    await client(m.storage, 5 * minute).projects.getAll()
    expect(refreshes()).toHaveLength(0)
    await client(m.storage, 15 * minute).projects.getAll()
    expect(refreshes()).toHaveLength(1)
    // a 60-second token with 50 s left: the default 60 s leeway is capped at 30 s, so no refresh yet
    const now = m.current()!
    m.replace({ ...now, issued_at: Date.now() - 10_000, expires_at: Date.now() + 50_000 })
    await client(m.storage).projects.getAll()
    expect(refreshes()).toHaveLength(1)
    m.replace({ ...now, issued_at: Date.now() - 40_000, expires_at: Date.now() + 20_000 })
    await client(m.storage).projects.getAll()
    expect(refreshes()).toHaveLength(2)
    expect(() => client(m.storage, -1)).toThrow(/refresh_leeway/)
    expect(() => client(m.storage, Number.NaN)).toThrow(ClientError)
  })

  it("RFC 9207: a callback naming another issuer → AuthError IssuerMismatch, nothing exchanged; the configured issuer passes", async () => {
    const m = memory()
    const oauth = helper(m.storage)
    const { state, url, verifier } = await oauth.getLoginUrl()
    const callback = new URL(await approve(url))
    callback.searchParams.set("iss", "https://evil.example")
    const error = await rejection(oauth.handleCallback({ callback_url: callback.href, verifier, expected_state: state }))
    expect(error).toBeInstanceOf(AuthError)
    expect((error as AuthError).reason).toBe("IssuerMismatch")
    expect(server().requests().filter((r) => r.operation === "oauth.token")).toHaveLength(0)
    expect(m.current()).toBeNull()
    const trusting = helper(m.storage, { issuer: "https://evil.example" })
    await trusting.handleCallback({ callback_url: callback.href, verifier, expected_state: state })
    expect(m.current()).not.toBeNull()
    expect(() => helper(m.storage, { issuer: "" })).toThrow(ClientError)
  })

  it("two clients sharing a storage with withLock refresh at the same moment: one refresh grant, the login lives", async () => {
    const m = memory()
    const shared: TokenStorage = { ...m.storage, withLock: mutex() }
    const tokens = await login(m.storage)
    m.replace({ ...tokens, expires_at: Date.now() - 1000 })
    const a = client(shared)
    const b = client(shared)
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).projects.getAll()))
    expect(results).toHaveLength(10)
    expect(refreshes()).toHaveLength(1)
    expect((await refreshDirectly(server(), m.current()!.refresh_token!)).status).toBe(200)
    expect(() => client({ ...m.storage, withLock: 1 } as never)).toThrow(/withLock/)
  })

  it("invalid_grant while the storage holds newer tokens: they are adopted, not cleared (compare-then-clear)", async () => {
    // a server without reuse detection, and no lock: another process refreshes just after ours read the storage
    await using s = await FakeManagementApi.start({ oauth: { refreshTokenReuseDetection: false } })
    const m = memory()
    const tokens = await login(m.storage, s)
    m.replace({ ...tokens, expires_at: Date.now() - 1000 })
    let reads = 0
    let theirs: Tokens | null = null
    const racing: TokenStorage = {
      ...m.storage,
      getTokens: async () => {
        const read = m.current()
        // read 1: the client loads the tokens; read 2: its refresh reads them again, then the other process wins
        if (++reads === 2) {
          theirs = (await refreshDirectly(s, read!.refresh_token!)).tokens
          m.replace(theirs)
        }
        return read
      }
    }
    expect((await client(racing, undefined, s).projects.getAll()).projects).toEqual([])
    expect(m.current()).toEqual(theirs)
    expect(m.log).not.toContain("clear")
    expect(refreshes(s)).toHaveLength(2) // theirs, and ours (refused)
  })
})
