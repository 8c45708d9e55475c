/**
 * Bundle (c): every operation of every resource module of the registry (the modules are
 * kept whole: any operation may be looked up by name).
 */
import { Credentials, StytchManagement } from "@stytch-effect/core"
import { Api } from "@stytch-effect/resources"
import * as Effect from "effect/Effect"

const [group, name] = (globalThis as { operation?: string }).operation?.split(".") ?? ["projects", "getAll"]
const operation = (Api.groups as Record<string, Record<string, unknown>>)[group!]?.[name!] as (
  request?: unknown
) => Effect.Effect<unknown, unknown, StytchManagement.StytchManagement>

operation({}).pipe(
  Effect.provide(StytchManagement.layer({ credentials: Credentials.workspaceKey("key", "secret") })),
  Effect.runPromise
).then(console.log, console.error)
