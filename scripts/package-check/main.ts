// The consumer program of `pnpm test:packages` (scripts/test-packages.mjs).
// It is copied into fresh ESM and CJS projects that installed the packed
// tarballs, type-checked there with node16, bundler and node10 resolution
// (strict, no skipLibCheck, no @types/node, no esnext.disposable), compiled
// (node16) and run against the served fake.
import { StytchManagement } from "@stytch-effect/core"
import { ManagementClient, type projects } from "@stytch-effect/compat"
import { Projects } from "@stytch-effect/resources"
import * as Environments from "@stytch-effect/resources/Environments"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Effect, Redacted } from "effect"

// The types are the real ones, not `any`: a request enum typo does not compile
// (an unused @ts-expect-error is an error too).
// @ts-expect-error "B2C_TYPO" is not a Vertical
export const typo: Projects.CreateRequest = { name: "typo", vertical: "B2C_TYPO" }

async function main(): Promise<string> {
  const server = await FakeManagementApi.start()
  try {
    // The promise facade.
    const client = new ManagementClient({
      base_url: server.url,
      workspace_key_id: server.credentials.keyID,
      workspace_key_secret: Redacted.value(server.credentials.keySecret)
    })
    const vertical: projects.Vertical = "B2B"
    const { project } = await client.projects.create({ name: "Packed", vertical })
    await client.close()

    // The Effect API (through a subpath import too).
    const program = Effect.gen(function* () {
      const { environment } = yield* Environments.create({
        projectSlug: project.projectSlug,
        name: "production",
        type: "LIVE"
      })
      const { projects: all } = yield* Projects.getAll()
      return `${all.length} project(s), environment ${environment.environmentSlug}`
    })
    return await program.pipe(
      Effect.provide(StytchManagement.layer({ baseURL: server.url, credentials: server.credentials })),
      Effect.runPromise
    )
  } finally {
    await server.close()
  }
}

// A rejection is unhandled, so node prints it and exits non-zero.
void main().then((summary) => {
  if (!summary.startsWith("1 project(s), environment ")) throw new Error(`unexpected result: ${summary}`)
  console.log(`ok: ${summary}`)
})
