/**
 * Runs the SDK on Bun and Deno, whose default transport is `fetch`
 * (`@stytch-effect/core/FetchHttpClient`, chosen by the `bun` and `deno`
 * export conditions): checks that each picks it, then runs the three demos
 * (the README flows, Effect and promise styles, and the M2M provisioning)
 * against the fake served on loopback. Each runtime is its official build
 * as the npm registry packages it (`@oven/bun-linux-*`, `@deno/linux-*`,
 * fetched with `npm pack`, integrity checked by npm), unpacked once under
 * node_modules/.cache/runtimes. The packages are built first if they are
 * not: both runtimes resolve this repository's top-level imports through
 * tsconfig.json's `paths` (the sources), but a package's own imports of
 * another through node_modules (its build). Any failure exits non-zero.
 *
 *   pnpm test:runtimes
 *   RUNTIMES=bun pnpm test:runtimes
 */
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { registryBinary } from "./lib/registryBinary.mjs"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const arm = process.arch === "arm64"

/** The newest releases as of 2026-12: the npm package, where its binary is, and how to run a file. */
const runtimes = {
  bun: {
    version: "1.4.5",
    pkg: `@oven/bun-linux-${arm ? "aarch64" : "x64"}`,
    binary: "package/bin/bun",
    reports: (reported, version) => reported === version,
    run: (file) => [file],
    evaluate: (code) => ["-e", code]
  },
  deno: {
    version: "2.9.6",
    pkg: `@deno/linux-${arm ? "arm64" : "x64"}-glibc`,
    binary: "package/deno",
    reports: (reported, version) => reported.startsWith(`deno ${version} `),
    run: (file) => ["run", "-A", file],
    evaluate: (code) => ["eval", code]
  }
}

if (process.platform !== "linux" || (process.arch !== "x64" && process.arch !== "arm64")) {
  console.log(`test:runtimes: skipped on ${process.platform}/${process.arch} (Linux builds only here)`)
  process.exit(0)
}

const packages = ["core", "resources", "compat", "testing"]
if (packages.some((name) => !existsSync(join(root, "packages", name, "dist", "esm")))) {
  console.log("test:runtimes: building the packages (pnpm build)")
  execFileSync("pnpm", ["build"], { cwd: root, stdio: "inherit" })
}

/** The runtime's binary, fetched and unpacked on first use. */
const binaryOf = (name, { version, pkg, binary, reports }) =>
  registryBinary({
    dir: join(root, "node_modules", ".cache", "runtimes", `${name}-${version}`),
    pkg,
    version,
    binary,
    label: "test:runtimes",
    reports
  })

const checkDefault = "import { StytchManagement } from \"@stytch-effect/core\"\n" +
  "if (StytchManagement.defaultHttpClientName !== \"fetch\") throw new Error(`default transport: ${StytchManagement.defaultHttpClientName}`)\n" +
  "console.log(`default transport: ${StytchManagement.defaultHttpClientName}`)"

// Without credentials in the environment the demos run against the served fake.
const env = { ...process.env }
for (const key of ["STYTCH_WORKSPACE_KEY_ID", "STYTCH_WORKSPACE_KEY_SECRET", "STYTCH_ACCESS_TOKEN"]) delete env[key]

const selected = (process.env.RUNTIMES ?? Object.keys(runtimes).join(" ")).split(/[\s,]+/).filter(Boolean)
let failed = false
for (const name of selected) {
  const runtime = runtimes[name]
  if (runtime === undefined) throw new Error(`unknown runtime ${name}`)
  const binary = binaryOf(name, runtime)
  const steps = [
    ["the default transport is fetch", runtime.evaluate(checkDefault)],
    ...["examples/demo-effect.ts", "examples/demo-promise.ts", "examples/provision-m2m.ts"].map((file) => [file, runtime.run(file)])
  ]
  for (const [step, args] of steps) {
    const started = Date.now()
    const result = spawnSync(binary, args, { cwd: root, stdio: "inherit", env, timeout: 120_000 })
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    const label = `test:runtimes: ${name} ${runtime.version}: ${step}`
    if (result.status !== 0) {
      failed = true
      console.error(`${label} FAILED (${seconds} s)`)
    } else {
      console.log(`${label} passed (${seconds} s)`)
    }
  }
}
process.exit(failed ? 1 : 0)
