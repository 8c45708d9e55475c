/**
 * The facade's `trustedTokenProfiles` type namespace: the types of the
 * `@stytch-effect/resources` module `TrustedTokenProfiles`, and no runtime value (its
 * operations and schemas are in `@stytch-effect/resources`; the facade's
 * methods are on the client, `client.trustedTokenProfiles.*`).
 *
 * @internal
 */
export type * from "@stytch-effect/resources/TrustedTokenProfiles"
