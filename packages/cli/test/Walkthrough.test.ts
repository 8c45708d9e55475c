/**
 * The README's walkthrough, run as written: its `sh walkthrough` block in
 * bash, with `stytch-effect` the built bin and its `seed.json` block as the
 * seed (only the fixed port is replaced by a free one).
 */
import { spawn } from "node:child_process"
import * as Fs from "node:fs"
import * as Path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { baseEnv, build, packageDir, tempDir } from "./utils.js"

const readme = Fs.readFileSync(Path.join(packageDir, "README.md"), "utf8")
const block = (info: string) => {
  const match = new RegExp("^```" + info + "\\n([\\s\\S]*?)^```", "m").exec(readme)
  if (match === null) throw new Error(`README.md has no \`\`\`${info} block`)
  return match[1]!
}

let dir: string

beforeAll(async () => {
  dir = tempDir("stytch-effect-walkthrough-")
  const bin = await build(Path.join(dir, "bundle"))
  Fs.mkdirSync(Path.join(dir, "bin"))
  Fs.writeFileSync(Path.join(dir, "bin", "stytch-effect"), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`, { mode: 0o755 })
}, 60_000)

afterAll(() => Fs.rmSync(dir, { recursive: true, force: true }))

describe("the README walkthrough", () => {
  it("fake -> export -> edit -> plan (2) -> apply -> plan (0)", async () => {
    const work = Path.join(dir, "work")
    Fs.mkdirSync(work)
    Fs.writeFileSync(Path.join(work, "seed.json"), block("json seed\\.json"))
    // every command is followed by its exit code
    const commands = block("sh walkthrough")
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.trim().startsWith("#"))
      .map((line) => line.replace("--port 8719", "--port 0"))
    const script = commands.map((line) => `${line}\necho "::exit $?"`).join("\n")
    const { code, stderr, stdout } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const env = baseEnv(dir, { PATH: `${Path.join(dir, "bin")}${Path.delimiter}${process.env.PATH}` })
      const child = spawn("bash", ["-c", script], { cwd: work, env, stdio: ["ignore", "pipe", "pipe"] })
      let stdout = ""
      let stderr = ""
      child.stdout.on("data", (chunk) => (stdout += chunk))
      child.stderr.on("data", (chunk) => (stderr += chunk))
      const timer = setTimeout(() => child.kill("SIGKILL"), 90_000)
      child.on("close", (code) => {
        clearTimeout(timer)
        resolve({ code, stdout, stderr })
      })
    })
    expect(code, stderr).toBe(0)
    const exits = Array.from(stdout.matchAll(/^::exit (\d+)$/gm), (m) => Number(m[1]))
    expect(exits).toHaveLength(commands.length)
    const plans = commands.flatMap((line, i) => (line.includes("stytch-effect plan") ? [exits[i]] : []))
    expect(plans).toEqual([2, 0])
    commands.forEach((line, i) => {
      if (!line.includes("stytch-effect plan")) expect(exits[i], `${line}\n${stderr}`).toBe(0)
    })
    // the plan, the apply summary, then nothing left to do
    expect(stdout.match(/\+ redirectURLs "https:\/\/acme\.example\/authenticate"/g)).toHaveLength(2) // plan, then apply's plan
    expect(stdout).toContain("Plan: 1 to create, 0 to change, 0 to delete.")
    expect(stdout).toContain("Apply: 1 done, 0 failed, 0 not started.")
    expect(stdout).toContain("No changes. The live configuration matches the document.")
    expect(Fs.readFileSync(Path.join(work, "acme.yaml"), "utf8")).toContain("projectSlug: acme")
  }, 120_000)
})
