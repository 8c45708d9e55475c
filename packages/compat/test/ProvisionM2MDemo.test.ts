import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Redacted } from "effect"
import { describe, expect, it } from "vitest"

// examples/provision-m2m.ts is part of `pnpm demo`: run it as a user would, without credentials.
const root = fileURLToPath(new URL("../../../", import.meta.url))
const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url))

describe("examples/provision-m2m.ts", () => {
  it("provisions an M2M client across both APIs against the served fake", async () => {
    const env = { ...process.env }
    for (const name of Object.keys(env)) if (name.startsWith("STYTCH_")) delete env[name]
    const { code, stderr, stdout } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(tsx, ["examples/provision-m2m.ts"], { cwd: root, env, timeout: 90_000 }, (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr })
      })
    })
    expect(stderr.replace(/npm warn.*\n?/g, "")).toBe("")
    expect(code).toBe(0)
    let rest = stdout
    for (const step of [
      /running against the fake APIs served at http:\/\/127\.0\.0\.1:\d+/,
      /2\. created LIVE environment \S+ \(project id project-live-[\w-]+\)/,
      /3\. created secret secret-live-[\w-]+ \(…\w{4}\)/,
      /4\. created M2M client m2m-client-live-[\w-]+ \(secret …[\w-]{4}\)/,
      /5\. got a bearer token \(…[\w-]{4}\), expires in 3600s/,
      /6\. verified: client m2m-client-live-[\w-]+, scopes read:invoices write:\*/,
      /7\. delete:invoices → MissingScopes/,
      /8\. deleted project \S+/,
      /done\./
    ]) {
      const m = step.exec(rest)
      expect(m, `${step} in\n${stdout}`).not.toBeNull()
      rest = rest.slice(m!.index + m![0].length)
    }
  }, 120_000)

  it("with credentials in the environment, runs where STYTCH_MANAGEMENT_BASE_URL / STYTCH_PROJECT_BASE_URL point", async () => {
    // what `stytch-effect-fake` prints to point another process at it
    const server = await FakeManagementApi.start()
    try {
      const env = { ...process.env }
      for (const name of Object.keys(env)) if (name.startsWith("STYTCH_")) delete env[name]
      Object.assign(env, {
        STYTCH_MANAGEMENT_BASE_URL: server.url,
        STYTCH_PROJECT_BASE_URL: server.url,
        STYTCH_WORKSPACE_KEY_ID: server.credentials.keyID,
        STYTCH_WORKSPACE_KEY_SECRET: Redacted.value(server.credentials.keySecret)
      })
      const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
        execFile(tsx, ["examples/provision-m2m.ts"], { cwd: root, env, timeout: 90_000 }, (error, stdout) => {
          resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout })
        })
      })
      expect(stdout).toContain(`running against the APIs at ${server.url}`)
      expect(stdout).not.toContain("real Stytch")
      expect(stdout).toMatch(/7\. delete:invoices → MissingScopes/)
      expect(code, stdout).toBe(0)
    } finally {
      await server.close()
    }
  }, 120_000)
})
