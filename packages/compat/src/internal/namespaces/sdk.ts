/**
 * The facade's `sdk` type namespace: the types of the
 * `@stytch-effect/resources` module `SDK`, and no runtime value (its
 * operations and schemas are in `@stytch-effect/resources`; the facade's
 * methods are on the client, `client.sdk.*`).
 *
 * @internal
 */
export type * from "@stytch-effect/resources/SDK"
