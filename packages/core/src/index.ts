/**
 * @since 0.1.0
 */
export * as Credentials from "./Credentials.js"
export * as Endpoint from "./Endpoint.js"
export * as OAuth from "./OAuth.js"
export * as OpenApi from "./OpenApi.js"
export * as RetryPolicy from "./RetryPolicy.js"
export * as StytchError from "./StytchError.js"
export * as StytchManagement from "./StytchManagement.js"
export * as StytchProject from "./StytchProject.js"
export * as Wire from "./Wire.js"
