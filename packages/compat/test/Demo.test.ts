import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Redacted } from "effect"
import { describe, expect, it } from "vitest"

// `pnpm demo` is the main job: run both demos as a user would (tsx, from the
// repository root, with no Stytch credentials in the environment, so they
// serve the fake on loopback) and check what they print.
const root = fileURLToPath(new URL("../../../", import.meta.url))
const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url))

const run = (file: string, stytchEnv: Record<string, string> = {}) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const env = { ...process.env }
    for (const name of Object.keys(env)) if (name.startsWith("STYTCH_")) delete env[name]
    Object.assign(env, stytchEnv)
    execFile(tsx, [file], { cwd: root, env, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr })
    })
  })

const steps = [
  /running against the fake API served at http:\/\/127\.0\.0\.1:\d+/,
  /1\. created B2B project (\S+)/,
  /2\. created LIVE environment \S+/,
  /created TEST environment \S+/,
  /3\. 2 environments: .*\(LIVE\).*\(TEST\)/,
  /live environment: \S+/,
  /4\. created secret secret-live-[\w-]+ \(…\w{4}\)/,
  /5\. 1 secret\(s\): secret-live-[\w-]+ \(…\w{4}\)/,
  /6\. unknown project → \w+ 404 project_not_found/,
  /7\. deleted project \S+/,
  /done\./
]

describe.concurrent("the demos (pnpm demo)", () => {
  for (const file of ["examples/demo-effect.ts", "examples/demo-promise.ts"]) {
    it(`${file} runs the README flow against the served fake`, async () => {
      const { code, stderr, stdout } = await run(file)
      expect(stderr.replace(/npm warn.*\n?/g, "")).toBe("")
      expect(code).toBe(0)
      let rest = stdout
      for (const step of steps) {
        const match = step.exec(rest)
        expect(match, `expected ${step} in:\n${stdout}`).not.toBeNull()
        rest = rest.slice(match!.index + match![0].length)
      }
      // The fake's secret values look like `secret-live-<48 hex digits>`: never printed.
      expect(stdout).not.toMatch(/secret-(live|test)-[0-9a-f]{48}/)
    }, 120_000) // two tsx processes: slow on a loaded 2-core machine

    it(`${file} with credentials in the environment says where STYTCH_MANAGEMENT_BASE_URL points`, async () => {
      const server = await FakeManagementApi.start()
      try {
        const { code, stdout } = await run(file, {
          STYTCH_MANAGEMENT_BASE_URL: server.url,
          STYTCH_WORKSPACE_KEY_ID: server.credentials.keyID,
          STYTCH_WORKSPACE_KEY_SECRET: Redacted.value(server.credentials.keySecret)
        })
        expect(stdout).toContain(`Credentials found in the environment: running against the API at ${server.url}.`)
        expect(code, stdout).toBe(0)
      } finally {
        await server.close()
      }
    }, 120_000)
  }
})
