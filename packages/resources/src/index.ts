/**
 * Typed operations for the Stytch Management API, one module per resource.
 *
 * @since 0.1.0
 */
import * as Environments from "./Environments.js"
import * as Projects from "./Projects.js"
import * as Secrets from "./Secrets.js"

export { Environments, Projects, Secrets }
export * as Api from "./Api.js"
