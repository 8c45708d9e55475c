/**
 * The registry of resource groups: one line per resource module, keyed by
 * the name of its endpoint group (which is also the promise facade's
 * property, `client.<key>`). It drives the list of every endpoint, the fake
 * server's routes and handler table, the facade's properties and the OpenAPI
 * document. Effect code imports the resource modules directly and need not
 * import this one.
 *
 * Adding a resource: write its module, add it here, give the fake its
 * handler file.
 *
 * @since 0.1.0
 */
import type { Endpoint } from "@stytch-effect/core"
import * as CountryCodeAllowlist from "./CountryCodeAllowlist.js"
import * as EmailTemplates from "./EmailTemplates.js"
import * as Environments from "./Environments.js"
import * as EventLogStreaming from "./EventLogStreaming.js"
import * as JWTTemplates from "./JWTTemplates.js"
import * as PasswordStrengthConfig from "./PasswordStrengthConfig.js"
import * as Projects from "./Projects.js"
import * as PublicTokens from "./PublicTokens.js"
import * as RBACPolicy from "./RBACPolicy.js"
import * as RedirectURLs from "./RedirectURLs.js"
import * as SDK from "./SDK.js"
import * as Secrets from "./Secrets.js"
import * as TrustedTokenProfiles from "./TrustedTokenProfiles.js"
import * as V1ToV3Migration from "./V1ToV3Migration.js"

/**
 * Every resource module, keyed by its group name.
 *
 * @since 0.1.0
 * @category registry
 */
export const groups = {
  projects: Projects,
  environments: Environments,
  secrets: Secrets,
  redirectURLs: RedirectURLs,
  publicTokens: PublicTokens,
  countryCodeAllowlist: CountryCodeAllowlist,
  jwtTemplates: JWTTemplates,
  passwordStrengthConfig: PasswordStrengthConfig,
  rbacPolicy: RBACPolicy,
  sdk: SDK,
  emailTemplates: EmailTemplates,
  eventLogStreaming: EventLogStreaming,
  trustedTokenProfiles: TrustedTokenProfiles,
  v1ToV3Migration: V1ToV3Migration
} as const

/**
 * The type of {@link groups}: each group name mapped to its resource module.
 *
 * @since 0.1.0
 * @category registry
 */
export type Groups = typeof groups

/**
 * A group name: `"projects"`, `"redirectURLs"`, ….
 *
 * @since 0.1.0
 * @category registry
 */
export type GroupName = keyof Groups

/**
 * Every endpoint definition of the SDK, group by group.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints: ReadonlyArray<Endpoint.Any> = Object.values(groups).flatMap(
  (module): ReadonlyArray<Endpoint.Any> => Object.values(module.endpoints)
)
