import type { Endpoint } from "@stytch-effect/core"
import { Api } from "@stytch-effect/resources"
import type { Handler, Handlers } from "./common.js"
import { countryCodeAllowlist } from "./countryCodeAllowlist.js"
import { emailTemplates } from "./emailTemplates.js"
import { environments } from "./environments.js"
import { eventLogStreaming } from "./eventLogStreaming.js"
import { jwtTemplates } from "./jwtTemplates.js"
import { passwordStrengthConfig } from "./passwordStrengthConfig.js"
import { projects } from "./projects.js"
import { publicTokens } from "./publicTokens.js"
import { rbacPolicy } from "./rbacPolicy.js"
import { redirectURLs } from "./redirectURLs.js"
import { sdk } from "./sdk.js"
import { secrets } from "./secrets.js"
import { trustedTokenProfiles } from "./trustedTokenProfiles.js"
import { v1ToV3Migration } from "./v1ToV3Migration.js"

/**
 * The fake's handlers, one file per resource group, keyed like the
 * registry (`Api.groups`): a group without handlers does not compile.
 *
 * @internal
 */
export const handlers: { readonly [K in Api.GroupName]: Handlers<Api.Groups[K]> } = {
  projects,
  environments,
  secrets,
  redirectURLs,
  publicTokens,
  countryCodeAllowlist,
  jwtTemplates,
  passwordStrengthConfig,
  rbacPolicy,
  sdk,
  emailTemplates,
  eventLogStreaming,
  trustedTokenProfiles,
  v1ToV3Migration
}

/** Every endpoint of the registry with its handler. @internal */
export const routes: ReadonlyArray<readonly [Endpoint.Any, Handler<Endpoint.Any>]> = Object.entries(Api.groups).flatMap(
  ([group, module]) =>
    Object.entries(module.endpoints).map(([name, endpoint]) =>
      [endpoint, (handlers as Record<string, Record<string, Handler<Endpoint.Any>>>)[group]![name]!] as const
    )
)
