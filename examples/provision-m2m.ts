/**
 * From workspace to working machine credentials, in one typed flow across
 * both Stytch APIs:
 *
 *   project → LIVE environment → secret (Management API)
 *   → M2M client → access token → verified claims (the project's own API)
 *
 *   pnpm demo                       # all demos, against a fake on loopback HTTP
 *   tsx examples/provision-m2m.ts   # this one only
 *
 * With STYTCH_WORKSPACE_KEY_ID and STYTCH_WORKSPACE_KEY_SECRET set it runs
 * against the real APIs (management.stytch.com, then api.stytch.com for the
 * new LIVE project; or where STYTCH_MANAGEMENT_BASE_URL and
 * STYTCH_PROJECT_BASE_URL point) and deletes the project at the end, even on failure.
 * Secrets and tokens are never printed, only their last four characters.
 */
import { StytchManagement, StytchProject } from "@stytch-effect/core"
import { Environments, M2M, M2MClients, Projects, Secrets } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Cause, Console, Effect, Redacted } from "effect"

const lastFour = (value: Redacted.Redacted<string>) => `…${Redacted.value(value).slice(-4)}`

/** Where the project API is: the real one (from the project id), or the served fake. */
const flow = (projectBaseURL: string | undefined) =>
  Effect.gen(function*() {
    // 1–3. Management API: a project, its LIVE environment, a secret for it.
    const project = yield* Effect.acquireRelease(
      Effect.map(Projects.create({ name: "stytch-effect m2m demo", vertical: "CONSUMER" }), (r) => r.project),
      (project) =>
        Projects.delete({ projectSlug: project.projectSlug }).pipe(
          Effect.zipRight(Console.log(`8. deleted project ${project.projectSlug}`)),
          Effect.catchAll((error) => Console.error(`8. could not delete project ${project.projectSlug}: ${error.message}`))
        )
    )
    yield* Console.log(`1. created project ${project.projectSlug}`)
    const { environment } = yield* Environments.create({ projectSlug: project.projectSlug, name: "Production", type: "LIVE" })
    yield* Console.log(`2. created LIVE environment ${environment.environmentSlug} (project id ${environment.projectID})`)
    const { secret } = yield* Secrets.create({ projectSlug: project.projectSlug, environmentSlug: environment.environmentSlug })
    yield* Console.log(`3. created secret ${secret.secretID} (${lastFour(secret.secret)})`)

    // 4–7. The project's own API, authenticated with that secret: StytchProject.fromSecret bridges the two.
    const machine = Effect.gen(function*() {
      const { m2mClient } = yield* M2MClients.create({ scopes: ["read:invoices", "write:*"], clientName: "billing-worker" })
      yield* Console.log(`4. created M2M client ${m2mClient.clientID} (secret ${lastFour(m2mClient.clientSecret)})`)
      const token = yield* M2M.token({ clientID: m2mClient.clientID, clientSecret: m2mClient.clientSecret })
      yield* Console.log(`5. got a ${token.tokenType} token (${lastFour(token.accessToken)}), expires in ${token.expiresIn}s`)
      const claims = yield* M2M.authenticateToken({
        accessToken: token.accessToken,
        requiredScopes: ["read:invoices", "write:payments"],
        maxTokenAgeSeconds: 300
      })
      yield* Console.log(`6. verified: client ${claims.clientID}, scopes ${claims.scopes.join(" ")}`)
      yield* M2M.authenticateToken({ accessToken: token.accessToken, requiredScopes: ["delete:invoices"] }).pipe(
        Effect.zipRight(Effect.dieMessage("expected the missing scope to be rejected")),
        Effect.catchTag("TokenVerificationError", (error) => Console.log(`7. delete:invoices → ${error.reason}`))
      )
    })
    yield* Effect.provide(
      machine,
      StytchProject.fromSecret(environment, secret, projectBaseURL === undefined ? {} : { baseURL: projectBaseURL })
    )
  }).pipe(Effect.scoped)

const isSet = (name: string) => (process.env[name] ?? "") !== ""

const main = Effect.gen(function*() {
  yield* Console.log("stytch-effect demo: provisioning M2M credentials")
  if (isSet("STYTCH_WORKSPACE_KEY_ID") && isSet("STYTCH_WORKSPACE_KEY_SECRET")) {
    // STYTCH_MANAGEMENT_BASE_URL / STYTCH_PROJECT_BASE_URL, when set, say where the APIs are (as a served fake prints them).
    const projectBaseURL = isSet("STYTCH_PROJECT_BASE_URL") ? process.env.STYTCH_PROJECT_BASE_URL : undefined
    yield* Console.log(
      `Credentials found in the environment: running against ${
        isSet("STYTCH_MANAGEMENT_BASE_URL")
          ? `the APIs at ${process.env.STYTCH_MANAGEMENT_BASE_URL}${projectBaseURL === undefined ? "" : ` and ${projectBaseURL}`}`
          : "the real Stytch APIs"
      }.`
    )
    return yield* Effect.provide(flow(projectBaseURL), StytchManagement.layerConfig())
  }
  const { credentials, url } = yield* FakeManagementApi.serve()
  yield* Console.log(`No workspace key set: running against the fake APIs served at ${url}.`)
  yield* Effect.provide(flow(url), StytchManagement.layer({ credentials, baseURL: url }))
}).pipe(Effect.scoped, Effect.zipRight(Console.log("done.")))

Effect.runPromiseExit(main).then((exit) => {
  if (exit._tag === "Failure") {
    console.error("demo failed:", Cause.pretty(exit.cause))
    process.exitCode = 1
  }
})
