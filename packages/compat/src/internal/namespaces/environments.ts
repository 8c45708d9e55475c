/**
 * The facade's `environments` type namespace: the types of the
 * `@stytch-effect/resources` module `Environments`, and no runtime value (its
 * operations and schemas are in `@stytch-effect/resources`; the facade's
 * methods are on the client, `client.environments.*`).
 *
 * @internal
 */
export type * from "@stytch-effect/resources/Environments"
