/**
 * Typed operations for the Stytch Management API, one module per resource.
 *
 * @since 0.1.0
 */
/**
 * The registry of every resource group and its endpoints (used by the facade, the fake and the OpenAPI document).
 *
 * @since 0.1.0
 */
export * as Api from "./Api.js"
/**
 * Country code allowlists for SMS and WhatsApp one-time passcodes.
 *
 * @since 0.1.0
 */
export * as CountryCodeAllowlist from "./CountryCodeAllowlist.js"
/**
 * Email templates, project-scoped, and the default template per type.
 *
 * @since 0.1.0
 */
export * as EmailTemplates from "./EmailTemplates.js"
/**
 * Environments of a project (LIVE and TEST) and their metrics.
 *
 * @since 0.1.0
 */
export * as Environments from "./Environments.js"
/**
 * Event log streaming destinations (Datadog, Grafana Loki) of an environment.
 *
 * @since 0.1.0
 */
export * as EventLogStreaming from "./EventLogStreaming.js"
/**
 * Session and M2M JWT templates.
 *
 * @since 0.1.0
 */
export * as JWTTemplates from "./JWTTemplates.js"
/**
 * Machine-to-machine tokens of the project API: the client-credentials
 * grant (cached, single-flight) and local JWT verification.
 *
 * @since 0.1.0
 */
export * as M2M from "./M2M.js"
/**
 * Machine-to-machine clients of the project API.
 *
 * @since 0.1.0
 */
export * as M2MClients from "./M2MClients.js"
/**
 * Password strength policy (zxcvbn or LUDS).
 *
 * @since 0.1.0
 */
export * as PasswordStrengthConfig from "./PasswordStrengthConfig.js"
/**
 * The registry of the project API's groups.
 *
 * @since 0.1.0
 */
export * as ProjectApi from "./ProjectApi.js"
/**
 * Projects: the top-level resource of a workspace.
 *
 * @since 0.1.0
 */
export * as Projects from "./Projects.js"
/**
 * Public tokens of an environment.
 *
 * @since 0.1.0
 */
export * as PublicTokens from "./PublicTokens.js"
/**
 * RBAC policies (roles, resources, scopes) for B2B and Consumer projects.
 *
 * @since 0.1.0
 */
export * as RBACPolicy from "./RBACPolicy.js"
/**
 * Redirect URLs of an environment.
 *
 * @since 0.1.0
 */
export * as RedirectURLs from "./RedirectURLs.js"
/**
 * Frontend SDK configuration for Consumer and B2B projects.
 *
 * @since 0.1.0
 */
export * as SDK from "./SDK.js"
/**
 * Secrets (API keys) of an environment.
 *
 * @since 0.1.0
 */
export * as Secrets from "./Secrets.js"
/**
 * Trusted token profiles and their PEM files.
 *
 * @since 0.1.0
 */
export * as TrustedTokenProfiles from "./TrustedTokenProfiles.js"
/**
 * The legacy `/web/v1` project lookups used when migrating to v3.
 *
 * @since 0.1.0
 */
export * as V1ToV3Migration from "./V1ToV3Migration.js"
