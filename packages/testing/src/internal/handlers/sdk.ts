import type { SDK } from "@stytch-effect/resources"
import type { Handlers } from "./common.js"

/** @internal */
export const sdk: Handlers<typeof SDK> = {}
