/**
 * The facade's `publicTokens` type namespace: the types of the
 * `@stytch-effect/resources` module `PublicTokens`, and no runtime value (its
 * operations and schemas are in `@stytch-effect/resources`; the facade's
 * methods are on the client, `client.publicTokens.*`).
 *
 * @internal
 */
export type * from "@stytch-effect/resources/PublicTokens"
