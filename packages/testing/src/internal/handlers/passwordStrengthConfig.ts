import type { PasswordStrengthConfig } from "@stytch-effect/resources"
import type { Handlers } from "./common.js"

/** @internal */
export const passwordStrengthConfig: Handlers<typeof PasswordStrengthConfig> = {}
