/**
 * The packed package, as npm would install it: `npm pack` of packages/cli
 * (its dist/bundle built first, as `prepack` does), unpacked in a fresh
 * folder, its `bin` entry run.
 */
import { execFileSync } from "node:child_process"
import * as Fs from "node:fs"
import * as Path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { baseEnv, build, packageDir, run, tempDir } from "./utils.js"

const dir = tempDir("stytch-effect-packed-")
afterAll(() => Fs.rmSync(dir, { recursive: true, force: true }))

describe("the packed bin", () => {
  it("runs from the unpacked tarball: --help, --version, a command", async () => {
    await build(Path.join(packageDir, "dist", "bundle"))
    const [packed] = JSON.parse(
      execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: packageDir, encoding: "utf8" })
    ) as Array<{ filename: string; files: Array<{ path: string }> }>
    expect(packed!.files.map((f) => f.path).filter((p) => !p.startsWith("dist/bundle/chunks/")).sort()).toEqual([
      "LICENSE",
      "README.md",
      "dist/bundle/THIRD-PARTY-LICENSES.md",
      "dist/bundle/bin.js",
      "package.json"
    ])
    execFileSync("tar", ["-xzf", Path.join(dir, packed!.filename), "-C", dir])
    const manifest = JSON.parse(Fs.readFileSync(Path.join(dir, "package", "package.json"), "utf8"))
    const bin = Path.join(dir, "package", manifest.bin["stytch-effect"])
    expect(Fs.readFileSync(bin, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node")
    expect(Fs.statSync(bin).mode & 0o111).not.toBe(0)
    const env = baseEnv(dir)
    const help = await run(bin, ["--help"], { env, cwd: dir })
    expect(help.code).toBe(0)
    expect(help.stdout).toContain("- plan [")
    expect((await run(bin, ["--version"], { env, cwd: dir })).stdout.trim()).toBe(manifest.version)
    const listed = await run(bin, ["projects", "list", "--fake"], { env, cwd: dir })
    expect(listed.stdout).toBe("No projects.\n")
  }, 120_000)
})
