/**
 * Request, response and model types of `client.secrets`, as the official
 * SDK's `secrets` namespace spells them. They are the types of
 * `@stytch-effect/resources`' `Secrets` module, re-exported (types only).
 *
 * @since 0.1.0
 */
import type { Secrets } from "@stytch-effect/resources"

/** A new secret, with its value (returned only by `create`). @since 0.1.0 */
export type Secret = Secrets.Secret
/** A secret as later reads return it: its id and last four characters. @since 0.1.0 */
export type MaskedSecret = Secrets.MaskedSecret
/** @since 0.1.0 */
export type CreateRequest = Secrets.CreateRequest
/** @since 0.1.0 */
export type CreateResponse = Secrets.CreateResponse
/** @since 0.1.0 */
export type GetRequest = Secrets.GetRequest
/** @since 0.1.0 */
export type GetResponse = Secrets.GetResponse
/** @since 0.1.0 */
export type GetAllRequest = Secrets.GetAllRequest
/** @since 0.1.0 */
export type GetAllResponse = Secrets.GetAllResponse
/** @since 0.1.0 */
export type DeleteRequest = Secrets.DeleteRequest
/** @since 0.1.0 */
export type DeleteResponse = Secrets.DeleteResponse
