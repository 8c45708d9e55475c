import type { V1ToV3Migration } from "@stytch-effect/resources"
import type { Handlers } from "./common.js"

/** @internal */
export const v1ToV3Migration: Handlers<typeof V1ToV3Migration> = {}
