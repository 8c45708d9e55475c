/**
 * The RBAC policy of an environment: the permissions of Stytch's default
 * roles (B2B: `stytch_member`, `stytch_admin`; Consumer: `stytch_user`), and
 * the environment's custom roles, resources and scopes. `set` replaces the
 * policy whole; sending a default role of the other vertical fails with
 * `invalid_role_for_vertical`.
 *
 * @since 0.1.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as Wire from "@stytch-effect/core/Wire"
import * as Schema from "effect/Schema"
import { environmentScope, PE } from "./internal/scope.js"

/**
 * A string that decodes as `""` when the wire leaves it out (Go drops empty
 * strings), and is always sent.
 */
const text = <const Key extends string>(key: Key, description: string) =>
  Schema.optionalWith(Schema.String, { default: () => "" }).annotations({ description }).pipe(Schema.fromKey(key))

/**
 * A list that decodes as `[]` when the wire leaves it out (Go drops empty
 * slices; protobuf JSON omits empty repeated fields), and is always sent.
 */
const list = <const Key extends string, S extends Schema.Schema.Any>(key: Key, item: S, description: string) =>
  Schema.optionalWith(Schema.Array(item), { default: () => [] }).annotations({ description }).pipe(
    Schema.fromKey(key)
  )

const Permission_ = Schema.Struct({
  resourceID: Wire.field("resource_id", Schema.String, "Resource the permission applies to."),
  actions: list("actions", Schema.String, "Actions allowed on the resource (free-form strings such as read, write).")
})
/**
 * Actions granted on one resource (`"*"` grants every action).
 *
 * @since 0.1.0
 * @category models
 */
export interface Permission extends Schema.Schema.Type<typeof Permission_> {}
/**
 * The schema of {@link Permission}; an `actions` list the server leaves out
 * decodes as `[]`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Permission: Schema.Schema<Permission, typeof Permission_.Encoded> = Permission_

const DefaultRole_ = Schema.Struct({
  permissions: list(
    "permissions",
    Permission,
    "Permissions granted; role id and description are Stytch-managed."
  )
})
/**
 * The permissions of one of Stytch's default roles (its id and description
 * are Stytch-managed).
 *
 * @since 0.1.0
 * @category models
 */
export interface DefaultRole extends Schema.Schema.Type<typeof DefaultRole_> {}
/**
 * The schema of {@link DefaultRole}; a `permissions` list the server leaves out
 * decodes as `[]`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DefaultRole: Schema.Schema<DefaultRole, typeof DefaultRole_.Encoded> = DefaultRole_

const Resource_ = Schema.Struct({
  resourceID: Wire.field("resource_id", Schema.String, "Human-readable id, unique in the environment."),
  description: text("description", "Description."),
  availableActions: list("available_actions", Schema.String, "Actions that may be granted on this resource.")
})
/**
 * A resource and the actions that may be granted on it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Resource extends Schema.Schema.Type<typeof Resource_> {}
/**
 * The schema of {@link Resource}; an absent `description` decodes as `""`, an
 * absent `availableActions` as `[]`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Resource: Schema.Schema<Resource, typeof Resource_.Encoded> = Resource_

const Role_ = Schema.Struct({
  roleID: Wire.field("role_id", Schema.String, "Human-readable id, unique in the environment."),
  description: text("description", "Description (may be empty)."),
  permissions: list("permissions", Permission, "Permissions granted.")
})
/**
 * A custom role. An empty `description` is `""`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Role extends Schema.Schema.Type<typeof Role_> {}
/**
 * The schema of {@link Role}; an absent `description` decodes as `""`, an
 * absent `permissions` as `[]`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Role: Schema.Schema<Role, typeof Role_.Encoded> = Role_

const Scope_ = Schema.Struct({
  scope: Schema.String.annotations({ description: "Scope name, unique in the environment." }),
  description: text("description", "Description."),
  permissions: list("permissions", Permission, "Permissions granted.")
})
/**
 * A custom scope (for M2M and OAuth tokens) and the permissions it grants.
 *
 * @since 0.1.0
 * @category models
 */
export interface Scope extends Schema.Schema.Type<typeof Scope_> {}
/**
 * The schema of {@link Scope}; an absent `description` decodes as `""`, an
 * absent `permissions` as `[]`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Scope: Schema.Schema<Scope, typeof Scope_.Encoded> = Scope_

/**
 * An environment's RBAC policy. Only the default roles of the project's
 * vertical are present (B2B: `stytchMember`, `stytchAdmin`; Consumer:
 * `stytchUser`). Lists the server leaves out decode as `[]`.
 *
 * @since 0.1.0
 * @category models
 */
export class Policy extends Schema.Class<Policy>("Policy")({
  stytchResources: list(
    "stytch_resources",
    Resource,
    "Stytch-defined resources; always present, cannot be changed or deleted (not settable)."
  ),
  customRoles: list(
    "custom_roles",
    Role,
    "Extra roles beyond the stytch_member/stytch_admin/stytch_user default roles (B2B and Consumer)."
  ),
  customResources: list("custom_resources", Resource, "Caller-defined resources (B2B and Consumer)."),
  customScopes: list("custom_scopes", Scope, "Caller-defined scopes (B2B and Consumer)."),
  stytchMember: Wire.optionalField("stytch_member", DefaultRole, "B2B only: permissions of the default member role."),
  stytchAdmin: Wire.optionalField(
    "stytch_admin",
    DefaultRole,
    "B2B only: permissions of the organization admin role."
  ),
  stytchUser: Wire.optionalField("stytch_user", DefaultRole, "Consumer only: permissions of the default user role.")
}) {}

