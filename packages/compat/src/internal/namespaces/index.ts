/**
 * The type namespaces of the resource modules, under the modules' names
 * (`index.ts` exports each under the facade's names): each has the types of
 * the `@stytch-effect/resources` module and no runtime value, so a call
 * through one (`projects.getAll()`) is a `TypeError`, never an Effect.
 *
 * @internal
 */
export * as CountryCodeAllowlist from "./countryCodeAllowlist.js"
export * as EmailTemplates from "./emailTemplates.js"
export * as Environments from "./environments.js"
export * as JWTTemplates from "./jwtTemplates.js"
export * as PasswordStrengthConfig from "./passwordStrengthConfig.js"
export * as Projects from "./projects.js"
export * as PublicTokens from "./publicTokens.js"
export * as RBACPolicy from "./rbacPolicy.js"
export * as RedirectURLs from "./redirectURLs.js"
export * as SDK from "./sdk.js"
export * as TrustedTokenProfiles from "./trustedTokenProfiles.js"
export * as V1ToV3Migration from "./v1ToV3Migration.js"
