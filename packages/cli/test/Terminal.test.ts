/**
 * On a terminal (a pseudo-terminal from util-linux `script`): `apply` asks
 * before changing anything, draws a progress bar, and colours; answered "n"
 * it changes nothing.
 */
import { execFileSync, spawn } from "node:child_process"
import * as Fs from "node:fs"
import * as Path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { baseEnv, build, run, type ServedFake, serveFake, tempDir, waitFor } from "./utils.js"

const hasScript = (() => {
  if (process.platform !== "linux") return false
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" })
    return true
  } catch {
    return false
  }
})()

let dir: string
let bin: string
let fake: ServedFake

beforeAll(async () => {
  if (!hasScript) return
  dir = tempDir("stytch-effect-tty-")
  bin = await build(Path.join(dir, "bundle"))
  Fs.writeFileSync(Path.join(dir, "seed.json"), JSON.stringify({ projects: [{ name: "Acme", projectSlug: "acme", environments: [{ name: "Production", type: "LIVE", environmentSlug: "production" }] }] }))
  fake = await serveFake(bin, baseEnv(dir), ["--seed", Path.join(dir, "seed.json")])
}, 60_000)

afterAll(async () => {
  if (!hasScript) return
  await fake.stop()
  Fs.rmSync(dir, { recursive: true, force: true })
})

/** Runs the bin on a pseudo-terminal, answering `answer` to the prompt. */
const onTerminal = async (args: ReadonlyArray<string>, answer: string) => {
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a}'`).join(" ")
  const child = spawn("script", ["-qec", quoted, "/dev/null"], {
    env: baseEnv(dir, { ...fake.exports, TERM: "xterm-256color", COLUMNS: "120" }),
    stdio: ["pipe", "pipe", "pipe"]
  })
  let output = ""
  child.stdout.on("data", (chunk) => (output += chunk))
  child.stderr.on("data", (chunk) => (output += chunk))
  await waitFor(child, () => output, /Apply these \d+ action\(s\)\?/)
  child.stdin.write(answer)
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve))
  return { code, output }
}

describe.skipIf(!hasScript)("on a terminal", () => {
  it("apply asks, applies on \"y\" with a progress bar, in colour", async () => {
    const exported = await run(bin, ["export", "--project", "acme", "--out", Path.join(dir, "acme.yaml")], { env: baseEnv(dir, fake.exports) })
    expect(exported.code).toBe(0)
    const file = Path.join(dir, "acme2.yaml")
    Fs.writeFileSync(file, Fs.readFileSync(Path.join(dir, "acme.yaml"), "utf8").replace("userLockThreshold: 10", "userLockThreshold: 3"))

    const no = await onTerminal(["apply", "--file", file], "n")
    expect(no.code).toBe(1)
    expect(no.output).toContain("apply cancelled: nothing was changed")
    expect((await run(bin, ["plan", "--file", file, "--detailed-exitcode"], { env: baseEnv(dir, fake.exports) })).code).toBe(2)

    const yes = await onTerminal(["apply", "--file", file], "y\r")
    expect(yes.code).toBe(0)
    expect(yes.output).toContain("\u001b[33m      userLockThreshold: 10 -> 3") // the plan, coloured
    expect(yes.output).toMatch(new RegExp(String.raw`\r\u001b\[2K\[.*\] 0/1`)) // the bar, redrawn in place
    expect(yes.output).toMatch(/\] 1\/1/)
    expect(yes.output).toContain("Apply: 1 done, 0 failed, 0 not started.")
    expect((await run(bin, ["plan", "--file", file, "--detailed-exitcode"], { env: baseEnv(dir, fake.exports) })).code).toBe(0)
  }, 60_000)
})
