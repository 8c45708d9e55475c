/** Bundle: `M2M.authenticateToken` over `StytchProject.layer`: JOSE's verify path. */
import { StytchProject } from "@stytch-effect/core"
import { M2M } from "@stytch-effect/resources"
import * as Effect from "effect/Effect"

M2M.authenticateToken({ accessToken: "a.b.c" }).pipe(
  Effect.provide(StytchProject.layer({ projectID: "project-test-1", secret: "secret" })),
  Effect.runPromise
).then(console.log, console.error)
