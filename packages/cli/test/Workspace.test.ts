/**
 * `export`, `plan`, `apply`, `promote`: the built bin against the served
 * fake, as CI and a person would run them.
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
const outputs: Array<string> = []
const SECRET_VALUE = "dd-api-key-value-4f1c9e7a2b"

const cli = async (args: ReadonlyArray<string>, extra: Record<string, string | undefined> = {}): Promise<Result> => {
  const result = await run(bin, args, { env: baseEnv(dir, { ...fake.exports, ...extra }), cwd: dir })
  outputs.push(result.stdout, result.stderr)
  return result
}

const project = (slug: string) => ({
  name: slug,
  vertical: "B2B",
  projectSlug: slug,
  environments: [
    { name: "Production", type: "LIVE", environmentSlug: "production" },
    { name: "Staging", type: "TEST", environmentSlug: "staging" }
  ]
})

const file = (name: string) => Path.join(dir, name)
const edit = (from: string, to: string, replace: (text: string) => string) =>
  Fs.writeFileSync(file(to), replace(Fs.readFileSync(file(from), "utf8")))

beforeAll(async () => {
  dir = tempDir("stytch-effect-workspace-")
  bin = await build(Path.join(dir, "bundle"))
  Fs.writeFileSync(file("seed.json"), JSON.stringify({ projects: ["acme", "beta", "gamma"].map(project) }))
  fake = await serveFake(bin, baseEnv(dir), ["--seed", file("seed.json")])
}, 60_000)

afterAll(async () => {
  await fake?.stop()
  for (const output of outputs) {
    expect(output).not.toContain(SECRET_VALUE)
    expect(output).not.toContain(fake.exports.STYTCH_WORKSPACE_KEY_SECRET!)
  }
  Fs.rmSync(dir, { recursive: true, force: true })
})

describe("export", () => {
  it("writes YAML to stdout, JSON with --format json, the format of --out's extension", async () => {
    const yaml = await cli(["export", "--project", "acme"])
    expect(yaml.code).toBe(0)
    expect(yaml.stdout).toMatch(/^version: 1\nprojects:\n {2}- projectSlug: acme\n/)
    const json = await cli(["export", "--project", "acme", "--format", "json"])
    expect(JSON.parse(json.stdout)).toMatchObject({ version: 1, projects: [{ projectSlug: "acme" }] })
    const out = await cli(["export", "--project", "acme", "--project", "beta", "--out", file("two.json")])
    expect(out.code).toBe(0)
    expect(out.stderr).toContain(`Exported 2 project(s) to ${file("two.json")} (JSON).`)
    expect(JSON.parse(Fs.readFileSync(file("two.json"), "utf8")).projects.map((p: { projectSlug: string }) => p.projectSlug)).toEqual(["acme", "beta"])
    // deterministic: the same export twice is the same text
    const again = await cli(["export", "--project", "acme"])
    expect(again.stdout).toBe(yaml.stdout)
  })

  it("an unknown project: exit 1, one line and a hint", async () => {
    const { code, stderr, stdout } = await cli(["export", "--project", "nope"])
    expect(code).toBe(1)
    expect(stdout).toBe("")
    expect(stderr).toMatch(/^error: .*\(HTTP 404, request \S+\)\nhint: /)
  })
})

describe("plan and apply", () => {
  it("plan --detailed-exitcode: 0 without changes, 2 with, 1 on error; --json parses", async () => {
    expect((await cli(["export", "--project", "acme", "--out", file("acme.yaml")])).code).toBe(0)
    const same = await cli(["plan", "--file", file("acme.yaml"), "--detailed-exitcode"])
    expect(same.code).toBe(0)
    expect(same.stdout).toBe("No changes. The live configuration matches the document.\n")
    expect((await cli(["plan", "--file", file("acme.yaml")])).code).toBe(0)

    edit("acme.yaml", "acme2.yaml", (text) => text.replace("userLockThreshold: 10", "userLockThreshold: 4"))
    const changed = await cli(["plan", "--file", file("acme2.yaml"), "--detailed-exitcode"])
    expect(changed.code).toBe(2)
    expect(changed.stdout).toContain("userLockThreshold: 10 -> 4")
    expect(changed.stdout).toContain("Plan: 0 to create, 1 to change, 0 to delete.")
    // without --detailed-exitcode, changes are a success
    expect((await cli(["plan", "--file", file("acme2.yaml")])).code).toBe(0)

    const json = await cli(["plan", "--file", file("acme2.yaml"), "--json", "--detailed-exitcode"])
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout)).toEqual({
      actions: [{
        op: "update",
        family: "environment",
        project: "acme",
        environment: "production",
        key: "production",
        changes: [{ path: "userLockThreshold", before: 10, after: 4 }]
      }],
      summary: { create: 0, update: 1, delete: 0, set: 0 }
    })

    Fs.writeFileSync(file("broken.yaml"), "version: 1\nprojects:\n  - projectSlug: acme\n    nme: typo\n")
    const broken = await cli(["plan", "--file", file("broken.yaml"), "--detailed-exitcode"])
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(/^error: .*broken\.yaml: /)
    const missing = await cli(["plan", "--file", file("missing.yaml"), "--detailed-exitcode"])
    expect(missing.code).toBe(1)
  })

  it("apply refuses without --yes when not on a terminal, and changes nothing", async () => {
    const refused = await cli(["apply", "--file", file("acme2.yaml")])
    expect(refused.code).toBe(1)
    expect(refused.stdout).toContain("userLockThreshold: 10 -> 4") // the plan is shown
    expect(refused.stderr).toContain("error: refusing to apply without --yes: not a terminal")
    expect((await cli(["plan", "--file", file("acme2.yaml"), "--detailed-exitcode"])).code).toBe(2)
  })

  it("apply --yes: progress lines (not a terminal), a summary; then nothing left to do", async () => {
    edit("acme2.yaml", "acme3.yaml", (text) =>
      text.replace(
        "redirectURLs: []",
        `redirectURLs: [{ url: "https://acme.example/a", validTypes: [{ type: LOGIN, isDefault: true }] }, { url: "https://acme.example/b", validTypes: [{ type: SIGNUP, isDefault: true }] }]`
      ))
    const applied = await cli(["apply", "--file", file("acme3.yaml"), "--yes", "--concurrency", "2"])
    expect(applied.code, applied.stderr).toBe(0)
    expect(applied.stdout).toContain("Apply: 3 done, 0 failed, 0 not started.")
    expect(applied.stderr.split("\n").filter((line) => line.startsWith("✓ ")).sort()).toEqual([
      `✓ + redirectURLs "https://acme.example/a" (acme/production)`,
      `✓ + redirectURLs "https://acme.example/b" (acme/production)`,
      `✓ ~ environment "production" (acme/production)`
    ])
    expect(applied.stderr).not.toContain("\u001b[") // no bar, no colour off a terminal
    expect((await cli(["plan", "--file", file("acme3.yaml"), "--detailed-exitcode"])).code).toBe(0)
  })

  it("a failed action: exit 1, the failure with its error, a summary; fixed and re-run, it converges", async () => {
    edit("acme3.yaml", "acme4.yaml", (text) =>
      text.replace("https://acme.example/b", "not-a-url").replace("userLockThreshold: 4", "userLockThreshold: 6"))
    const failed = await cli(["apply", "--file", file("acme4.yaml"), "--yes", "--concurrency", "1"])
    expect(failed.code).toBe(1)
    expect(failed.stdout).toMatch(/failed: \+ redirectURLs "not-a-url" \(acme\/production\): invalid_redirect_url: .*\(HTTP 400/)
    expect(failed.stdout).toMatch(/Apply: \d done, 1 failed, \d not started\./)
    expect(failed.stderr).toContain("✗ + redirectURLs \"not-a-url\" (acme/production)")
    edit("acme4.yaml", "acme5.yaml", (text) => text.replace("not-a-url", "https://acme.example/c"))
    const fixed = await cli(["apply", "--file", file("acme5.yaml"), "--yes"])
    expect(fixed.code, fixed.stderr).toBe(0)
    expect(fixed.stdout).toMatch(/Apply: \d done, 0 failed, 0 not started\./)
    expect((await cli(["plan", "--file", file("acme5.yaml"), "--detailed-exitcode"])).code).toBe(0)
  })

  it("bad numbers are errors before anything is sent", async () => {
    const zero = await cli(["apply", "--file", file("acme2.yaml"), "--yes", "--concurrency", "0"])
    expect(zero.code).toBe(1)
    expect(zero.stderr).toContain("error: --concurrency must be a positive whole number, got 0")
    const timeout = await cli(["plan", "--file", file("acme2.yaml"), "--timeout", "-1"])
    expect(timeout.code).toBe(1)
    expect(timeout.stderr).toContain("error: --timeout must be a positive number of seconds")
    const retries = await cli(["plan", "--file", file("acme2.yaml"), "--max-retries", "-1"])
    expect(retries.code).toBe(1)
    expect(retries.stderr).toContain("error: --max-retries must be a whole number of 0 or more, got -1")
  })
})

describe("secret inputs", () => {
  it("are references: apply needs the variable, never prints its value, export writes a reference", async () => {
    expect((await cli(["export", "--project", "gamma", "--out", file("gamma.yaml")])).code).toBe(0)
    edit("gamma.yaml", "gamma2.yaml", (text) =>
      text.replace(
        "eventLogStreaming: []",
        `eventLogStreaming: [{ destinationType: DATADOG, destinationConfig: { datadog: { site: US, apiKey: { fromEnv: DD_API_KEY } } } }]`
      ))
    const unset = await cli(["apply", "--file", file("gamma2.yaml"), "--yes"])
    expect(unset.code).toBe(1)
    expect(unset.stderr).toContain("error: environment variables not set for secret references: DD_API_KEY")
    expect(unset.stderr).toContain("hint: export each variable")

    const applied = await cli(["apply", "--file", file("gamma2.yaml"), "--yes", "--verbose"], { DD_API_KEY: SECRET_VALUE })
    expect(applied.code, applied.stderr).toBe(0)
    expect(applied.stderr).toContain("→ POST")
    const exported = await cli(["export", "--project", "gamma"], { DD_API_KEY: SECRET_VALUE })
    // the API does not keep the variable's name: export names one
    expect(exported.stdout).toMatch(/apiKey:\n\s+fromEnv: STYTCH_PRODUCTION_DATADOG_API_KEY\n/)
    expect((await cli(["plan", "--file", file("gamma2.yaml"), "--detailed-exitcode"], { DD_API_KEY: SECRET_VALUE })).code).toBe(0)
  })
})

describe("promote", () => {
  it("plans staging -> production with a host mapping, applies it, then has nothing left", async () => {
    const args = ["promote", "--project", "beta", "--from", "staging", "--to", "production", "--map-host", "localhost:3000=beta.example", "--only", "redirectURLs"]
    const json = await cli([...args, "--json"])
    expect(json.code, json.stderr).toBe(0)
    const planned = JSON.parse(json.stdout) as { actions: Array<{ op: string; family: string; environment: string; key: string }> }
    expect(planned.actions.length).toBeGreaterThan(0)
    for (const action of planned.actions) {
      expect(action).toMatchObject({ op: "create", family: "redirectURLs", environment: "production" })
      expect(action.key).toMatch(/^http:\/\/beta\.example\//)
    }
    const dry = await cli([...args, "--dry-run"])
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain("+ redirectURLs \"http://beta.example/")
    expect((await cli(args)).code).toBe(1) // not a terminal, no --yes
    const applied = await cli([...args, "--yes"])
    expect(applied.code, applied.stderr).toBe(0)
    expect(applied.stdout).toContain(`Apply: ${planned.actions.length} done, 0 failed, 0 not started.`)
    const after = await cli([...args, "--dry-run"])
    expect(after.stdout).toBe("No changes. The live configuration matches the document.\n")
  })

  it("bad --map-host and --only values are clear errors", async () => {
    const base = ["promote", "--project", "beta", "--from", "staging", "--to", "production", "--dry-run"]
    const host = await cli([...base, "--map-host", "nohost"])
    expect(host.code).toBe(1)
    expect(host.stderr).toContain("error: --map-host takes from=to")
    const only = await cli([...base, "--only", "redirectUrls"])
    expect(only.code).toBe(1)
    expect(only.stderr).toContain("error: --only: unknown family redirectUrls")
    expect(only.stderr).toMatch(/hint: one of redirectURLs, /)
    const env = await cli(["promote", "--project", "beta", "--from", "qa", "--to", "production", "--dry-run"])
    expect(env.code).toBe(1)
    expect(env.stderr).toContain("error: project beta has no environment qa")
    // a mistyped slug, not a change of the live configuration: the hint says where the slugs are
    expect(env.stderr).toContain("hint: check the environment slugs: `stytch-effect environments list --project beta`")
    expect(env.stderr).not.toContain("the live configuration changed")
  })
})
