/**
 * `login` / `whoami` / `logout` against the served fake's authorization
 * server, with a scripted browser step (the fake approves every
 * authorization request: "the browser" is a fetch of the printed URL).
 */
import { spawn } from "node:child_process"
import * as Fs from "node:fs"
import * as Net from "node:net"
import * as Path from "node:path"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { baseEnv, build, run, type ServedFake, serveFake, tempDir, waitFor } from "./utils.js"

// each test spawns the bin several times: slow on a loaded machine
vi.setConfig({ testTimeout: 120_000 })

let dir: string
let bin: string
let fake: ServedFake
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  dir = tempDir("stytch-effect-login-")
  bin = await build(Path.join(dir, "bundle"))
  fake = await serveFake(bin, baseEnv(dir))
  // the OAuth endpoints, no workspace key: the commands use the stored login
  const { STYTCH_WORKSPACE_KEY_ID: _id, STYTCH_WORKSPACE_KEY_SECRET: _secret, ...oauth } = fake.exports
  env = baseEnv(dir, oauth)
}, 60_000)

afterAll(async () => {
  await fake?.stop()
  Fs.rmSync(dir, { recursive: true, force: true })
})

const tokenFile = () => Path.join(dir, ".config", "stytch-effect", "oauth-tokens.json")

describe("login, whoami, logout", () => {
  it("signs in through the browser, stores the tokens 0600, uses them, revokes them on logout", async () => {
    const outputs: Array<string> = []
    const before = await run(bin, ["whoami"], { env })
    expect(before.code).toBe(1)
    expect(before.stderr).toContain("error: not signed in")

    // login: the URL on stderr, "the browser" follows it to the loopback callback
    const child = spawn(process.execPath, [bin, "login", "--no-browser", "--callback-port", "0"], { env, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk) => (stdout += chunk))
    child.stderr.on("data", (chunk) => (stderr += chunk))
    const [url] = await waitFor(child, () => stderr, /http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?\S+/)
    const login = new URL(url)
    expect(login.searchParams.get("code_challenge_method")).toBe("S256")
    expect(login.searchParams.get("state")).toMatch(/^[\w-]{20,}$/)
    const page = await fetch(url) // 302 to http://127.0.0.1:<port>/callback?code=…&state=…, followed
    expect(await page.text()).toContain("Signed in to stytch-effect")
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve))
    outputs.push(stdout, stderr)
    expect(code).toBe(0)
    expect(stdout).toContain("Signed in as member-live-fake.")
    expect(stdout).toContain(`Tokens stored in ${tokenFile()} (mode 0600).`)

    const stored = JSON.parse(Fs.readFileSync(tokenFile(), "utf8")) as { access_token: string; refresh_token: string }
    expect((Fs.statSync(tokenFile()).mode & 0o777).toString(8)).toBe("600")
    expect((Fs.statSync(Path.dirname(tokenFile())).mode & 0o777).toString(8)).toBe("700")
    expect(stored.refresh_token).toBeTruthy()

    const whoami = await run(bin, ["whoami"], { env })
    outputs.push(whoami.stdout, whoami.stderr)
    expect(whoami.code).toBe(0)
    expect(whoami.stdout).toContain("Signed in with OAuth as member-live-fake")
    expect(whoami.stdout).toContain("0 project(s) visible")

    const projects = await run(bin, ["projects", "list", "--verbose"], { env })
    outputs.push(projects.stdout, projects.stderr)
    expect(projects.code).toBe(0)
    expect(projects.stdout).toBe("No projects.\n")

    const logout = await run(bin, ["logout"], { env })
    outputs.push(logout.stdout, logout.stderr)
    expect(logout.code).toBe(0)
    expect(logout.stdout).toContain("Signed out: the session was revoked")
    expect(Fs.existsSync(tokenFile())).toBe(false)
    // revoked at the server: the refresh token no longer works
    const refresh = await fetch(fake.exports.STYTCH_OAUTH_TOKEN_URL!, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: stored.refresh_token, client_id: login.searchParams.get("client_id")! })
    })
    expect(refresh.status).toBe(400)

    const again = await run(bin, ["logout"], { env })
    expect(again.stdout).toContain("Not signed in")
    const after = await run(bin, ["projects", "list"], { env })
    expect(after.code).toBe(1)
    expect(after.stderr).toMatch(/hint: run `stytch-effect login`/)

    // the tokens were never printed
    for (const output of outputs) {
      expect(output).not.toContain(stored.access_token)
      expect(output).not.toContain(stored.refresh_token)
      expect(output).not.toMatch(/eyJ[\w-]+\.[\w-]+\./)
    }
  }, 60_000)

  it("a callback port in use is a clear error", async () => {
    const server = await new Promise<Net.Server>((resolve) => {
      const s = Net.createServer()
      s.listen(0, "127.0.0.1", () => resolve(s))
    })
    const port = (server.address() as Net.AddressInfo).port
    const result = await run(bin, ["login", "--no-browser", "--callback-port", String(port)], { env })
    server.close()
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`error: sign-in: could not listen on 127.0.0.1:${port}`)
    expect(result.stderr).toContain("--callback-port")
  })
})
