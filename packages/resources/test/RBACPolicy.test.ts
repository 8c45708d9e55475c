import { it } from "@effect/vitest"
import { RBACPolicy } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Effect, Schema } from "effect"
import { describe, expect } from "vitest"
import { failureOf, raw, type Scope, testEnvironment, withFake } from "./utils.js"

const pathOf = (scope: Scope) => `/pwa/v3/projects/${scope.projectSlug}/environments/${scope.environmentSlug}/rbac_policy`

const customResources: ReadonlyArray<RBACPolicy.Resource> = [
  { resourceID: "resource1", description: "Resource 1", availableActions: ["read", "write", "delete"] },
  { resourceID: "resource2", description: "Resource 2", availableActions: ["read", "write"] },
  { resourceID: "resource3", description: "Resource 3", availableActions: ["do_admin_things"] }
]
const customScopes: ReadonlyArray<RBACPolicy.Scope> = [
  { scope: "scope1", description: "Scope 1", permissions: [{ resourceID: "resource1", actions: ["read", "write"] }] },
  { scope: "scope2", description: "Scope 2", permissions: [{ resourceID: "resource2", actions: ["read"] }] }
]
/** A custom role without a description. */
const writer: RBACPolicy.Role = {
  roleID: "writer_role",
  description: "",
  permissions: [
    { resourceID: "resource1", actions: ["read", "write"] },
    { resourceID: "resource2", actions: ["read", "write"] }
  ]
}
const admin: RBACPolicy.DefaultRole = {
  permissions: [
    { resourceID: "resource1", actions: ["read", "write", "delete"] },
    { resourceID: "resource2", actions: ["read", "write"] },
    { resourceID: "resource3", actions: ["do_admin_things"] }
  ]
}
const member: RBACPolicy.DefaultRole = {
  permissions: [{ resourceID: "resource1", actions: ["read"] }, { resourceID: "resource2", actions: ["read"] }]
}
const custom = { customRoles: [writer], customResources, customScopes }

/** The fields the official SDKs' tests compare. */
const compared = (policy: RBACPolicy.Policy) => ({
  stytchMember: policy.stytchMember,
  stytchAdmin: policy.stytchAdmin,
  stytchUser: policy.stytchUser,
  customRoles: policy.customRoles,
  customResources: policy.customResources,
  customScopes: policy.customScopes
})

