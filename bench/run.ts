/**
 * `pnpm bench`: SDK overhead against raw fetch, SDK-only cost, bundle size
 * and import time. Prints one table per section, then the targets.
 * (`pnpm bench` runs bench/main.ts, which builds the packages and runs this
 * file against them.)
 *
 *   pnpm bench                      all four sections (about 2 minutes on 2 cores)
 *   pnpm bench --only=loopback,bundle
 *   pnpm bench --smoke              tiny sizes: checks that everything runs, numbers meaningless
 *   pnpm bench --json=bench/results.json
 */
import { writeFileSync } from "node:fs"
import * as os from "node:os"
import * as Bundle from "./bundle.js"
import * as ImportTime from "./importTime.js"
import * as InMemory from "./inMemory.js"
import type { Check, Report } from "./lib/report.js"
import { table } from "./lib/stats.js"
import * as Loopback from "./loopback.js"

export const sections = ["loopback", "inmemory", "bundle", "import"] as const
export type Section = (typeof sections)[number]

export interface Options {
  readonly sections: ReadonlyArray<Section>
  readonly loopback: Loopback.Options
  readonly inMemory: InMemory.Options
  readonly importTime: ImportTime.Options
}

export const full: Options = {
  sections,
  loopback: Loopback.defaults,
  inMemory: InMemory.defaults,
  importTime: ImportTime.defaults
}

/** Tiny sizes for the test suite: everything runs, the numbers mean nothing. */
export const smoke: Options = {
  sections,
  loopback: { calls: 12, concurrentCalls: 64, concurrency: [1, 32], rounds: 1, warmup: 4, diagnostics: true },
  inMemory: { calls: 200, rounds: 1, batch: 64, warmup: 50 },
  importTime: { runs: 1, build: false }
}

export interface Results {
  readonly loopback?: Loopback.Result
  readonly inMemory?: InMemory.Result
  readonly bundle?: Bundle.Result
  readonly importTime?: ImportTime.Result
  readonly reports: ReadonlyArray<Report>
  readonly checks: ReadonlyArray<Check>
  readonly seconds: number
}

export const runAll = async (options: Options, log: (line: string) => void = () => {}): Promise<Results> => {
  const start = performance.now()
  const reports: Array<Report> = []
  const done = (report: Report) => {
    reports.push(report)
    log(render(report))
  }
  const want = (section: Section) => options.sections.includes(section)
  const loopback = want("loopback") ? await Loopback.run(options.loopback) : undefined
  if (loopback) done(loopback.report)
  const inMemory = want("inmemory") ? await InMemory.run(options.inMemory) : undefined
  if (inMemory) done(inMemory.report)
  const bundle = want("bundle") ? await Bundle.run() : undefined
  if (bundle) done(bundle.report)
  const importTime = want("import") ? await ImportTime.run(options.importTime) : undefined
  if (importTime) done(importTime.report)
  return {
    ...(loopback && { loopback }),
    ...(inMemory && { inMemory }),
    ...(bundle && { bundle }),
    ...(importTime && { importTime }),
    reports,
    checks: reports.flatMap((r) => r.checks),
    seconds: (performance.now() - start) / 1000
  }
}

export const render = (report: Report): string =>
  [`\n## ${report.title}\n`, table(report.table), "", ...report.notes.map((n) => (n.startsWith("  ") ? n : `- ${n}`))]
    .join("\n")

export const renderChecks = (checks: ReadonlyArray<Check>): string =>
  table([
    ["figure", "measured", "target", "met"],
    ...checks.map((c) => [c.name, c.measured, c.target, c.met === undefined ? "—" : c.met ? "yes" : "NO"])
  ])

const main = async () => {
  const args = process.argv.slice(2)
  const value = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
  const only = value("only")?.split(",") as Array<Section> | undefined
  for (const s of only ?? []) if (!sections.includes(s)) throw new Error(`unknown section ${s}; one of ${sections.join(", ")}`)
  const base = args.includes("--smoke") ? smoke : full
  const options = only === undefined ? base : { ...base, sections: only }
  const target = process.env.BENCH_TARGET === "dist"
    ? "the built packages (dist/esm)"
    : "the TypeScript sources through tsx (run `pnpm bench` to measure the built packages)"
  console.log(
    `stytch-effect benchmarks — node ${process.version}, ${process.platform}/${process.arch}, ` +
      `${os.cpus().length} CPU(s); sections 1–2 measure ${target}` +
      (args.includes("--smoke") ? " — smoke mode: the numbers are meaningless" : "")
  )
  const results = await runAll(options, (line) => console.log(line))
  console.log(`\n## Targets\n\n${renderChecks(results.checks)}\n\nTotal ${results.seconds.toFixed(0)} s.`)
  const json = value("json")
  if (json !== undefined) {
    const { reports, checks, seconds } = results
    writeFileSync(json, JSON.stringify({ node: process.version, reports, checks, seconds }, null, 2) + "\n")
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("bench/run.ts")) {
  main().then(() => process.exit(0), (error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
