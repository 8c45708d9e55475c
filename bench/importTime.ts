/**
 * Section 4 — import time: a fresh `node` process per measurement times
 * `require(…)` (CommonJS build) or `await import(…)` (ESM build) of the
 * BUILT facade package, against importing `effect` alone. Medians over runs,
 * alternating the order. Builds the packages first (`pnpm build`) when a
 * `dist` is missing or older than its sources.
 */
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Report } from "./lib/report.js"
import { formatNumber, formatRatio, median } from "./lib/stats.js"

const root = fileURLToPath(new URL("..", import.meta.url))
const builtPackages = ["core", "resources", "compat"] as const

export interface Options {
  readonly runs: number
  /** Run `pnpm build` when a dist is missing or stale; otherwise report the rows as skipped. */
  readonly build: boolean
}

export const defaults: Options = { runs: 10, build: true }

export interface Row {
  readonly module: string
  readonly format: "cjs" | "esm"
  /** Median milliseconds from before the import to after it, in a fresh process; undefined when skipped. */
  readonly millis: number | undefined
  /** Ratio to importing `effect` alone in the same format. */
  readonly ratio: number | undefined
}

export interface Result {
  readonly rows: ReadonlyArray<Row>
  /** Per format, why the built facade was not measured, if it was not. */
  readonly skipped: Readonly<Partial<Record<Format, string>>>
  readonly built: boolean
  readonly report: Report
}

export type Format = "cjs" | "esm"
const formats: ReadonlyArray<Format> = ["cjs", "esm"]

const newestMtime = (dir: string): number => {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** Per format, why the packages need a build (a dist is missing or older than its sources). */
export const buildNeeded = (): Partial<Record<Format, string>> => {
  const reasons: Partial<Record<Format, string>> = {}
  for (const format of formats) {
    for (const name of builtPackages) {
      const pkg = join(root, "packages", name)
      const dist = join(pkg, "dist", format)
      if (!existsSync(join(dist, "index.js"))) {
        reasons[format] ??= `packages/${name}/dist/${format} is missing`
      } else if (newestMtime(dist) < newestMtime(join(pkg, "src"))) {
        reasons[format] ??= `packages/${name}/dist/${format} is older than its sources`
      }
    }
  }
  return reasons
}

const script = (specifier: string, format: Format): Array<string> =>
  format === "cjs"
    ? ["-e", `const t=performance.now();require(${JSON.stringify(specifier)});console.log(performance.now()-t)`]
    : [
      "--input-type=module",
      "-e",
      `const t=performance.now();await import(${JSON.stringify(specifier)});console.log(performance.now()-t)`
    ]

/** Milliseconds to import `specifier` in a fresh node process (cwd: the repository root). */
export const timeImport = (specifier: string, format: Format): number => {
  const result = spawnSync(process.execPath, script(specifier, format), { cwd: root, encoding: "utf8" })
  const millis = Number(result.stdout.trim())
  if (result.status !== 0 || !Number.isFinite(millis)) {
    throw new Error(`importing ${specifier} (${format}) failed: ${result.stderr.trim().split("\n").slice(-3).join(" ")}`)
  }
  return millis
}

const modules = ["effect", "@stytch-effect/compat"] as const

export const run = async (options: Options = defaults): Promise<Result> => {
  let skipped = buildNeeded()
  let built = false
  const stale = Object.values(skipped)
  if (stale.length > 0 && options.build) {
    process.stderr.write(`import time: ${stale[0]}; running pnpm build …\n`)
    execFileSync("pnpm", ["build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] })
    built = true
    skipped = buildNeeded()
  }

  const samples = new Map<string, Array<number>>()
  const key = (module: string, format: string) => `${module} ${format}`
  for (let run = 0; run < options.runs; run++) {
    for (const format of formats) {
      const order = run % 2 === 0 ? modules : [...modules].reverse()
      for (const module of order) {
        if (module !== "effect" && skipped[format] !== undefined) continue
        samples.set(key(module, format), [...(samples.get(key(module, format)) ?? []), timeImport(module, format)])
        await new Promise((resolve) => setImmediate(resolve))
      }
    }
  }

  const rows: Array<Row> = []
  for (const format of formats) {
    const base = median(samples.get(key("effect", format)) ?? [])
    for (const module of modules) {
      const values = samples.get(key(module, format))
      const millis = values === undefined ? undefined : median(values)
      rows.push({ module, format, millis, ratio: millis === undefined ? undefined : millis / base })
    }
  }

  const compatCjs = rows.find((r) => r.module !== "effect" && r.format === "cjs")
  return {
    rows,
    skipped,
    built,
    report: {
      title: "4. Import time (built packages, fresh node process per run)",
      table: [
        ["module", "format", "import ms (median)", "ratio to effect"],
        ...rows.map((row) => [
          row.module,
          row.format === "cjs" ? "require (dist/cjs)" : "import() (dist/esm)",
          row.millis === undefined ? "skipped" : formatNumber(row.millis, 1),
          formatRatio(row.ratio)
        ])
      ],
      notes: [
        `${options.runs} run(s) per row; the time from just before to just after the require / import() in a fresh process (node startup excluded).`,
        built ? "The packages were built first (pnpm build)." : "The packages' dist was up to date.",
        ...Object.entries(skipped).map(([format, why]) => `@stytch-effect/compat (${format}) skipped: ${why} (run pnpm build).`)
      ],
      checks: [{
        name: "import time, facade (require) vs effect",
        measured: compatCjs?.ratio === undefined ? "not measured" : formatRatio(compatCjs.ratio),
        target: "reported (no target)",
        met: undefined
      }]
    }
  }
}
