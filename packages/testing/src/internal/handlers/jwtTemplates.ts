import type { JWTTemplates } from "@stytch-effect/resources"
import type { Handlers } from "./common.js"

/** @internal */
export const jwtTemplates: Handlers<typeof JWTTemplates> = {}
