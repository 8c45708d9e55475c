import type { RedirectURLs } from "@stytch-effect/resources"
import type { Handlers } from "./common.js"

/** @internal */
export const redirectURLs: Handlers<typeof RedirectURLs> = {}
