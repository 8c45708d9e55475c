/**
 * The stytch-effect demo, Effect flavour: the seed README's flow end to end.
 *
 *   pnpm demo                      # both demos, against a fake on loopback HTTP
 *   tsx examples/demo-effect.ts    # this one only
 *
 * With STYTCH_WORKSPACE_KEY_ID and STYTCH_WORKSPACE_KEY_SECRET (or
 * STYTCH_ACCESS_TOKEN) set, it runs against the real Management API instead:
 * it creates a disposable project and deletes it at the end, even on failure.
 * The secret value it creates is never printed, only its id and last four.
 */
import { StytchManagement } from "@stytch-effect/core"
import { Environments, Projects, Secrets } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Cause, Console, Effect, Layer, Redacted } from "effect"

/** The flow. Every step is a typed operation; the error channel lists what can fail. */
const flow = Effect.gen(function*() {
  // 1. A B2B project, deleted when the flow ends (successfully or not).
  const project = yield* Effect.acquireRelease(
    Projects.create({ name: "stytch-effect demo", vertical: "B2B" }).pipe(Effect.map((res) => res.project)),
    (project) =>
      Projects.delete({ projectSlug: project.projectSlug }).pipe(
        Effect.zipRight(Console.log(`7. deleted project ${project.projectSlug}`)),
        Effect.catchAll((error) => Console.error(`7. could not delete project ${project.projectSlug}: ${error.message}`))
      )
  )
  const { projectSlug } = project
  yield* Console.log(`1. created ${project.vertical} project ${projectSlug} (${project.name})`)

  // 2. Its environments: a project created through the API has none, and
  //    LIVE must exist before any TEST environment.
  const { environment: created } = yield* Environments.create({ projectSlug, name: "Production", type: "LIVE" })
  yield* Console.log(`2. created LIVE environment ${created.environmentSlug}`)
  const { environment: test } = yield* Environments.create({ projectSlug, name: "My custom environment", type: "TEST" })
  yield* Console.log(`   created TEST environment ${test.environmentSlug}`)

  // 3. List them and find LIVE, as the README does.
  const { environments } = yield* Environments.getAll({ projectSlug })
  const live = environments.find((env) => env.type === "LIVE")
  if (live === undefined) return yield* Effect.dieMessage("the project has no LIVE environment")
  yield* Console.log(
    `3. ${environments.length} environments: ${environments.map((e) => `${e.environmentSlug} (${e.type})`).join(", ")}`
  )
  yield* Console.log(`   live environment: ${live.environmentSlug}`)

  // 4. A secret for LIVE. Its value is shown once, by create, as a Redacted<string>:
  //    it prints as <redacted>; Redacted.value reads it. Never print it.
  const scope = { projectSlug, environmentSlug: live.environmentSlug }
  const { secret } = yield* Secrets.create(scope)
  yield* Console.log(`4. created secret ${secret.secretID} (…${Redacted.value(secret.secret).slice(-4)})`)

  // 5. List the secrets: later reads are masked to the last four characters.
  const { secrets } = yield* Secrets.getAll(scope)
  yield* Console.log(`5. ${secrets.length} secret(s): ${secrets.map((s) => `${s.secretID} (…${s.lastFour})`).join(", ")}`)

  // 6. A typed error: the failure is a value of the error channel.
  yield* Projects.get({ projectSlug: "no-such-project-stytch-effect-demo" }).pipe(
    Effect.zipRight(Effect.dieMessage("expected the unknown project to be rejected")),
    Effect.catchTag("StytchApiError", (error) =>
      Console.log(
        `6. unknown project → StytchApiError ${error.statusCode} ${error.errorType}: ${error.errorMessage} ` +
          `(request ${error.requestID})`
      ))
  )
}).pipe(Effect.scoped)

const isSet = (name: string) => (process.env[name] ?? "") !== ""
const hasCredentials = () =>
  (isSet("STYTCH_WORKSPACE_KEY_ID") && isSet("STYTCH_WORKSPACE_KEY_SECRET")) ||
  isSet("STYTCH_ACCESS_TOKEN")

/**
 * The real API when credentials are in the environment; otherwise a fake
 * served on loopback HTTP, reached through the same default transport (node:http on Node).
 */
const ManagementLive = hasCredentials()
  ? Layer.unwrapEffect(
    Console.log(
      `Credentials found in the environment: running against ${
        isSet("STYTCH_MANAGEMENT_BASE_URL") ? `the API at ${process.env.STYTCH_MANAGEMENT_BASE_URL}` : "the real Stytch Management API"
      }.`
    ).pipe(
      Effect.as(StytchManagement.layerConfig())
    )
  )
  : Layer.unwrapScoped(
    Effect.gen(function*() {
      const { credentials, url } = yield* FakeManagementApi.serve()
      yield* Console.log(
        `No STYTCH_WORKSPACE_KEY_ID / STYTCH_WORKSPACE_KEY_SECRET set: running against the fake API served at ${url}.`
      )
      return StytchManagement.layer({ credentials, baseURL: url })
    })
  )

const main = Console.log("stytch-effect demo (Effect)").pipe(
  Effect.zipRight(flow.pipe(Effect.provide(ManagementLive))),
  Effect.zipRight(Console.log("done."))
)

Effect.runPromiseExit(main).then((exit) => {
  if (exit._tag === "Failure") {
    console.error("demo failed:", Cause.pretty(exit.cause))
    process.exitCode = 1
  }
})
