/**
 * `pnpm bench:cli` — cold start of the `stytch-effect` bin: each run is a
 * new `node` process (the files are in the OS cache after the first, as for
 * a person typing commands). Bundles the bin as `pnpm pack` does
 * (scripts/bundle-bin.mjs), then times, hyperfine-style, RUNS spawns of:
 *
 * - `node -e ""`: Node's own start, the floor;
 * - `stytch-effect --help` and `--version`: only @effect/cli and the
 *   command tree load (target: median under 300 ms);
 * - `stytch-effect projects list --fake`: also loads the SDK and the fake
 *   (a lazily imported chunk) and runs one request in memory;
 * - `--help` of the unbundled build (tsc's dist/esm/bin.js over
 *   node_modules), when it exists: what bundling saves.
 *
 * Wall time per run (median, p90, min) and, on Linux, the CPU time of the
 * child (user + sys, from /proc: 10 ms ticks), which a busy machine
 * inflates less than wall time. The target is checked on the wall median
 * when the machine is idle (load average below its CPU count), else on the
 * CPU median (what the wall time is on an idle machine), and says which.
 *
 *   pnpm bench:cli [--runs=20] [--json=file]
 */
import { execFileSync, spawnSync } from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const cliDir = Path.join(root, "packages", "cli")
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const RUNS = Number(arg("runs") ?? 20)
const TARGET_MS = 300

export interface Row {
  readonly name: string
  readonly medianMs: number
  readonly p90Ms: number
  readonly minMs: number
  readonly cpuMedianMs: number | undefined
}

const quantile = (sorted: ReadonlyArray<number>, q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
const linux = process.platform === "linux" && Fs.existsSync("/proc/self/stat")
const TICK_MS = 10 // USER_HZ is 100 on Linux

/** One spawn: wall ms, and the child's CPU ms (its parent shell's cutime + cstime). */
const once = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv): { wall: number; cpu: number | undefined } => {
  const quoted = [process.execPath, ...args].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(" ")
  const start = performance.now()
  const result = linux
    ? spawnSync("/bin/sh", ["-c", `${quoted} >/dev/null 2>&1 || exit 97; cat /proc/$$/stat`], { env, encoding: "utf8" })
    : spawnSync(process.execPath, args, { env, encoding: "utf8" })
  const wall = performance.now() - start
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed (${result.status}): ${result.stderr}`)
  if (!linux) return { wall, cpu: undefined }
  // fields after the ")" of the command name: state is field 3; cutime 16, cstime 17
  const fields = result.stdout.slice(result.stdout.lastIndexOf(")") + 2).trim().split(" ")
  return { wall, cpu: (Number(fields[13]) + Number(fields[14])) * TICK_MS }
}

export const measure = (name: string, args: ReadonlyArray<string>, env: NodeJS.ProcessEnv, runs = RUNS): Row => {
  once(args, env) // warm the OS file cache
  const walls: Array<number> = []
  const cpus: Array<number> = []
  for (let i = 0; i < runs; i++) {
    const { cpu, wall } = once(args, env)
    walls.push(wall)
    if (cpu !== undefined) cpus.push(cpu)
  }
  walls.sort((a, b) => a - b)
  cpus.sort((a, b) => a - b)
  return {
    name,
    medianMs: quantile(walls, 0.5),
    p90Ms: quantile(walls, 0.9),
    minMs: walls[0]!,
    cpuMedianMs: cpus.length === 0 ? undefined : quantile(cpus, 0.5)
  }
}

export const run = (runs = RUNS) => {
  const dir = Fs.mkdtempSync(Path.join(Os.tmpdir(), "stytch-effect-cli-bench-"))
  try {
    execFileSync(process.execPath, [Path.join(root, "scripts", "bundle-bin.mjs"), Path.join(dir, "bundle")], { cwd: cliDir, stdio: "ignore" })
    const bin = Path.join(dir, "bundle", "bin.js")
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, NO_COLOR: "1" }
    const rows = [
      measure("node -e \"\" (floor)", ["-e", ""], env, runs),
      measure("stytch-effect --help", [bin, "--help"], env, runs),
      measure("stytch-effect --version", [bin, "--version"], env, runs),
      measure("stytch-effect projects list --fake", [bin, "projects", "list", "--fake"], env, runs)
    ]
    const unbundled = Path.join(cliDir, "dist", "esm", "bin.js")
    if (Fs.existsSync(unbundled)) rows.push(measure("--help, unbundled (tsc's dist/esm)", [unbundled, "--help"], env, runs))
    const busy = Os.loadavg()[0]! >= Os.cpus().length
    const help = rows[1]!
    const checked = busy && help.cpuMedianMs !== undefined
      ? { on: "CPU median (the machine is busy)", ms: help.cpuMedianMs }
      : { on: "wall median", ms: help.medianMs }
    return { runs, rows, checked, targetMs: TARGET_MS }
  } finally {
    Fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === Path.resolve(process.argv[1])) {
  const result = run()
  const ms = (n: number | undefined) => (n === undefined ? "n/a" : n.toFixed(0)).padStart(7)
  console.log(`stytch-effect cold start: ${result.runs} runs each, Node ${process.version}, ${Os.cpus().length} CPU(s), load ${Os.loadavg()[0]!.toFixed(1)}`)
  console.log(`${"command".padEnd(38)} | median | p90    | min    | CPU median (user+sys)`)
  for (const row of result.rows) {
    console.log(`${row.name.padEnd(38)} |${ms(row.medianMs)} |${ms(row.p90Ms)} |${ms(row.minMs)} |${ms(row.cpuMedianMs)}`)
  }
  const ok = result.checked.ms < result.targetMs
  console.log(`--help ${result.checked.on}: ${result.checked.ms.toFixed(0)} ms, ${ok ? "under" : "OVER"} the ${result.targetMs} ms target`)
  const json = arg("json")
  if (json !== undefined) Fs.writeFileSync(json, JSON.stringify(result, null, 2))
  if (!ok) process.exitCode = 1
}
