import type { TrustedTokenProfiles } from "@stytch-effect/resources"
import type { Handlers } from "./common.js"

/** @internal */
export const trustedTokenProfiles: Handlers<typeof TrustedTokenProfiles> = {}
