import type { PublicTokens } from "@stytch-effect/resources"
import type { Handlers } from "./common.js"

/** @internal */
export const publicTokens: Handlers<typeof PublicTokens> = {}
