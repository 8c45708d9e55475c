import type { EmailTemplates } from "@stytch-effect/resources"
import type { Handlers } from "./common.js"

/** @internal */
export const emailTemplates: Handlers<typeof EmailTemplates> = {}
