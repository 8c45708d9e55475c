import { type ChildProcess, execFile, spawn } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"

// `stytch-effect-fake`, black-box: the bin from source (node + tsx, from the
// repository root, as `pnpm fake` runs it), then another process using the
// exports it printed. scripts/test-packages.mjs runs the packed tarball's bin.
const root = fileURLToPath(new URL("../../../", import.meta.url))
const bin = fileURLToPath(new URL("../src/bin/stytch-effect-fake.ts", import.meta.url))
const client = fileURLToPath(new URL("./fixtures/fake-client.ts", import.meta.url))
const tsx = path.join(root, "node_modules", ".bin", "tsx")

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stytch-effect-fake-"))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const cleanEnv = () => {
  const env = { ...process.env }
  for (const name of Object.keys(env)) if (name.startsWith("STYTCH_")) delete env[name]
  return env
}

/** Starts the bin; resolves with the process and its stdout once it printed the exports (or exited). */
const startFake = (args: ReadonlyArray<string>) =>
  new Promise<{ child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> }>(
    (resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", bin, ...args], { cwd: root, env: cleanEnv() })
      let stdout = ""
      let stderr = ""
      const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)))
      const handle = { child, stdout: () => stdout, stderr: () => stderr, exited }
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString()
        if (stderr.includes("serving")) resolve(handle)
      })
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString()
        if (stderr.includes("serving")) resolve(handle)
      })
      void exited.then(() => resolve(handle))
    }
  )

const sh = (script: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile("sh", ["-c", script], { cwd: root, env: cleanEnv(), timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr })
    })
  })

describe("stytch-effect-fake", () => {
  it("serves a seeded fake, prints its exports for another process, and stops cleanly on SIGTERM", async () => {
    const seed = path.join(tmp, "seed.json")
    fs.writeFileSync(seed, JSON.stringify({
      credentials: { keyID: "workspace-key-local", keySecret: "it's a local secret" },
      projects: [{
        name: "Acme",
        vertical: "B2B",
        projectSlug: "acme",
        features: { customDomains: true },
        environments: [{ name: "Production", type: "LIVE", environmentSlug: "production" }]
      }]
    }))
    const fake = await startFake(["--port", "0", "--seed", seed])
    try {
      const exports = fake.stdout().split("\n")[0]!
      expect(exports).toMatch(
        /^export STYTCH_MANAGEMENT_BASE_URL=http:\/\/127\.0\.0\.1:\d+ STYTCH_WORKSPACE_KEY_ID=workspace-key-local STYTCH_WORKSPACE_KEY_SECRET='it'\\''s a local secret'$/
      )
      expect(fake.stdout()).toMatch(/^# acme\/production \(LIVE\): STYTCH_PROJECT_ID=project-live-[\w-]+$/m)

      // Another process, configured only by the printed line.
      const other = await sh(`${exports}\nexec ${JSON.stringify(tsx)} ${JSON.stringify(client)}`)
      expect(other.stderr).toBe("")
      expect(other.code).toBe(0)
      expect(JSON.parse(other.stdout)).toEqual(["acme"])

      // The default credentials are not accepted: the seed's replaced them.
      const url = /STYTCH_MANAGEMENT_BASE_URL=(\S+)/.exec(exports)![1]!
      expect((await fetch(`${url}/pwa/v3/projects`)).status).toBe(401)
    } finally {
      fake.child.kill("SIGTERM")
    }
    expect(await fake.exited).toBe(0)
    expect(fake.stderr()).toContain("stytch-effect-fake: stopped")
  }, 120_000)

  it("exits with a clear message for a seed the API would refuse, and for a non-loopback host", async () => {
    const seed = path.join(tmp, "bad.json")
    fs.writeFileSync(seed, JSON.stringify({ projects: [{ name: "x", environments: [{ name: "t", type: "TEST" }] }] }))
    const refused = await startFake(["--port", "0", "--seed", seed])
    expect(await refused.exited).toBe(1)
    expect(refused.stderr()).toContain(`${seed}: seed: projects[0] ("x"): live_environment_required`)
    expect(refused.stdout()).toBe("")

    const host = await startFake(["--host", "0.0.0.0"])
    expect(await host.exited).toBe(2)
    expect(host.stderr()).toMatch(/only loopback hosts/)
  }, 120_000)
})
