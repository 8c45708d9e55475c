/**
 * Bundle (c): every operation of every resource module (the modules are
 * kept whole: any operation may be looked up by name).
 */
import { Credentials, StytchManagement } from "@stytch-effect/core"
import { Environments, Projects, Secrets } from "@stytch-effect/resources"
import * as Effect from "effect/Effect"

const modules = { Projects, Environments, Secrets }
const [group, name] = (globalThis as { operation?: string }).operation?.split(".") ?? ["Projects", "getAll"]
const operation = (modules as Record<string, Record<string, unknown>>)[group!]?.[name!] as (
  request?: unknown
) => Effect.Effect<unknown, unknown, StytchManagement.StytchManagement>

operation({}).pipe(
  Effect.provide(StytchManagement.layer({ credentials: Credentials.workspaceKey("key", "secret") })),
  Effect.runPromise
).then(console.log, console.error)
