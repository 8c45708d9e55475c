import { RBACPolicy } from "@stytch-effect/resources"
import { badRequest } from "../errors.js"
import { type EnvironmentState, slot } from "../state.js"
import { environmentOf, type Handlers } from "./common.js"

type DefaultRoleKey = "stytchMember" | "stytchAdmin" | "stytchUser"

const wireName: Record<DefaultRoleKey, string> = {
  stytchMember: "stytch_member",
  stytchAdmin: "stytch_admin",
  stytchUser: "stytch_user"
}

const resource = (resourceID: string, description: string, availableActions: ReadonlyArray<string>) => ({
  resourceID,
  description,
  availableActions
})

/** Stytch-defined resources of B2B projects. */
const b2bResources: ReadonlyArray<RBACPolicy.Resource> = [
  resource("stytch.organization", "Stytch-defined resource for organizations.", [
    "update.info.name",
    "update.info.slug",
    "update.info.logo-url",
    "update.settings.allowed-domains",
    "update.settings.allowed-auth-methods",
    "update.settings.mfa-policy",
    "delete"
  ]),
  resource("stytch.member", "Stytch-defined resource for organization members.", [
    "create",
    "search",
    "update.info.name",
    "update.info.untrusted-metadata",
    "update.settings.roles",
    "revoke-sessions",
    "delete"
  ]),
  resource("stytch.sso", "Stytch-defined resource for SSO connections.", ["create", "get", "update", "delete"]),
  resource("stytch.scim", "Stytch-defined resource for SCIM connections.", ["create", "get", "update", "rotate", "delete"]),
  resource("stytch.self", "Stytch-defined resource for the member's own record.", [
    "update.info.name",
    "update.info.untrusted-metadata",
    "revoke-sessions",
    "delete"
  ])
]

/** Stytch-defined resources of Consumer projects. */
const consumerResources: ReadonlyArray<RBACPolicy.Resource> = [
  resource("stytch.user", "Stytch-defined resource for users.", ["create", "get", "search", "update", "revoke-sessions", "delete"]),
  resource("stytch.self", "Stytch-defined resource for the user's own record.", ["update.info", "revoke-sessions", "delete"])
]

const all = (resourceID: string): RBACPolicy.Permission => ({ resourceID, actions: ["*"] })

/** What an environment's policy holds; the Stytch resources follow from the vertical. */
interface StoredPolicy {
  readonly vertical: "B2B" | "CONSUMER" | "ALL"
  readonly roles: Partial<Record<DefaultRoleKey, RBACPolicy.DefaultRole>>
  readonly customRoles: ReadonlyArray<RBACPolicy.Role>
  readonly customResources: ReadonlyArray<RBACPolicy.Resource>
  readonly customScopes: ReadonlyArray<RBACPolicy.Scope>
}

const verticalOf = (state: EnvironmentState): StoredPolicy["vertical"] => {
  const vertical = state.project.project.vertical
  if (vertical === "B2B") return "B2B"
  return vertical === "ALL" ? "ALL" : "CONSUMER"
}

/** The default roles a vertical has. */
const roleKeys = (vertical: StoredPolicy["vertical"]): ReadonlyArray<DefaultRoleKey> =>
  vertical === "B2B"
    ? ["stytchMember", "stytchAdmin"]
    : vertical === "CONSUMER"
    ? ["stytchUser"]
    : ["stytchMember", "stytchAdmin", "stytchUser"]

const stytchResourcesOf = (vertical: StoredPolicy["vertical"]): ReadonlyArray<RBACPolicy.Resource> =>
  vertical === "B2B"
    ? b2bResources
    : vertical === "CONSUMER"
    ? consumerResources
    : [...b2bResources, ...consumerResources.filter((r) => r.resourceID !== "stytch.self")]

/** A new environment's policy: Stytch's default roles with their default grants, nothing custom. */
const policyOf = slot((state: EnvironmentState): { current: StoredPolicy } => {
  const vertical = verticalOf(state)
  const defaults: Record<DefaultRoleKey, RBACPolicy.DefaultRole> = {
    stytchMember: { permissions: [all("stytch.self")] },
    stytchAdmin: {
      permissions: ["stytch.organization", "stytch.member", "stytch.sso", "stytch.scim", "stytch.self"].map(all)
    },
    stytchUser: { permissions: [all("stytch.self")] }
  }
  const roles: StoredPolicy["roles"] = {}
  for (const key of roleKeys(vertical)) roles[key] = defaults[key]
  return { current: { vertical, roles, customRoles: [], customResources: [], customScopes: [] } }
})

