/**
 * The `stytch-effect` bin, black box: built as `pnpm pack` builds it,
 * spawned, against the fake it serves itself.
 */
import * as Fs from "node:fs"
import * as Path from "node:path"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { baseEnv, build, type Result, run, type ServedFake, serveFake, tempDir } from "./utils.js"

// each test spawns the bin several times: slow on a loaded machine
vi.setConfig({ testTimeout: 120_000 })

let dir: string
let bin: string
let fake: ServedFake
/** Every output of every run but the fake's own exports: no secret may appear in any. */
const outputs: Array<string> = []

const cli = async (args: ReadonlyArray<string>, extra: Record<string, string | undefined> = {}): Promise<Result> => {
  const result = await run(bin, args, { env: baseEnv(dir, { ...fake.exports, ...extra }) })
  outputs.push(result.stdout, result.stderr)
  return result
}

const seed = {
  projects: [{
    name: "Acme",
    vertical: "B2B",
    projectSlug: "acme",
    environments: [
      { name: "Production", type: "LIVE", environmentSlug: "production" },
      { name: "Staging", type: "TEST", environmentSlug: "staging" }
    ]
  }]
}

beforeAll(async () => {
  dir = tempDir("stytch-effect-cli-")
  bin = await build(Path.join(dir, "bundle"))
  Fs.writeFileSync(Path.join(dir, "seed.json"), JSON.stringify(seed))
  fake = await serveFake(bin, baseEnv(dir), ["--seed", Path.join(dir, "seed.json")])
}, 60_000)

afterAll(async () => {
  await fake?.stop()
  // the workspace key secret the fake printed appears in no other output
  const secret = fake.exports.STYTCH_WORKSPACE_KEY_SECRET!
  expect(secret.length).toBeGreaterThan(8)
  for (const output of outputs) expect(output).not.toContain(secret)
  Fs.rmSync(dir, { recursive: true, force: true })
})

describe("help, version, completions", () => {
  it("--help lists every command and the exit codes", async () => {
    const { code, stderr, stdout } = await cli(["--help"])
    expect(code).toBe(0)
    expect(stderr).toBe("")
    for (const command of ["login", "logout", "whoami", "projects list", "environments list", "fake"]) {
      expect(stdout).toContain(`- ${command}`)
    }
    expect(stdout).toMatch(/Exit codes: 0 success; 1 error; 2 .*; 130 interrupted/)
  })

  it("--help of a command shows its own and the global options", async () => {
    const { code, stdout } = await cli(["environments", "list", "--help"])
    expect(code).toBe(0)
    for (const option of ["--project", "--json", "--base-url", "--timeout", "--max-retries", "--verbose", "--fake", "--workspace-key-id"]) {
      expect(stdout).toContain(option)
    }
  })

  it("--version prints the package's version", async () => {
    const { version } = JSON.parse(Fs.readFileSync(new URL("../package.json", import.meta.url), "utf8"))
    const { code, stdout } = await cli(["--version"])
    expect(code).toBe(0)
    expect(stdout.trim()).toBe(version)
  })

  it("--completions writes a shell completion script", async () => {
    const { code, stdout } = await cli(["--completions", "bash"])
    expect(code).toBe(0)
    expect(stdout).toContain("complete")
    expect(stdout).toContain("stytch-effect")
  })

  it("an unknown command is an error (exit 1)", async () => {
    const { code, stderr } = await cli(["projectz"])
    expect(code).toBe(1)
    expect(stderr).toContain("projects")
  })
})

