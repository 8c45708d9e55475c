/**
 * The facade's `jwtTemplates` type namespace: the types of the
 * `@stytch-effect/resources` module `JWTTemplates`, and no runtime value (its
 * operations and schemas are in `@stytch-effect/resources`; the facade's
 * methods are on the client, `client.jwtTemplates.*`).
 *
 * @internal
 */
export type * from "@stytch-effect/resources/JWTTemplates"
