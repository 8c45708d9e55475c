/**
 * Every endpoint definition of the SDK, in one list: what the fake server
 * routes and the OpenAPI document describes. Client code need not import it.
 *
 * @since 0.1.0
 */
import * as Environments from "./Environments.js"
import * as Projects from "./Projects.js"
import * as Secrets from "./Secrets.js"

/**
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints = [
  ...Object.values(Projects.endpoints),
  ...Object.values(Environments.endpoints),
  ...Object.values(Secrets.endpoints)
]
