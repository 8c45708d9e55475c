/**
 * The facade's `rbacPolicy` type namespace: the types of the
 * `@stytch-effect/resources` module `RBACPolicy`, and no runtime value (its
 * operations and schemas are in `@stytch-effect/resources`; the facade's
 * methods are on the client, `client.rbacPolicy.*`).
 *
 * @internal
 */
export type * from "@stytch-effect/resources/RBACPolicy"