const GetRequest_ = Schema.Struct(environmentScope)
/**
 * The input of {@link get}: the environment (`projectSlug`, `environmentSlug`); nothing else.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetRequest extends Schema.Schema.Type<typeof GetRequest_> {}
/**
 * The schema of {@link GetRequest}. {@link get} encodes its input with it: a value that does not fit fails
 * with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and `environmentSlug`
 * in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetRequest: Schema.Schema<GetRequest, typeof GetRequest_.Encoded> = GetRequest_

const GetResponse_ = Wire.Response({
  policy: Wire.field("policy", Policy, "The environment's RBAC policy.")
})
/**
 * What {@link get} succeeds with: `policy` ({@link Policy}), beside the `requestID` and `statusCode` every
 * response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetResponse extends Schema.Schema.Type<typeof GetResponse_> {}
/**
 * The schema of {@link GetResponse}: decodes the JSON body of a successful {@link get} (snake_case keys) into
 * it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetResponse: Schema.Schema<GetResponse, typeof GetResponse_.Encoded> = GetResponse_

const SetRequest_ = Schema.Struct({
  ...environmentScope,
  /** B2B only. */
  stytchMember: Wire.optionalField("stytch_member", DefaultRole, "B2B only."),
  /** B2B only. */
  stytchAdmin: Wire.optionalField("stytch_admin", DefaultRole, "B2B only."),
  /** Consumer only. */
  stytchUser: Wire.optionalField("stytch_user", DefaultRole, "Consumer only."),
  customRoles: Wire.optionalField("custom_roles", Schema.Array(Role), "Both verticals."),
  customResources: Wire.optionalField("custom_resources", Schema.Array(Resource), "Both verticals."),
  customScopes: Wire.optionalField("custom_scopes", Schema.Array(Scope), "Both verticals.")
})
/**
 * The input of {@link set}: the environment (`projectSlug`, `environmentSlug`), and optionally
 * `stytchMember`, `stytchAdmin`, `stytchUser`, `customRoles`, `customResources` and `customScopes`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SetRequest extends Schema.Schema.Type<typeof SetRequest_> {}
/**
 * The schema of {@link SetRequest}. {@link set} encodes its input with it: a value that does not fit fails
 * with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and `environmentSlug`
 * in the path and the other fields in the JSON body, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetRequest: Schema.Schema<SetRequest, typeof SetRequest_.Encoded> = SetRequest_

const SetResponse_ = Wire.Response({
  policy: Wire.field("policy", Policy, "The stored policy.")
})
/**
 * What {@link set} succeeds with: `policy` ({@link Policy}), beside the `requestID` and `statusCode` every
 * response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface SetResponse extends Schema.Schema.Type<typeof SetResponse_> {}
/**
 * The schema of {@link SetResponse}: decodes the JSON body of a successful {@link set} (snake_case keys) into
 * it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetResponse: Schema.Schema<SetResponse, typeof SetResponse_.Encoded> = SetResponse_

/**
 * The endpoint definitions of this group.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints = Endpoint.group("rbacPolicy", {
  get: {
    method: "GET",
    path: `${PE}/rbac_policy`,
    request: GetRequest,
    response: GetResponse,
    description: "Gets the environment's RBAC policy."
  },
  set: {
    method: "PUT",
    path: `${PE}/rbac_policy`,
    request: SetRequest,
    response: SetResponse,
    description:
      "Replaces the environment's RBAC policy. A default role of the other vertical fails with invalid_role_for_vertical."
  }
})

/**
 * Gets the environment's RBAC policy.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { RBACPolicy } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { policy } = yield* RBACPolicy.get({ projectSlug: "my-project", environmentSlug: "production" })
 *   return policy.customRoles.map((role) => role.roleID)
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const get = Endpoint.operation(endpoints.get)

/**
 * Replaces the environment's RBAC policy and returns it: omitted roles,
 * resources and scopes become empty. Send only the default roles of the
 * project's vertical (B2B: `stytchMember`, `stytchAdmin`; Consumer:
 * `stytchUser`); another fails with a 400 `invalid_role_for_vertical`.
 *
 * @example
 * ```ts
 * import { RBACPolicy } from "@stytch-effect/resources"
 *
 * const program = RBACPolicy.set({
 *   projectSlug: "my-project", // a B2B project
 *   environmentSlug: "production",
 *   customResources: [{ resourceID: "documents", description: "Shared documents", availableActions: ["read", "write"] }],
 *   customRoles: [{ roleID: "editor", description: "Edits documents", permissions: [{ resourceID: "documents", actions: ["*"] }] }],
 *   stytchMember: { permissions: [{ resourceID: "documents", actions: ["read"] }] }
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const set = Endpoint.operation(endpoints.set)
