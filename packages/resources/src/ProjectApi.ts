/**
 * The registry of the project API's resource groups (sent with
 * `StytchProject`, not `StytchManagement`): the counterpart of `Api` for a
 * project's own API. It drives the fake's project routes and the project
 * API's OpenAPI document. It is a registry of its own, so `Api.groups` (and
 * the `ManagementClient` built from it) keeps only Management API groups.
 *
 * @since 0.1.0
 */
import type { Endpoint } from "@stytch-effect/core"
import * as M2M from "./M2M.js"
import * as M2MClients from "./M2MClients.js"

/**
 * Every project-API resource module, keyed by its group name.
 *
 * @since 0.1.0
 * @category registry
 */
export const groups = {
  m2mClients: M2MClients,
  m2m: M2M
} as const

/**
 * The type of {@link groups}: each project-API group name mapped to its
 * resource module.
 *
 * @since 0.1.0
 * @category registry
 */
export type Groups = typeof groups

/**
 * A project-API group name: `"m2mClients"` or `"m2m"`.
 *
 * @since 0.1.0
 * @category registry
 */
export type GroupName = keyof Groups

/**
 * Every project-API endpoint definition.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints: ReadonlyArray<Endpoint.Any> = Object.values(groups).flatMap(
  (module): ReadonlyArray<Endpoint.Any> => Object.values(module.endpoints)
)
