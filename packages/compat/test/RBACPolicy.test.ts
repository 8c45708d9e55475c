import { ClientError, ManagementStytchError, type rbacPolicy } from "@stytch-effect/compat"
import { describe, expect, it } from "vitest"
import { rejection, testEnvironment, useServedFake } from "./utils.js"

const { client, server } = useServedFake()

const customResources: Array<rbacPolicy.Resource> = [
  { resourceID: "resource1", description: "Resource 1", availableActions: ["read", "write", "delete"] },
  { resourceID: "resource2", description: "Resource 2", availableActions: ["read", "write"] },
  { resourceID: "resource3", description: "Resource 3", availableActions: ["do_admin_things"] }
]
const customScopes: Array<rbacPolicy.Scope> = [
  { scope: "scope1", description: "Scope 1", permissions: [{ resourceID: "resource1", actions: ["read", "write"] }] },
  { scope: "scope2", description: "Scope 2", permissions: [{ resourceID: "resource2", actions: ["read"] }] }
]
const customRoles: Array<rbacPolicy.Role> = [{
  roleID: "writer_role",
  description: "",
  permissions: [
    { resourceID: "resource1", actions: ["read", "write"] },
    { resourceID: "resource2", actions: ["read", "write"] }
  ]
}]
const admin: rbacPolicy.DefaultRole = {
  permissions: [
    { resourceID: "resource1", actions: ["read", "write", "delete"] },
    { resourceID: "resource2", actions: ["read", "write"] },
    { resourceID: "resource3", actions: ["do_admin_things"] }
  ]
}
const member: rbacPolicy.DefaultRole = {
  permissions: [{ resourceID: "resource1", actions: ["read"] }, { resourceID: "resource2", actions: ["read"] }]
}
const custom = { customRoles, customResources, customScopes }

describe("client.rbacPolicy", () => {
  it("B2B: set and a later get return exactly the policy sent", async () => {
    const c = client()
    const scope = await testEnvironment(c, "B2B")
    const set = await c.rbacPolicy.set({ ...scope, stytchMember: member, stytchAdmin: admin, ...custom })
    const expected = { stytchMember: member, stytchAdmin: admin, ...custom }
    expect(set.policy).toMatchObject(expected)
    expect(set.policy.stytchUser).toBeUndefined()
    expect(set.policy.stytchResources.map((r) => r.resourceID)).toContain("stytch.organization")
    const got = await c.rbacPolicy.get(scope)
    expect(got.policy).toMatchObject(expected)
    expect(got.policy.customRoles).toEqual(customRoles)
  })

  it("Consumer: set and a later get return exactly the policy sent (stytch_user)", async () => {
    const c = client()
    const scope = await testEnvironment(c, "CONSUMER")
    const set = await c.rbacPolicy.set({ ...scope, stytchUser: admin, ...custom })
    expect(set.policy).toMatchObject({ stytchUser: admin, ...custom })
    const got = await c.rbacPolicy.get(scope)
    expect(got.policy).toEqual(set.policy)
    expect(got.policy.stytchMember).toBeUndefined()
    expect(got.policy.stytchResources.map((r) => r.resourceID)).toContain("stytch.user")
  })

  it("stytch_member on a Consumer environment fails with invalid_role_for_vertical", async () => {
    const c = client()
    const scope = await testEnvironment(c, "CONSUMER")
    const error = await rejection(c.rbacPolicy.set({ ...scope, stytchUser: admin, stytchMember: admin, ...custom }))
    expect(error).toBeInstanceOf(ManagementStytchError)
    const e = error as ManagementStytchError
    expect([e.status_code, e.error_type]).toEqual([400, "invalid_role_for_vertical"])
    expect(e.message).toContain("invalid_role_for_vertical")
    const b2b = await testEnvironment(c, "B2B")
    const user = await rejection(c.rbacPolicy.set({ ...b2b, stytchUser: member }))
    expect((user as ManagementStytchError).error_type).toBe("invalid_role_for_vertical")
  })

  it("MISSING_PATH_PARAMETER before any request", async () => {
    const c = client()
    const error = await rejection(c.rbacPolicy.set({ projectSlug: "", environmentSlug: "e", ...custom }))
    expect(error).toBeInstanceOf(ClientError)
    expect((error as ClientError).code).toBe("MISSING_PATH_PARAMETER")
    expect((error as ClientError).message).toBe("projectSlug cannot be empty")
    expect(server().requests()).toEqual([])
  })
})
