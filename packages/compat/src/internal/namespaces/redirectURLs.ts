/**
 * The facade's `redirectURLs` type namespace: the types of the
 * `@stytch-effect/resources` module `RedirectURLs`, and no runtime value (its
 * operations and schemas are in `@stytch-effect/resources`; the facade's
 * methods are on the client, `client.redirectURLs.*`).
 *
 * @internal
 */
export type * from "@stytch-effect/resources/RedirectURLs"
