/** Bundle (b′): bundle (b), importing from the package barrels (`import { StytchManagement } from "@stytch-effect/core"`). */
import { Credentials, StytchManagement } from "@stytch-effect/core"
import { Secrets } from "@stytch-effect/resources"
import * as Effect from "effect/Effect"

Secrets.get({ projectSlug: "p", environmentSlug: "e", secretID: "s" }).pipe(
  Effect.provide(StytchManagement.layer({ credentials: Credentials.workspaceKey("key", "secret") })),
  Effect.runPromise
).then(console.log, console.error)