const toPolicy = (stored: StoredPolicy): RBACPolicy.Policy =>
  new RBACPolicy.Policy({
    stytchResources: stytchResourcesOf(stored.vertical),
    customRoles: stored.customRoles,
    customResources: stored.customResources,
    customScopes: stored.customScopes,
    ...stored.roles
  })

const checkUnique = (ids: ReadonlyArray<string>, errorType: string, what: string) => {
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) throw badRequest(errorType, `Duplicate ${what}: ${id}.`)
    seen.add(id)
  }
}

/** Every permission must name a known resource and, for a custom resource, one of its actions (or `*`). */
const checkPermissions = (
  owner: string,
  permissions: ReadonlyArray<RBACPolicy.Permission>,
  resources: ReadonlyMap<string, RBACPolicy.Resource>,
  stytchResources: ReadonlySet<string>
) => {
  for (const permission of permissions) {
    if (stytchResources.has(permission.resourceID)) continue
    const target = resources.get(permission.resourceID)
    if (target === undefined) {
      throw badRequest(
        "invalid_permission_resource",
        `${owner} grants a permission on ${permission.resourceID}, which is not a resource of the policy.`
      )
    }
    for (const action of permission.actions) {
      if (action !== "*" && !target.availableActions.includes(action)) {
        throw badRequest(
          "invalid_permission_action",
          `${owner} grants action ${action} on ${permission.resourceID}, which is not one of its available actions.`
        )
      }
    }
  }
}

/** @internal */
export const rbacPolicy: Handlers<typeof RBACPolicy> = {
  get: (request, { workspace }) => ({ policy: toPolicy(policyOf(environmentOf(workspace, request)).current) }),
  set: (request, { workspace }) => {
    const environment = environmentOf(workspace, request)
    const state = policyOf(environment)
    const vertical = state.current.vertical
    const allowed = roleKeys(vertical)
    for (const key of ["stytchMember", "stytchAdmin", "stytchUser"] as const) {
      if (request[key] !== undefined && !allowed.includes(key)) {
        throw badRequest(
          "invalid_role_for_vertical",
          `${wireName[key]} is not a default role of ${vertical} projects.`
        )
      }
    }
    // A replace, not a patch: what is left out becomes empty.
    const customRoles = request.customRoles ?? []
    const customResources = request.customResources ?? []
    const customScopes = request.customScopes ?? []
    checkUnique(customResources.map((r) => r.resourceID), "duplicate_resource_id", "resource_id")
    checkUnique(customRoles.map((r) => r.roleID), "duplicate_role_id", "role_id")
    checkUnique(customScopes.map((s) => s.scope), "duplicate_scope", "scope")
    for (const r of customResources) {
      if (r.resourceID.startsWith("stytch.")) {
        throw badRequest("reserved_resource_id", `Resource ids starting with "stytch." are reserved: ${r.resourceID}.`)
      }
    }
    for (const r of customRoles) {
      if (r.roleID.startsWith("stytch_")) {
        throw badRequest("reserved_role_id", `Role ids starting with "stytch_" are reserved: ${r.roleID}.`)
      }
    }
    const resources = new Map(customResources.map((r) => [r.resourceID, r] as const))
    const stytchResources = new Set(stytchResourcesOf(vertical).map((r) => r.resourceID))
    const roles: StoredPolicy["roles"] = {}
    for (const key of allowed) {
      const role = request[key] ?? { permissions: [] }
      checkPermissions(wireName[key], role.permissions, resources, stytchResources)
      roles[key] = role
    }
    for (const r of customRoles) checkPermissions(`Role ${r.roleID}`, r.permissions, resources, stytchResources)
    for (const s of customScopes) checkPermissions(`Scope ${s.scope}`, s.permissions, resources, stytchResources)
    state.current = { vertical, roles, customRoles, customResources, customScopes }
    return { policy: toPolicy(state.current) }
  }
}
