/** Bundle: one project-API operation (`M2MClients.get`) over `StytchProject.layer`. */
import { StytchProject } from "@stytch-effect/core"
import { M2MClients } from "@stytch-effect/resources"
import * as Effect from "effect/Effect"

M2MClients.get({ clientID: "c" }).pipe(
  Effect.provide(StytchProject.layer({ projectID: "project-test-1", secret: "secret" })),
  Effect.runPromise
).then(console.log, console.error)
