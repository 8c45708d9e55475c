/**
 * The facade's `projects` type namespace: the types of the
 * `@stytch-effect/resources` module `Projects`, and no runtime value (its
 * operations and schemas are in `@stytch-effect/resources`; the facade's
 * methods are on the client, `client.projects.*`).
 *
 * @internal
 */
export type * from "@stytch-effect/resources/Projects"
