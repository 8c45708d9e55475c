import { AuthError, ClientError, ManagementClient, OAuth, type Tokens, type TokenStorage } from "@stytch-effect/compat"
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

const helper = (storage: TokenStorage) => {
  const { authorizeURL, revokeURL, tokenURL } = server().oauth
  return new OAuth({
    redirect_uri: REDIRECT,
    token_storage: storage,
    authorize_url: authorizeURL,
    token_url: tokenURL,
    revoke_url: revokeURL
  })
}

const client = (storage: TokenStorage) => {
  const s = server()
  const c = new ManagementClient({
    base_url: s.url,
    max_retries: 0,
    oauth: { token_storage: storage, token_url: s.oauth.tokenURL, revoke_url: s.oauth.revokeURL }
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

const login = async (storage: TokenStorage) => {
  const oauth = helper(storage)
  const { state, url, verifier } = await oauth.getLoginUrl()
  return oauth.handleCallback({ callback_url: await approve(url), verifier, expected_state: state })
}

const refreshes = () =>
  server().requests().filter((r) => r.operation === "oauth.token" && (r.body as { grant_type: string }).grant_type === "refresh_token")

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
})
