/**
 * Bundle (e): one project-API operation (`M2MClients.get`) over `StytchProject.layer`,
 * each module imported by its path, as in (b).
 */
import * as StytchProject from "@stytch-effect/core/StytchProject"
import * as M2MClients from "@stytch-effect/resources/M2MClients"
import * as Effect from "effect/Effect"

M2MClients.get({ clientID: "c" }).pipe(
  Effect.provide(StytchProject.layer({ projectID: "project-test-1", secret: "secret" })),
  Effect.runPromise
).then(console.log, console.error)
