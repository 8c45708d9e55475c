/**
 * Runs the tests that exercise Node's own APIs (the node:http transport and
 * its aborts, timeouts, TLS and keep-alive sockets; the facade over loopback
 * HTTP; the served fakes; the OAuth loopback login) on the other Node.js
 * majors that `engines` admits, besides the one that ran `pnpm test`.
 *
 * Each pinned version is the official build as the npm registry packages it
 * (`node-<platform>-<arch>`, fetched with `npm pack`, integrity checked by
 * npm), unpacked once under node_modules/.cache/node-versions. A version
 * with the running Node's major is skipped. Any failure exits non-zero.
 *
 *   pnpm test:node                                # every pinned version
 *   NODE_VERSIONS="24.22.3" pnpm test:node        # some of them
 */
import { spawnSync } from "node:child_process"
import { delimiter, dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { registryBinary } from "./lib/registryBinary.mjs"

/** The newest release of each supported major besides 20 (the machine's own), as of 2026-12. */
const PINNED = ["22.23.5", "24.22.3", "26.12.1"]

/** The test files that depend on Node's runtime rather than on Effect or the SDK's own logic. */
const FILES = [
  "packages/core/test/NodeHttpClient.test.ts",
  "packages/core/test/HostileNetwork.test.ts",
  "packages/core/test/FetchHttpClient.test.ts",
  "packages/core/test/NodeOAuth.test.ts",
  "packages/core/test/StytchManagement.test.ts",
  "packages/compat/test/ManagementClient.test.ts",
  "packages/compat/test/ProjectClient.test.ts",
  "packages/compat/test/HostileNetwork.test.ts",
  "packages/compat/test/OAuth.test.ts",
  "packages/testing/test/Serve.test.ts"
]

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const cache = join(root, "node_modules", ".cache", "node-versions")
const versions = (process.env.NODE_VERSIONS ?? PINNED.join(" ")).split(/[\s,]+/).filter(Boolean)
const major = (version) => version.split(".")[0]

if (process.platform !== "linux" && process.platform !== "darwin") {
  console.log(`test:node: skipped on ${process.platform} (the registry's Node builds are unpacked with tar here)`)
  process.exit(0)
}

/** The `node` binary of `version`, fetched and unpacked on first use. */
const nodeBinary = (version) =>
  registryBinary({
    dir: join(cache, version),
    pkg: `node-${process.platform}-${process.arch}`,
    version,
    binary: join("package", "bin", "node"),
    label: "test:node",
    reports: (reported) => reported === `v${version}`
  })

const vitest = join(root, "node_modules", "vitest", "vitest.mjs")
let failed = false
for (const version of versions) {
  if (major(version) === major(process.versions.node)) {
    console.log(`test:node: ${version} skipped (this is Node ${process.versions.node}: pnpm test ran on it)`)
    continue
  }
  const binary = nodeBinary(version)
  const started = Date.now()
  console.log(`test:node: Node ${version}: ${FILES.length} test files`)
  // PATH first: anything the tests spawn as `node` (and vitest's own workers) runs this version too.
  const result = spawnSync(binary, [vitest, "run", ...FILES], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, PATH: `${dirname(binary)}${delimiter}${process.env.PATH ?? ""}` }
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    failed = true
    console.error(`test:node: Node ${version} FAILED (${seconds} s)`)
  } else {
    console.log(`test:node: Node ${version} passed (${seconds} s)`)
  }
}
process.exit(failed ? 1 : 0)
