/** Bundle: `M2M.authenticateToken` over `StytchProject.layer`: JOSE's verify path. */
import * as StytchProject from "@stytch-effect/core/StytchProject"
import * as M2M from "@stytch-effect/resources/M2M"
import * as Effect from "effect/Effect"

M2M.authenticateToken({ accessToken: "a.b.c" }).pipe(
  Effect.provide(StytchProject.layer({ projectID: "project-test-1", secret: "secret" })),
  Effect.runPromise
).then(console.log, console.error)
