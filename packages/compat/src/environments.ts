/**
 * Request, response and model types of `client.environments`, as the
 * official SDK's `environments` namespace spells them. They are the types of
 * `@stytch-effect/resources`' `Environments` module, re-exported (types only).
 *
 * ```ts
 * import { environments } from "@stytch-effect/compat"
 * const live = response.environments.find((env) => env.type === ("LIVE" as environments.EnvironmentType))
 * ```
 *
 * @since 0.1.0
 */
import type { Environments } from "@stytch-effect/resources"

/** `"LIVE" | "TEST"`; other values from the server still decode. @since 0.1.0 */
export type EnvironmentType = Environments.EnvironmentType
/** @since 0.1.0 */
export type Environment = Environments.Environment
/** @since 0.1.0 */
export type Metrics = Environments.Metrics
/** @since 0.1.0 */
export type CreateRequest = Environments.CreateRequest
/** @since 0.1.0 */
export type CreateResponse = Environments.CreateResponse
/** @since 0.1.0 */
export type GetRequest = Environments.GetRequest
/** @since 0.1.0 */
export type GetResponse = Environments.GetResponse
/** @since 0.1.0 */
export type GetAllRequest = Environments.GetAllRequest
/** @since 0.1.0 */
export type GetAllResponse = Environments.GetAllResponse
/** @since 0.1.0 */
export type UpdateRequest = Environments.UpdateRequest
/** @since 0.1.0 */
export type UpdateResponse = Environments.UpdateResponse
/** @since 0.1.0 */
export type DeleteRequest = Environments.DeleteRequest
/** @since 0.1.0 */
export type DeleteResponse = Environments.DeleteResponse
/** @since 0.1.0 */
export type GetMetricsRequest = Environments.GetMetricsRequest
/** @since 0.1.0 */
export type GetMetricsResponse = Environments.GetMetricsResponse
