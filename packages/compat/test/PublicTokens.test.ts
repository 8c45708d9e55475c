import { ClientError, ManagementStytchError, type publicTokens } from "@stytch-effect/compat"
import { describe, expect, it } from "vitest"
import { liveProject, rejection, testEnvironment, useServedFake } from "./utils.js"

const { client, server } = useServedFake()

describe("client.publicTokens over loopback HTTP", () => {
  it("exposes exactly create, delete, get and getAll", () => {
    expect(Object.keys(client().publicTokens).sort()).toEqual(["create", "delete", "get", "getAll"])
  })

  it("create, get, getAll and delete round-trip", async () => {
    const c = client()
    const scope = await testEnvironment(c, "CONSUMER")
    const initial: publicTokens.GetAllResponse = await c.publicTokens.getAll(scope)
    expect(initial.publicTokens).toHaveLength(1)

    const created: publicTokens.CreateResponse = await c.publicTokens.create(scope)
    expect(created.publicToken.publicToken.length).toBeGreaterThan(10)
    expect(typeof created.publicToken.createdAt).toBe("string")
    expect(created.requestID).toMatch(/^request-id-test-/)

    const got: publicTokens.GetResponse = await c.publicTokens.get({
      ...scope,
      publicToken: created.publicToken.publicToken
    })
    expect(got.publicToken).toEqual(created.publicToken)

    const all = await c.publicTokens.getAll(scope)
    expect(all.publicTokens).toHaveLength(2)
    expect(all.publicTokens).toContainEqual(created.publicToken)

    const deleted: publicTokens.DeleteResponse = await c.publicTokens.delete({
      ...scope,
      publicToken: initial.publicTokens[0]!.publicToken
    })
    expect(deleted.requestID).not.toBe("")
    expect((await c.publicTokens.getAll(scope)).publicTokens).toEqual([created.publicToken])
    expect(server().requests().find((r) => r.operation === "publicTokens.create")?.body).toEqual({})
  })

  it("refuses to delete the last public token with a 400", async () => {
    const c = client()
    const scope = await liveProject(c, "B2B")
    const [only] = (await c.publicTokens.getAll(scope)).publicTokens
    const error = await rejection(c.publicTokens.delete({ ...scope, publicToken: only!.publicToken }))
    expect(error).toBeInstanceOf(ManagementStytchError)
    const e = error as ManagementStytchError
    expect(e.status_code).toBe(400)
    expect(e.error_type).toBe("cannot_delete_last_public_token")
    expect((await c.publicTokens.getAll(scope)).publicTokens).toEqual([only])
  })

  it("an unknown token is a 404", async () => {
    const c = client()
    const scope = await liveProject(c, "B2B")
    const token = { ...scope, publicToken: "public-token-does-not-exist" }
    for (const call of [() => c.publicTokens.get(token), () => c.publicTokens.delete(token)]) {
      const error = await rejection(call())
      expect(error).toBeInstanceOf(ManagementStytchError)
      expect((error as ManagementStytchError).status_code).toBe(404)
      expect((error as ManagementStytchError).error_type).toBe("public_token_not_found")
    }
  })

  it("an empty path parameter is a MISSING_PATH_PARAMETER ClientError, before any request", async () => {
    const c = client()
    const cases: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
      ["projectSlug", () => c.publicTokens.create({ projectSlug: "", environmentSlug: "e" })],
      ["environmentSlug", () => c.publicTokens.getAll({ projectSlug: "p", environmentSlug: "" })],
      ["publicToken", () => c.publicTokens.get({ projectSlug: "p", environmentSlug: "e", publicToken: "" })],
      ["publicToken", () => c.publicTokens.delete({ projectSlug: "p", environmentSlug: "e", publicToken: " " })]
    ]
    for (const [field, call] of cases) {
      const error = await rejection(call())
      expect(error).toBeInstanceOf(ClientError)
      expect((error as ClientError).code).toBe("MISSING_PATH_PARAMETER")
      expect((error as ClientError).message).toBe(`${field} cannot be empty`)
    }
    expect(server().requests()).toEqual([])
  })
})
