/**
 * The facade's `countryCodeAllowlist` type namespace: the types of the
 * `@stytch-effect/resources` module `CountryCodeAllowlist`, and no runtime value (its
 * operations and schemas are in `@stytch-effect/resources`; the facade's
 * methods are on the client, `client.countryCodeAllowlist.*`).
 *
 * @internal
 */
export type * from "@stytch-effect/resources/CountryCodeAllowlist"
