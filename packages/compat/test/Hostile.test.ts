import { ClientError, ManagementClient } from "@stytch-effect/compat"
import { inspect } from "node:util"
import { afterEach, describe, expect, it, vi } from "vitest"
import { useServedFake } from "./utils.js"

const TOKEN = "tok-3f9a1c-secret-value"

const thrown = (f: () => unknown): ClientError => {
  try {
    f()
  } catch (error) {
    expect(error).toBeInstanceOf(ClientError)
    return error as ClientError
  }
  throw new Error("expected the constructor to throw")
}

const renderings = (error: unknown) => [String(error), inspect(error, { depth: 10 }), JSON.stringify(error)]

/** Clears the Stytch variables, whatever the machine running the tests has set. */
const clearEnv = () => {
  for (const name of ["STYTCH_WORKSPACE_KEY_ID", "STYTCH_WORKSPACE_KEY_SECRET", "STYTCH_ACCESS_TOKEN", "STYTCH_MANAGEMENT_BASE_URL"]) {
    vi.stubEnv(name, undefined)
  }
}
afterEach(() => {
  vi.unstubAllEnvs()
})

describe("the constructor checks every credential value", () => {
  it("begins with the official SDK's messages for missing fields", () => {
    clearEnv()
    expect(thrown(() => new ManagementClient()).message).toMatch(/^Missing "workspace_key_id" in config/)
    expect(thrown(() => new ManagementClient({ workspace_key_secret: TOKEN })).message).toMatch(
      /^Missing "workspace_key_id" in config/
    )
    const secret = thrown(() => new ManagementClient({ workspace_key_id: "id", workspace_key_secret: null as never }))
    expect(secret.code).toBe("MISSING_CREDENTIALS")
    expect(secret.message).toMatch(/^Missing "workspace_key_secret" in config/)
  })

  it("null counts as absent: access_token: null never sends `Bearer null`", () => {
    clearEnv()
    expect(thrown(() => new ManagementClient({ access_token: null as never })).code).toBe("MISSING_CREDENTIALS")
  })

  it("non-strings, blank strings and control characters are INVALID_CONFIG naming the field, never the value", () => {
    clearEnv()
    const cases: ReadonlyArray<readonly [Record<string, unknown>, string]> = [
      [{ workspace_key_id: 42, workspace_key_secret: TOKEN }, "workspace_key_id"],
      [{ workspace_key_id: "id", workspace_key_secret: { value: TOKEN } }, "workspace_key_secret"],
      [{ workspace_key_id: "id", workspace_key_secret: [TOKEN] }, "workspace_key_secret"],
      [{ workspace_key_id: "   ", workspace_key_secret: TOKEN }, "workspace_key_id"],
      [{ workspace_key_id: "id", workspace_key_secret: `${TOKEN}\r\n` }, "workspace_key_secret"],
      [{ access_token: `${TOKEN}\nx-evil: 1` }, "access_token"],
      [{ access_token: `${TOKEN}\u0000` }, "access_token"],
      [{ access_token: "  " }, "access_token"]
    ]
    for (const [config, field] of cases) {
      const error = thrown(() => new ManagementClient(config as never))
      expect(error.code).toBe("INVALID_CONFIG")
      expect(error.message).toMatch(new RegExp(`^${field} `))
      for (const text of renderings(error)) expect(text).not.toContain(TOKEN)
    }
  })

  it("a bad environment variable is INVALID_CONFIG naming the variable", () => {
    clearEnv()
    vi.stubEnv("STYTCH_ACCESS_TOKEN", `${TOKEN}\r\n`)
    const error = thrown(() => new ManagementClient())
    expect(error.code).toBe("INVALID_CONFIG")
    expect(error.message).toContain("STYTCH_ACCESS_TOKEN")
    for (const text of renderings(error)) expect(text).not.toContain(TOKEN)
  })

  it("base_url: the official message first, and nothing of the URL echoed", () => {
    const http = thrown(() => new ManagementClient({ base_url: "http://example.com", access_token: "t" }))
    expect(http.code).toBe("INVALID_BASE_URL")
    expect(http.message).toMatch(/^base_url must use HTTPS scheme/)
    for (const base_url of [`https://user:${TOKEN}@example.com`, `not a url ${TOKEN}`, `https://example.com/?key=${TOKEN}`]) {
      const error = thrown(() => new ManagementClient({ base_url, access_token: "t" }))
      expect(error.code).toBe("INVALID_BASE_URL")
      for (const text of renderings(error)) expect(text).not.toContain(TOKEN)
    }
  })
})

describe("requests that cannot be sent faithfully", () => {
  const { client, server } = useServedFake()

  it("a path param with a lone surrogate is a ClientError INVALID_PATH_PARAMETER, nothing sent", async () => {
    const c = client()
    const error = await c.projects.get({ projectSlug: `abc${"😀".slice(0, 1)}` }).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ClientError)
    expect((error as ClientError).code).toBe("INVALID_PATH_PARAMETER")
    expect(server().requests()).toEqual([])
  })

  it("NaN in a number field is a ClientError INVALID_REQUEST, nothing sent", async () => {
    const c = client()
    const error = await c.environments.create({ projectSlug: "p", name: "n", type: "LIVE", userLockTtl: Number.NaN }).then(
      () => undefined,
      (e: unknown) => e
    )
    expect((error as ClientError).code).toBe("INVALID_REQUEST")
    expect((error as ClientError).field).toBe("userLockTtl")
    expect(server().requests()).toEqual([])
  })
})
