/**
 * The facade's `passwordStrengthConfig` type namespace: the types of the
 * `@stytch-effect/resources` module `PasswordStrengthConfig`, and no runtime value (its
 * operations and schemas are in `@stytch-effect/resources`; the facade's
 * methods are on the client, `client.passwordStrengthConfig.*`).
 *
 * @internal
 */
export type * from "@stytch-effect/resources/PasswordStrengthConfig"