describe("RBACPolicy", () => {
  it.effect("B2B: set returns, and a later get returns, exactly the policy sent", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const set = yield* RBACPolicy.set({ ...scope, stytchMember: member, stytchAdmin: admin, ...custom })
      const expected = { stytchMember: member, stytchAdmin: admin, stytchUser: undefined, ...custom }
      expect(compared(set.policy)).toEqual(expected)
      expect(set.policy.customRoles[0]!.description).toBe("")
      const got = yield* RBACPolicy.get(scope)
      expect(compared(got.policy)).toEqual(expected)
      expect(got.policy.customResources.map((r) => r.resourceID)).toEqual(["resource1", "resource2", "resource3"])
      expect(got.policy.customScopes.map((s) => s.scope)).toEqual(["scope1", "scope2"])
    }).pipe(withFake))

  it.effect("Consumer: set returns, and a later get returns, exactly the policy sent (stytch_user)", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("CONSUMER")
      const set = yield* RBACPolicy.set({ ...scope, stytchUser: admin, ...custom })
      const expected = { stytchMember: undefined, stytchAdmin: undefined, stytchUser: admin, ...custom }
      expect(compared(set.policy)).toEqual(expected)
      expect(compared((yield* RBACPolicy.get(scope)).policy)).toEqual(expected)
    }).pipe(withFake))

  it.effect("a Go-style body (no description, empty values left out) stores description '' and empty lists", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const response = yield* raw("PUT", pathOf(scope), {
        stytch_member: { permissions: [{ resource_id: "resource1", actions: ["read"] }] },
        custom_roles: [{ role_id: "writer_role", permissions: [{ resource_id: "resource1", actions: ["read"] }] }, {
          role_id: "nobody"
        }],
        custom_resources: [{ resource_id: "resource1", description: "Resource 1", available_actions: ["read"] }]
      })
      expect(response.status).toBe(200)
      expect(response.body.policy.custom_roles).toEqual([
        { role_id: "writer_role", description: "", permissions: [{ resource_id: "resource1", actions: ["read"] }] },
        { role_id: "nobody", description: "", permissions: [] }
      ])
      const got = yield* RBACPolicy.get(scope)
      expect(got.policy.customRoles[0]!.description).toBe("")
      expect(got.policy.stytchAdmin).toEqual({ permissions: [] })
      expect(got.policy.customScopes).toEqual([])
    }).pipe(withFake))

  it.effect("a default role of the other vertical fails with a 400 invalid_role_for_vertical; nothing changes", () =>
    Effect.gen(function*() {
      const consumer = yield* testEnvironment("CONSUMER")
      const before = (yield* RBACPolicy.get(consumer)).policy
      for (const role of [{ stytchMember: member }, { stytchAdmin: admin }]) {
        const error = yield* failureOf(RBACPolicy.set({ ...consumer, stytchUser: member, ...role, ...custom }))
        expect(error._tag === "StytchApiError" && [error.statusCode, error.errorType]).toEqual([
          400,
          "invalid_role_for_vertical"
        ])
      }
      expect((yield* RBACPolicy.get(consumer)).policy).toEqual(before)
      const b2b = yield* testEnvironment("B2B")
      const error = yield* failureOf(RBACPolicy.set({ ...b2b, stytchUser: member, ...custom }))
      expect(error._tag === "StytchApiError" && [error.statusCode, error.errorType]).toEqual([
        400,
        "invalid_role_for_vertical"
      ])
      expect(error._tag === "StytchApiError" && error.message).toContain("invalid_role_for_vertical")
    }).pipe(withFake))

  it.effect("a fresh environment has its vertical's default roles, Stytch resources and nothing custom", () =>
    Effect.gen(function*() {
      const b2b = (yield* RBACPolicy.get(yield* testEnvironment("B2B"))).policy
      expect(b2b.stytchMember?.permissions.length).toBeGreaterThan(0)
      expect(b2b.stytchAdmin?.permissions.length).toBeGreaterThan(0)
      expect(b2b.stytchUser).toBeUndefined()
      expect(b2b.stytchResources.map((r) => r.resourceID)).toEqual(
        expect.arrayContaining(["stytch.organization", "stytch.member", "stytch.sso", "stytch.scim"])
      )
      expect(b2b.stytchResources.every((r) => r.availableActions.length > 0)).toBe(true)
      expect([b2b.customRoles, b2b.customResources, b2b.customScopes]).toEqual([[], [], []])

      const consumer = (yield* RBACPolicy.get(yield* testEnvironment("CONSUMER"))).policy
      expect(consumer.stytchUser?.permissions.length).toBeGreaterThan(0)
      expect(consumer.stytchMember).toBeUndefined()
      expect(consumer.stytchAdmin).toBeUndefined()
      expect(consumer.stytchResources.map((r) => r.resourceID)).toContain("stytch.user")
      expect(consumer.stytchResources.map((r) => r.resourceID)).not.toContain("stytch.organization")
    }).pipe(withFake))

  it.effect("set replaces the whole policy: what is left out becomes empty; Stytch resources stay", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const before = (yield* RBACPolicy.get(scope)).policy
      yield* RBACPolicy.set({ ...scope, stytchMember: member, stytchAdmin: admin, ...custom })
      const { policy } = yield* RBACPolicy.set({ ...scope, stytchAdmin: { permissions: [] } })
      expect(compared(policy)).toEqual({
        stytchMember: { permissions: [] },
        stytchAdmin: { permissions: [] },
        stytchUser: undefined,
        customRoles: [],
        customResources: [],
        customScopes: []
      })
      expect(policy.stytchResources).toEqual(before.stytchResources)
    }).pipe(withFake))

  it.effect("permissions must name a resource of the policy and one of its actions; ids must be unique", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const cases = [
        [{ customRoles: [{ roleID: "r", description: "", permissions: [{ resourceID: "ghost", actions: ["read"] }] }] }, "invalid_permission_resource"],
        [{ customResources, stytchMember: { permissions: [{ resourceID: "resource3", actions: ["read"] }] } }, "invalid_permission_action"],
        [{ customResources, customRoles: [writer, writer] }, "duplicate_role_id"],
        [{ customResources: [...customResources, customResources[0]!] }, "duplicate_resource_id"],
        [{ customResources, customScopes: [...customScopes, customScopes[1]!] }, "duplicate_scope"],
        [{ customResources: [{ resourceID: "stytch.custom", description: "", availableActions: [] }] }, "reserved_resource_id"],
        [{ customRoles: [{ roleID: "stytch_owner", description: "", permissions: [] }] }, "reserved_role_id"]
      ] as const
      for (const [policy, errorType] of cases) {
        const error = yield* failureOf(RBACPolicy.set({ ...scope, ...policy }))
        expect(error._tag === "StytchApiError" && [error.statusCode, error.errorType]).toEqual([400, errorType])
      }
      // "*" and Stytch resources are accepted
      const ok = yield* RBACPolicy.set({
        ...scope,
        customResources,
        stytchMember: { permissions: [{ resourceID: "resource3", actions: ["*"] }, { resourceID: "stytch.self", actions: ["*"] }] }
      })
      expect(ok.policy.stytchMember?.permissions).toHaveLength(2)
    }).pipe(withFake))

  it.effect("an unknown environment is a 404 environment_not_found", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const error = yield* failureOf(RBACPolicy.set({ ...scope, environmentSlug: "nope", ...custom }))
      expect(error._tag === "StytchApiError" && [error.statusCode, error.errorType]).toEqual([404, "environment_not_found"])
    }).pipe(withFake))

  it.effect("empty path parameters are InvalidRequestErrors; nothing is sent", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const get = yield* failureOf(RBACPolicy.get({ projectSlug: "", environmentSlug: "e" }))
      expect(get._tag === "InvalidRequestError" && [get.kind, get.field]).toEqual(["MissingPathParameter", "projectSlug"])
      const set = yield* failureOf(RBACPolicy.set({ projectSlug: "p", environmentSlug: "", ...custom }))
      expect(set._tag === "InvalidRequestError" && [set.kind, set.field]).toEqual([
        "MissingPathParameter",
        "environmentSlug"
      ])
      expect(yield* fake.requests).toEqual([])
    }).pipe(withFake))

  it("responses decode leniently: absent lists are empty, absent descriptions are ''", () => {
    const decoded = Schema.decodeUnknownSync(RBACPolicy.GetResponse)({
      request_id: "r",
      status_code: 200,
      policy: { custom_roles: [{ role_id: "viewer" }], stytch_user: {} }
    })
    expect(decoded.policy).toEqual(
      new RBACPolicy.Policy({
        stytchResources: [],
        customRoles: [{ roleID: "viewer", description: "", permissions: [] }],
        customResources: [],
        customScopes: [],
        stytchUser: { permissions: [] }
      })
    )
  })
})
