/**
 * Request, response and model types of `client.projects`, as the official SDK's
 * `projects` namespace spells them. They are the types of
 * `@stytch-effect/resources`' `Projects` module, re-exported (types only).
 *
 * ```ts
 * import { projects } from "@stytch-effect/compat"
 * const request: projects.CreateRequest = { name: "My project", vertical: "B2B" }
 * ```
 *
 * @since 0.1.0
 */
import type { Projects } from "@stytch-effect/resources"

/** `"ALL" | "CONSUMER" | "B2B"`; other values from the server still decode. @since 0.1.0 */
export type Vertical = Projects.Vertical
/** @since 0.1.0 */
export type Project = Projects.Project
/** @since 0.1.0 */
export type CreateRequest = Projects.CreateRequest
/** @since 0.1.0 */
export type CreateResponse = Projects.CreateResponse
/** @since 0.1.0 */
export type GetRequest = Projects.GetRequest
/** @since 0.1.0 */
export type GetResponse = Projects.GetResponse
/** @since 0.1.0 */
export type GetAllResponse = Projects.GetAllResponse
/** @since 0.1.0 */
export type UpdateRequest = Projects.UpdateRequest
/** @since 0.1.0 */
export type UpdateResponse = Projects.UpdateResponse
/** @since 0.1.0 */
export type DeleteRequest = Projects.DeleteRequest
/** @since 0.1.0 */
export type DeleteResponse = Projects.DeleteResponse
