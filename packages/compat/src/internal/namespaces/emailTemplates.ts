/**
 * The facade's `emailTemplates` type namespace: the types of the
 * `@stytch-effect/resources` module `EmailTemplates`, and no runtime value (its
 * operations and schemas are in `@stytch-effect/resources`; the facade's
 * methods are on the client, `client.emailTemplates.*`).
 *
 * @internal
 */
export type * from "@stytch-effect/resources/EmailTemplates"