describe("against the served fake", () => {
  it("projects list: a table, or JSON", async () => {
    const table = await cli(["projects", "list"])
    expect(table.code).toBe(0)
    expect(table.stdout).toMatch(/^SLUG\s+NAME\s+VERTICAL\s+CREATED\nacme\s+Acme\s+B2B\s+\d{4}-/)
    const json = await cli(["projects", "list", "--json"])
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ projectSlug: "acme", name: "Acme", vertical: "B2B" })])
  })

  it("environments list --project: a table, or JSON", async () => {
    const table = await cli(["environments", "list", "--project", "acme"])
    expect(table.code).toBe(0)
    expect(table.stdout.split("\n").map((line) => line.split(/\s+/)[0])).toEqual(["SLUG", "production", "staging", ""])
    const json = await cli(["environments", "list", "--project", "acme", "--json"])
    expect(JSON.parse(json.stdout).map((e: { environmentSlug: string; type: string }) => [e.environmentSlug, e.type])).toEqual([
      ["production", "LIVE"],
      ["staging", "TEST"]
    ])
  })

  it("an API error is one line and a hint, exit 1, no stack trace", async () => {
    const { code, stderr, stdout } = await cli(["environments", "list", "--project", "nope"])
    expect(code).toBe(1)
    expect(stdout).toBe("")
    const lines = stderr.trimEnd().split("\n")
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^error: project_not_found: .* \(HTTP 404, request \S+\)$/)
    expect(lines[1]).toMatch(/^hint: check the slugs/)
  })

  it("--verbose logs every request (no headers) and the whole cause of a failure", async () => {
    const { code, stderr } = await cli(["environments", "list", "--project", "nope", "--verbose"])
    expect(code).toBe(1)
    expect(stderr).toMatch(new RegExp(`→ GET ${fake.exports.STYTCH_MANAGEMENT_BASE_URL}/pwa/v3/projects/nope/environments`))
    expect(stderr).toMatch(/← 404 GET .* \(\d+ ms\)/)
    expect(stderr).toContain("StytchApiError")
    expect(stderr).not.toMatch(/authorization|basic /i)
  })

  it("wrong credentials: 401 with a hint to log in", async () => {
    const { code, stderr } = await cli(["projects", "list", "--workspace-key-id", "workspace-key-test-nope", "--workspace-key-secret", "wrong-secret-value"])
    expect(code).toBe(1)
    expect(stderr).toMatch(/^error: .*\(HTTP 401/)
    expect(stderr).toMatch(/hint: .*stytch-effect login/)
    expect(stderr).not.toContain("wrong-secret-value")
  })

  it("half of the credential flags is an error", async () => {
    const { code, stderr } = await cli(["projects", "list", "--workspace-key-id", "workspace-key-test-x"])
    expect(code).toBe(1)
    expect(stderr).toContain("error: --workspace-key-id and --workspace-key-secret go together")
  })

  it("half of the credential variables is an error, not a silent fallback to the login", async () => {
    const { code, stderr } = await cli(["projects", "list"], { STYTCH_WORKSPACE_KEY_SECRET: undefined })
    expect(code).toBe(1)
    expect(stderr).toContain("error: STYTCH_WORKSPACE_KEY_ID is set but STYTCH_WORKSPACE_KEY_SECRET is not")
  })

  it("an unreachable server: the request, the reason and a hint", async () => {
    const { code, stderr } = await cli(["projects", "list", "--base-url", "http://127.0.0.1:9", "--max-retries", "0"])
    expect(code).toBe(1)
    expect(stderr).toMatch(/^error: GET http:\/\/127\.0\.0\.1:9\/pwa\/v3\/projects: /)
    expect(stderr).toContain("hint: check --base-url")
  })

  it("whoami names the workspace key (never its secret) and checks it", async () => {
    const { code, stdout } = await cli(["whoami"])
    expect(code).toBe(0)
    expect(stdout).toContain(`Using workspace key ${fake.exports.STYTCH_WORKSPACE_KEY_ID} (from STYTCH_WORKSPACE_KEY_ID/SECRET).`)
    expect(stdout).toContain("1 project(s) visible")
  })
})

describe("fake", () => {
  it("stops on Ctrl-C (SIGINT) with exit code 130; an unusable port is a clear error", async () => {
    const other = await serveFake(bin, baseEnv(dir))
    const port = new URL(other.exports.STYTCH_MANAGEMENT_BASE_URL!).port
    const taken = await cli(["fake", "--port", port])
    expect(taken.code).toBe(1)
    expect(taken.stderr).toContain(`error: could not serve the fake on 127.0.0.1:${port}`)
    expect(await other.stop()).toBe(130)
  })
})

describe("colour", () => {
  it("is off when not a TTY, on with FORCE_COLOR, and NO_COLOR wins", async () => {
    const plain = await cli(["projects", "list"])
    expect(plain.stdout).not.toContain("\u001b[")
    const forced = await cli(["projects", "list"], { FORCE_COLOR: "1" })
    expect(forced.stdout).toContain("\u001b[1mSLUG")
    const none = await cli(["projects", "list"], { FORCE_COLOR: "1", NO_COLOR: "1" })
    expect(none.stdout).not.toContain("\u001b[")
    const error = await cli(["environments", "list", "--project", "nope"], { FORCE_COLOR: "1", NO_COLOR: "1" })
    expect(error.stderr).not.toContain("\u001b[")
    const help = await cli(["--help"], { FORCE_COLOR: "1", NO_COLOR: "1" })
    expect(help.stdout).not.toContain("\u001b[")
  })
})

describe("--fake", () => {
  it("runs a command against an in-process fake seeded from a file", async () => {
    const { code, stderr, stdout } = await cli(["environments", "list", "--project", "acme", "--fake", "--seed", Path.join(dir, "seed.json"), "--verbose"], {
      STYTCH_MANAGEMENT_BASE_URL: "http://127.0.0.1:9"
    })
    expect(code).toBe(0)
    expect(stdout).toMatch(/production\s+Production\s+LIVE/)
    expect(stderr).toMatch(/← 200 GET \S+\/pwa\/v3\/projects\/acme\/environments/) // in memory, logged all the same
  })

  it("a seed that does not fit is a clear error", async () => {
    Fs.writeFileSync(Path.join(dir, "bad-seed.json"), JSON.stringify({ projects: [{ nam: "typo" }] }))
    const { code, stderr } = await cli(["projects", "list", "--fake", "--seed", Path.join(dir, "bad-seed.json")])
    expect(code).toBe(1)
    expect(stderr).toMatch(/^error: seed file .*bad-seed\.json: projects\[0\]\.nam: is unexpected/)
  })
})
