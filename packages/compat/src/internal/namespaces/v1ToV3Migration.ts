/**
 * The facade's `v1ToV3Migration` type namespace: the types of the
 * `@stytch-effect/resources` module `V1ToV3Migration`, and no runtime value (its
 * operations and schemas are in `@stytch-effect/resources`; the facade's
 * methods are on the client, `client.v1ToV3Migration.*`).
 *
 * @internal
 */
export type * from "@stytch-effect/resources/V1ToV3Migration"
