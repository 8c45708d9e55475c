/**
 * Runs the SDK on Bun, whose default transport is `fetch`
 * (`@stytch-effect/core/FetchHttpClient`, chosen by the `bun` export
 * condition): checks that Bun picks it, then runs the three demos (the
 * README flows, Effect and promise styles, and the M2M provisioning) against
 * the fake served on loopback. Bun is the official build as the npm
 * registry packages it (`@oven/bun-<platform>-<arch>`, fetched with
 * `npm pack`, integrity checked by npm), unpacked once under
 * node_modules/.cache/bun. The packages are built first if they are not:
 * Bun resolves this repository's top-level imports through tsconfig.json's
 * `paths` (the sources), but a package's own imports of another through
 * node_modules (its build). Any failure exits non-zero.
 *
 *   pnpm test:bun
 *   BUN_VERSION=1.4.5 pnpm test:bun
 */
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, rmSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

/** The newest Bun release as of 2026-12. */
const PINNED = "1.4.5"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const version = process.env.BUN_VERSION ?? PINNED

if (process.platform !== "linux" || (process.arch !== "x64" && process.arch !== "arm64")) {
  console.log(`test:bun: skipped on ${process.platform}/${process.arch} (Linux builds only here)`)
  process.exit(0)
}

const dir = join(root, "node_modules", ".cache", "bun", version)
const binary = join(dir, "package", "bin", "bun")
if (!existsSync(binary)) {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const name = `@oven/bun-linux-${process.arch === "x64" ? "x64" : "aarch64"}@${version}`
  console.log(`test:bun: fetching ${name}`)
  const tarball = execFileSync("npm", ["pack", name, "--pack-destination", dir, "--silent"], { encoding: "utf8" })
    .trim()
    .split("\n")
    .at(-1)
  execFileSync("tar", ["xzf", join(dir, tarball), "-C", dir])
  rmSync(join(dir, tarball))
}
const reported = execFileSync(binary, ["--version"], { encoding: "utf8" }).trim()
if (reported !== version) throw new Error(`${binary} reports ${reported}, expected ${version}`)

const packages = ["core", "resources", "compat", "testing"]
if (packages.some((name) => !existsSync(join(root, "packages", name, "dist", "esm")))) {
  console.log("test:bun: building the packages (pnpm build)")
  execFileSync("pnpm", ["build"], { cwd: root, stdio: "inherit" })
}

const steps = [
  [
    "the default transport is fetch",
    [
      "-e",
      "import { StytchManagement } from \"@stytch-effect/core\"\n" +
      "if (StytchManagement.defaultHttpClientName !== \"fetch\") throw new Error(`default transport: ${StytchManagement.defaultHttpClientName}`)\n" +
      "console.log(`default transport: ${StytchManagement.defaultHttpClientName}`)"
    ]
  ],
  ["examples/demo-effect.ts", ["examples/demo-effect.ts"]],
  ["examples/demo-promise.ts", ["examples/demo-promise.ts"]],
  ["examples/provision-m2m.ts", ["examples/provision-m2m.ts"]]
]

let failed = false
for (const [name, args] of steps) {
  const started = Date.now()
  // Without credentials in the environment the demos run against the served fake.
  const env = { ...process.env }
  for (const key of ["STYTCH_WORKSPACE_KEY_ID", "STYTCH_WORKSPACE_KEY_SECRET", "STYTCH_ACCESS_TOKEN"]) delete env[key]
  const result = spawnSync(binary, args, { cwd: root, stdio: "inherit", env, timeout: 120_000 })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    failed = true
    console.error(`test:bun: Bun ${version}: ${name} FAILED (${seconds} s)`)
  } else {
    console.log(`test:bun: Bun ${version}: ${name} passed (${seconds} s)`)
  }
}
process.exit(failed ? 1 : 0)
