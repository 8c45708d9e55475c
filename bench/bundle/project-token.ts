/** Bundle: `M2M.token` (cached) over `StytchProject.layer`: no JOSE. */
import * as StytchProject from "@stytch-effect/core/StytchProject"
import * as M2M from "@stytch-effect/resources/M2M"
import * as Effect from "effect/Effect"

M2M.token({ clientID: "c", clientSecret: "s" }).pipe(
  Effect.provide(StytchProject.layer({ projectID: "project-test-1", secret: "secret" })),
  Effect.runPromise
).then(console.log, console.error)
