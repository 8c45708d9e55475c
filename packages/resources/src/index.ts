/**
 * Typed operations for the Stytch Management API, one module per resource.
 *
 * @since 0.1.0
 */
export * as Api from "./Api.js"
export * as CountryCodeAllowlist from "./CountryCodeAllowlist.js"
export * as EmailTemplates from "./EmailTemplates.js"
export * as Environments from "./Environments.js"
export * as EventLogStreaming from "./EventLogStreaming.js"
export * as JWTTemplates from "./JWTTemplates.js"
export * as M2M from "./M2M.js"
export * as M2MClients from "./M2MClients.js"
export * as PasswordStrengthConfig from "./PasswordStrengthConfig.js"
export * as ProjectApi from "./ProjectApi.js"
export * as Projects from "./Projects.js"
export * as PublicTokens from "./PublicTokens.js"
export * as RBACPolicy from "./RBACPolicy.js"
export * as RedirectURLs from "./RedirectURLs.js"
export * as SDK from "./SDK.js"
export * as Secrets from "./Secrets.js"
export * as TrustedTokenProfiles from "./TrustedTokenProfiles.js"
export * as V1ToV3Migration from "./V1ToV3Migration.js"
