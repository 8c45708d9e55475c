/**
 * The facade's `secrets` type namespace. The same as the
 * `@stytch-effect/resources` module `Secrets`, except that the types holding
 * the secret value ({@link Secret}, {@link CreateResponse}) say `string`
 * where the Effect API says `Redacted<string>`: the facade's methods return
 * plain strings, as the official SDK does. Their Effect schemas (which decode
 * to `Redacted`) are not re-exported here; import them from
 * `@stytch-effect/resources`.
 *
 * @internal
 */
import { Secrets } from "@stytch-effect/resources"
import type { Unredacted } from "../unredact.js"

/**
 * A newly created secret, as the facade returns it: `secret` is the plain
 * value. Store it: it is never returned again.
 *
 * @since 0.1.0
 * @category models
 */
export interface Secret extends Unredacted<Secrets.Secret> {}

/**
 * @since 0.1.0
 * @category models
 */
export interface CreateResponse extends Unredacted<Secrets.CreateResponse> {}

/** @since 0.1.0 */
export type MaskedSecret = Secrets.MaskedSecret
/** @since 0.1.0 */
export const MaskedSecret = Secrets.MaskedSecret
/** @since 0.1.0 */
export type CreateRequest = Secrets.CreateRequest
/** @since 0.1.0 */
export const CreateRequest = Secrets.CreateRequest
/** @since 0.1.0 */
export type GetRequest = Secrets.GetRequest
/** @since 0.1.0 */
export const GetRequest = Secrets.GetRequest
/** @since 0.1.0 */
export type GetResponse = Secrets.GetResponse
/** @since 0.1.0 */
export const GetResponse = Secrets.GetResponse
/** @since 0.1.0 */
export type GetAllRequest = Secrets.GetAllRequest
/** @since 0.1.0 */
export const GetAllRequest = Secrets.GetAllRequest
/** @since 0.1.0 */
export type GetAllResponse = Secrets.GetAllResponse
/** @since 0.1.0 */
export const GetAllResponse = Secrets.GetAllResponse
/** @since 0.1.0 */
export type DeleteRequest = Secrets.DeleteRequest
/** @since 0.1.0 */
export const DeleteRequest = Secrets.DeleteRequest
/** @since 0.1.0 */
export type DeleteResponse = Secrets.DeleteResponse
/** @since 0.1.0 */
export const DeleteResponse = Secrets.DeleteResponse
/** @since 0.1.0 */
export const endpoints = Secrets.endpoints
/** @since 0.1.0 */
export const create = Secrets.create
/** @since 0.1.0 */
export const get = Secrets.get
/** @since 0.1.0 */
export const getAll = Secrets.getAll
const delete_ = Secrets.delete
export {
  /** @since 0.1.0 */
  delete_ as delete
}
