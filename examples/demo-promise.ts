/**
 * The stytch-effect demo, promise flavour: the seed README's flow end to end
 * with `ManagementClient`, as plain Node code.
 *
 *   pnpm demo                      # both demos, against a fake on loopback HTTP
 *   tsx examples/demo-promise.ts   # this one only
 *
 * With STYTCH_WORKSPACE_KEY_ID and STYTCH_WORKSPACE_KEY_SECRET (or
 * STYTCH_ACCESS_TOKEN) set, it runs against the real Management API instead:
 * it creates a disposable project and deletes it at the end, even on failure.
 * The secret value it creates is never printed, only its id and last four.
 */
import { ManagementClient, ManagementStytchError, type environments } from "@stytch-effect/compat"
import { FakeManagementApi } from "@stytch-effect/testing"

const isSet = (name: string) => (process.env[name] ?? "") !== ""
const hasCredentials =
  (isSet("STYTCH_WORKSPACE_KEY_ID") && isSet("STYTCH_WORKSPACE_KEY_SECRET")) ||
  isSet("STYTCH_ACCESS_TOKEN")

async function main(): Promise<void> {
  console.log("stytch-effect demo (promise)")

  // The real API reads its credentials from the environment; the fake is
  // served on loopback HTTP and reached through the same default transport (node:http on Node).
  let server: FakeManagementApi.Server | undefined
  let client: ManagementClient
  if (hasCredentials) {
    console.log(
      `Credentials found in the environment: running against ${
        isSet("STYTCH_MANAGEMENT_BASE_URL") ? `the API at ${process.env.STYTCH_MANAGEMENT_BASE_URL}` : "the real Stytch Management API"
      }.`
    )
    client = new ManagementClient()
  } else {
    server = await FakeManagementApi.start()
    console.log(
      `No STYTCH_WORKSPACE_KEY_ID / STYTCH_WORKSPACE_KEY_SECRET set: running against the fake API served at ${server.url}.`
    )
    client = new ManagementClient({
      base_url: server.url,
      workspace_key_id: server.credentials.keyID,
      workspace_key_secret: server.credentials.keySecret
    })
  }

  try {
    // 1. A B2B project.
    const { project } = await client.projects.create({ name: "stytch-effect demo", vertical: "B2B" })
    const { projectSlug } = project
    console.log(`1. created ${project.vertical} project ${projectSlug} (${project.name})`)
    try {
      // 2. Its environments: a project created through the API has none, and
      //    LIVE must exist before any TEST environment.
      const live = await client.environments.create({ projectSlug, name: "Production", type: "LIVE" })
      console.log(`2. created LIVE environment ${live.environment.environmentSlug}`)
      const test = await client.environments.create({ projectSlug, name: "My custom environment", type: "TEST" })
      console.log(`   created TEST environment ${test.environment.environmentSlug}`)

      // 3. List them and find LIVE, as the README does.
      const response = await client.environments.getAll({ projectSlug })
      const liveEnv = response.environments.find((env) => env.type === ("LIVE" as environments.EnvironmentType))
      if (liveEnv === undefined) throw new Error("the project has no LIVE environment")
      console.log(
        `3. ${response.environments.length} environments: ` +
          response.environments.map((e) => `${e.environmentSlug} (${e.type})`).join(", ")
      )
      console.log(`   live environment: ${liveEnv.environmentSlug}`)

      // 4. A secret for LIVE. Its value is shown once, by create: never print it.
      const scope = { projectSlug, environmentSlug: liveEnv.environmentSlug }
      const { secret } = await client.secrets.create(scope)
      console.log(`4. created secret ${secret.secretID} (…${secret.secret.slice(-4)})`)

      // 5. List the secrets: later reads are masked to the last four characters.
      const { secrets } = await client.secrets.getAll(scope)
      console.log(`5. ${secrets.length} secret(s): ${secrets.map((s) => `${s.secretID} (…${s.lastFour})`).join(", ")}`)

      // 6. A typed error: ManagementStytchError carries the API's error fields.
      try {
        await client.projects.get({ projectSlug: "no-such-project-stytch-effect-demo" })
        throw new Error("expected the unknown project to be rejected")
      } catch (error) {
        if (!(error instanceof ManagementStytchError)) throw error
        console.log(
          `6. unknown project → ManagementStytchError ${error.status_code} ${error.error_type}: ${error.error_message} ` +
            `(request ${error.request_id})`
        )
      }
    } finally {
      // 7. Delete the project (and its environments), whatever happened.
      await client.projects.delete({ projectSlug })
      console.log(`7. deleted project ${projectSlug}`)
    }
  } finally {
    await client.close()
    await server?.close()
  }
  console.log("done.")
}

main().catch((error: unknown) => {
  console.error("demo failed:", error)
  process.exitCode = 1
})
