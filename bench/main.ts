/**
 * `pnpm bench` — builds the packages when their dist is missing or older
 * than their sources, then runs bench/run.ts (with the same arguments)
 * against the BUILT packages: tsx with bench/tsconfig.dist.json resolves
 * @stytch-effect/* through node_modules to dist/esm. Measuring the sources
 * through tsx instead would charge our code for tsx's transform (it wraps
 * every function in a `__name` call: about 10% of the in-memory cost).
 * If the build fails, the benchmarks run against the sources, and say so.
 */
import { execFileSync, spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { buildNeeded } from "./importTime.js"

const root = fileURLToPath(new URL("..", import.meta.url))

const build = (): boolean => {
  const stale = Object.values(buildNeeded())
  if (stale.length === 0) return true
  console.error(`bench: ${stale[0]}; running pnpm build …`)
  try {
    execFileSync("pnpm", ["build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] })
    if (Object.values(buildNeeded()).length === 0) return true
    // `tsc --build` skips files whose content did not change (e.g. after `eslint --fix` touched
    // them), which leaves dist older than src: force it once.
    execFileSync("pnpm", ["exec", "tsc", "--build", "--force"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] })
    execFileSync("pnpm", ["build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] })
    return Object.values(buildNeeded()).length === 0
  } catch {
    return false
  }
}

const built = build()
if (!built) console.error("bench: the build failed; measuring the sources through tsx instead of the built packages")
const result = spawnSync(
  process.execPath,
  ["--expose-gc", "--import", "tsx", "bench/run.ts", ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      BENCH_TARGET: built ? "dist" : "src",
      ...(built ? { TSX_TSCONFIG_PATH: "bench/tsconfig.dist.json" } : {})
    }
  }
)
process.exit(result.status ?? 1)
