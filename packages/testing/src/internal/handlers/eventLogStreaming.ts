import type { EventLogStreaming } from "@stytch-effect/resources"
import type { Handlers } from "./common.js"

/** @internal */
export const eventLogStreaming: Handlers<typeof EventLogStreaming> = {}
