/**
 * Typed operations for the Stytch Management API, one module per resource.
 *
 * @since 0.1.0
 */
export * as Api from "./Api.js"
export * as Environments from "./Environments.js"
export * as Projects from "./Projects.js"
export * as Secrets from "./Secrets.js"
