/**
 * The promise facade of stytch-effect: `ManagementClient`, its error classes
 * and the `projects`, `environments` and `secrets` type namespaces, shaped
 * like the official `stytch-management` SDK.
 *
 * @since 0.1.0
 */
export { ClientError, type ClientErrorCode, ManagementStytchError, RequestError } from "./Errors.js"
export {
  type ClientConfig,
  type ClientOptions,
  ManagementClient,
  type PromiseOperation,
  type PromiseResource,
  type ResourceModule
} from "./ManagementClient.js"

export * as environments from "./environments.js"
export * as projects from "./projects.js"
export * as secrets from "./secrets.js"
