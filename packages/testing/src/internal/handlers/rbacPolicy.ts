import type { RBACPolicy } from "@stytch-effect/resources"
import type { Handlers } from "./common.js"

/** @internal */
export const rbacPolicy: Handlers<typeof RBACPolicy> = {}
