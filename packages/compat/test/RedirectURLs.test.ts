import { ClientError, ManagementStytchError, type redirectURLs } from "@stytch-effect/compat"
import { describe, expect, it } from "vitest"
import { liveProject, testEnvironment, useServedFake } from "./utils.js"

const { client, server } = useServedFake()

/** The rejection of a call (fails the test if it resolves). */
const rejection = async (call: () => Promise<unknown>): Promise<unknown> => {
  try {
    await call()
  } catch (error) {
    return error
  }
  throw new Error("expected the promise to reject")
}

const typesOf = (url: redirectURLs.RedirectURL) => Object.fromEntries(url.validTypes.map((t) => [t.type, t.isDefault]))

const redirectRequests = () => server().requests().filter((r) => r.operation?.startsWith("redirectURLs."))

describe("redirectURLs through the facade, over loopback HTTP", () => {
  it("every operation round-trips", async () => {
    const c = client()
    const scope = await testEnvironment(c, "B2B")
    const url = "https://example.com/authenticate"
    const created: redirectURLs.CreateResponse = await c.redirectURLs.create({
      ...scope,
      url,
      validTypes: [{ type: "LOGIN", isDefault: true }]
    })
    expect(created.redirectURL).toEqual({ url, validTypes: [{ type: "LOGIN", isDefault: true }] })
    expect(created.statusCode).toBe(200)
    const got: redirectURLs.GetResponse = await c.redirectURLs.get({ ...scope, url })
    expect(got.redirectURL).toEqual(created.redirectURL)
    const all: redirectURLs.GetAllResponse = await c.redirectURLs.getAll(scope)
    expect(all.redirectURLs.map((u) => u.url)).toEqual(["http://localhost:3000/authenticate", url])
    const validTypes: ReadonlyArray<redirectURLs.URLType> = [
      { type: "LOGIN", isDefault: true },
      { type: "SIGNUP", isDefault: true },
      { type: "INVITE", isDefault: false }
    ]
    const updated: redirectURLs.UpdateResponse = await c.redirectURLs.update({ ...scope, url, validTypes })
    expect(updated.redirectURL.validTypes).toEqual(validTypes)
    const deleted: redirectURLs.DeleteResponse = await c.redirectURLs.delete({ ...scope, url })
    expect(deleted.requestID).toMatch(/^request-id-test-/)
    const error = await rejection(() => c.redirectURLs.get({ ...scope, url }))
    expect(error).toBeInstanceOf(ManagementStytchError)
    expect(error).toMatchObject({ status_code: 404, error_type: "redirect_url_not_found" })
    expect(String(error)).toContain("404")

    const sent = redirectRequests()
    expect(sent.map((r) => [r.method, r.query, r.body])).toEqual([
      ["POST", {}, { url, valid_types: [{ type: "LOGIN", is_default: true }] }],
      ["GET", { url }, undefined],
      ["GET", {}, undefined],
      ["PUT", { url }, { valid_types: [{ type: "LOGIN", is_default: true }, { type: "SIGNUP", is_default: true }, { type: "INVITE", is_default: false }] }],
      ["DELETE", { url }, undefined],
      ["GET", { url }, undefined]
    ])
  })

  it("URLs with ?, &, #, %, +, spaces and non-ASCII round-trip over HTTP", async () => {
    const c = client()
    const scope = await testEnvironment(c, "B2B")
    const awkward = [
      "https://localhost:3002/login?expires_at={}",
      "https://example.com/cb?a=1&b=2",
      "https://example.com/cb#fragment",
      "https://example.com/cb?token=%2F%20already-encoded",
      "https://example.com/cb?q=a+b",
      "https://example.com/a path/with spaces?q=x y",
      "https://例え.jp/ログイン?名前=値&emoji=🎉"
    ]
    for (const url of awkward) {
      const created = await c.redirectURLs.create({ ...scope, url, validTypes: [{ type: "LOGIN", isDefault: false }] })
      expect(created.redirectURL.url).toBe(url)
      expect((await c.redirectURLs.get({ ...scope, url })).redirectURL.url).toBe(url)
      const updated = await c.redirectURLs.update({ ...scope, url, validTypes: [{ type: "SIGNUP", isDefault: false }] })
      expect(updated.redirectURL.url).toBe(url)
      await c.redirectURLs.delete({ ...scope, url, doNotPromoteDefaults: true })
      expect(await rejection(() => c.redirectURLs.get({ ...scope, url }))).toMatchObject({ status_code: 404 })
    }
    const queried = redirectRequests().filter((r) => r.method === "DELETE").map((r) => r.query)
    expect(queried).toEqual(awkward.map((url) => ({ url, do_not_promote_defaults: "true" })))
  })

  it("create of an existing URL merges types; a fresh TEST environment has one default URL", async () => {
    const c = client()
    const scope = await testEnvironment(c, "CONSUMER")
    const initial = (await c.redirectURLs.getAll(scope)).redirectURLs
    expect(initial).toHaveLength(1)
    expect(typesOf(initial[0]!)).toEqual({ LOGIN: true, SIGNUP: true, INVITE: true, RESET_PASSWORD: true })
    const url = "https://example.com/merge"
    await c.redirectURLs.create({ ...scope, url, validTypes: [{ type: "LOGIN", isDefault: true }] })
    await c.redirectURLs.create({ ...scope, url, validTypes: [{ type: "SIGNUP", isDefault: true }] })
    const got = await c.redirectURLs.get({ ...scope, url })
    expect(got.redirectURL.validTypes).toHaveLength(2)
    expect(typesOf(got.redirectURL)).toEqual({ LOGIN: true, SIGNUP: true })
    expect(typesOf((await c.redirectURLs.get({ ...scope, url: initial[0]!.url })).redirectURL)).toMatchObject({
      LOGIN: false,
      SIGNUP: false,
      INVITE: true
    })
  })

  it("do_not_promote_defaults: create keeps is_default false, delete promotes nobody", async () => {
    const c = client()
    const scope = await liveProject(c, "B2B")
    const a = "https://example.com/a"
    const b = "https://example.com/b"
    const first = await c.redirectURLs.create({ ...scope, url: a, validTypes: [{ type: "LOGIN", isDefault: false }] })
    expect(typesOf(first.redirectURL)).toEqual({ LOGIN: true })
    const quiet = await c.redirectURLs.create({
      ...scope,
      url: b,
      validTypes: [{ type: "RESET_PASSWORD", isDefault: false }, { type: "LOGIN", isDefault: false }],
      doNotPromoteDefaults: true
    })
    expect(typesOf(quiet.redirectURL)).toEqual({ RESET_PASSWORD: false, LOGIN: false })
    await c.redirectURLs.delete({ ...scope, url: a, doNotPromoteDefaults: true })
    expect(typesOf((await c.redirectURLs.get({ ...scope, url: b })).redirectURL)).toEqual({ RESET_PASSWORD: false, LOGIN: false })
  })

  it("update replaces types; get, update and delete of an unknown URL are 404", async () => {
    const c = client()
    const scope = await testEnvironment(c, "B2B")
    const url = "https://example.com/replace"
    await c.redirectURLs.create({ ...scope, url, validTypes: [{ type: "LOGIN", isDefault: false }] })
    const three = await c.redirectURLs.update({
      ...scope,
      url,
      validTypes: [{ type: "LOGIN", isDefault: false }, { type: "SIGNUP", isDefault: false }, { type: "INVITE", isDefault: false }]
    })
    expect(three.redirectURL.validTypes).toHaveLength(3)
    const unknown = { ...scope, url: "https://example.com/unknown" }
    for (
      const call of [
        () => c.redirectURLs.get(unknown),
        () => c.redirectURLs.update({ ...unknown, validTypes: [] }),
        () => c.redirectURLs.delete(unknown)
      ]
    ) {
      const error = await rejection(call)
      expect(error).toBeInstanceOf(ManagementStytchError)
      expect(error).toMatchObject({ status_code: 404, error_type: "redirect_url_not_found" })
    }
  })

  it("an empty url, an empty path param or an unknown type is a ClientError and sends nothing", async () => {
    const c = client()
    const scope = await testEnvironment(c, "B2B")
    const before = server().requests().length
    for (
      const call of [
        () => c.redirectURLs.get({ ...scope, url: "" }),
        () => c.redirectURLs.update({ ...scope, url: "" }),
        () => c.redirectURLs.delete({ ...scope, url: " " }),
        () => c.redirectURLs.create({ ...scope, url: "" })
      ]
    ) {
      const error = await rejection(call)
      expect(error).toBeInstanceOf(ClientError)
      expect(error).toMatchObject({ code: "INVALID_REQUEST" })
      expect((error as Error).message).toContain("cannot be empty")
    }
    for (
      const call of [
        () => c.redirectURLs.get({ ...scope, projectSlug: "", url: "https://example.com" }),
        () => c.redirectURLs.getAll({ ...scope, environmentSlug: "" }),
        () => c.redirectURLs.delete({ ...scope, environmentSlug: "", url: "https://example.com" })
      ]
    ) {
      const error = await rejection(call)
      expect(error).toBeInstanceOf(ClientError)
      expect(error).toMatchObject({ code: "MISSING_PATH_PARAMETER" })
    }
    const typo = await rejection(() =>
      c.redirectURLs.create({
        ...scope,
        url: "https://example.com/typo",
        // @ts-expect-error: not a RedirectURLType
        validTypes: [{ type: "SIGN_UP", isDefault: true }]
      })
    )
    expect(typo).toMatchObject({ code: "INVALID_REQUEST" })
    expect(server().requests().length).toBe(before)
  })
})
