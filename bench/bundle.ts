/**
 * Section 3 — bundle size: programs bundled by esbuild from source (ESM,
 * platform browser, minified, tree-shaken), gzipped (level 9). (a) is
 * Effect's own floor; (b), (c) and (d) are reported against it. esbuild's
 * metafile says which packages and files the extra bytes come from.
 */
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import * as esbuild from "esbuild"
import { browserConditions, importsMapPlugin, workspaceSourcesPlugin } from "./lib/importsMap.js"
import type { Report } from "./lib/report.js"
import { formatKB, table } from "./lib/stats.js"

const root = fileURLToPath(new URL("..", import.meta.url))

export type Key = "floor" | "floorBarrel" | "one" | "oneBarrel" | "all" | "facade" | "project"

export interface Entry {
  readonly key: Key
  readonly label: string
  readonly file: string
}

export const entries: ReadonlyArray<Entry> = [
  { key: "floor", label: "(a) Effect floor: HttpClient + one Schema", file: "bench/bundle/floor.ts" },
  { key: "floorBarrel", label: "(a′) same, importing from the \"effect\" barrel", file: "bench/bundle/floor-barrel.ts" },
  { key: "one", label: "(b) one SDK operation (Secrets.get)", file: "bench/bundle/one-operation.ts" },
  { key: "oneBarrel", label: "(b′) same, importing from the package barrels", file: "bench/bundle/one-operation-barrel.ts" },
  { key: "all", label: "(c) every SDK operation", file: "bench/bundle/all-operations.ts" },
  { key: "facade", label: "(d) promise facade (ManagementClient)", file: "bench/bundle/facade.ts" },
  { key: "project", label: "(e) one project-API operation (M2MClients.get)", file: "bench/bundle/project-operation.ts" }
]

export interface Bundle {
  readonly entry: Entry
  readonly minified: number
  readonly gzipped: number
  /** Minified bytes per package (`effect`, `@effect/platform`, `@stytch-effect/core`, …). */
  readonly byPackage: ReadonlyMap<string, number>
  /** Minified bytes per input file. */
  readonly byFile: ReadonlyMap<string, number>
}

export interface Result {
  readonly bundles: ReadonlyArray<Bundle>
  /** Gzipped bytes over the floor (a), per entry key. */
  readonly overFloor: Readonly<Record<Key, number>>
  readonly report: Report
}


const packageOf = (input: string): string => {
  const nm = input.lastIndexOf("node_modules/")
  if (nm >= 0) {
    const rest = input.slice(nm + "node_modules/".length).split("/")
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!
  }
  const ws = /^packages\/([^/]+)\//.exec(input)
  if (ws !== null) return `@stytch-effect/${ws[1]}`
  return input.startsWith("bench/") ? "(entry)" : input
}

const shortFile = (input: string): string => {
  const nm = input.lastIndexOf("node_modules/")
  return nm >= 0 ? input.slice(nm + "node_modules/".length) : input
}

export const bundle = async (entry: Entry): Promise<Bundle> => {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry.file],
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    treeShaking: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    // Workspace packages and their modules to their sources; core's `#defaultHttpClient` through its
    // real `imports` map, browser conditions.
    plugins: [workspaceSourcesPlugin, importsMapPlugin(browserConditions)],
    logLevel: "silent"
  })
  const output = result.outputFiles[0]
  if (output === undefined) throw new Error(`esbuild produced no output for ${entry.file}`)
  const byPackage = new Map<string, number>()
  const byFile = new Map<string, number>()
  for (const meta of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(meta.inputs)) {
      byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput)
      byFile.set(shortFile(input), (byFile.get(shortFile(input)) ?? 0) + bytesInOutput)
    }
  }
  return {
    entry,
    minified: output.contents.byteLength,
    gzipped: gzipSync(output.contents, { level: 9 }).byteLength,
    byPackage,
    byFile
  }
}

const targets: Partial<Record<Key, number>> = { one: 10 * 1024, all: 40 * 1024, project: 10 * 1024 }

/** The files of `b` that are absent from, or bigger than in, `floor`, biggest first (minified bytes). */
export const extraFiles = (b: Bundle, floor: Bundle): Array<readonly [string, number]> =>
  [...b.byFile].map(([file, bytes]) => [file, bytes - (floor.byFile.get(file) ?? 0)] as const)
    .filter(([, bytes]) => bytes > 0)
    .sort((x, y) => y[1] - x[1])

export const run = async (): Promise<Result> => {
  const bundles = await Promise.all(entries.map(bundle))
  const floor = bundles.find((b) => b.entry.key === "floor")!
  const overFloor = Object.fromEntries(bundles.map((b) => [b.entry.key, b.gzipped - floor.gzipped])) as Record<
    Key,
    number
  >

  const packages = [...new Set(bundles.flatMap((b) => [...b.byPackage.keys()]))].sort()
  const notes: Array<string> = [
    "Minified bytes by package (esbuild metafile, before gzip):",
    ...table([
      ["package", ...bundles.map((b) => b.entry.label.slice(0, b.entry.label.indexOf(")") + 1))],
      ...packages.map((pkg) => [pkg, ...bundles.map((b) => formatKB(b.byPackage.get(pkg) ?? 0))])
    ]).split("\n").map((line) => `  ${line}`)
  ]
  for (const b of bundles) {
    if (b.entry.key === "floor" || b.entry.key === "floorBarrel") continue
    const extra = extraFiles(b, floor)
    notes.push(
      `${b.entry.label.slice(0, 3)} largest additions over (a), minified: ` +
        extra.slice(0, 8).map(([file, bytes]) => `${file.replace("effect/dist/esm/", "effect/")} ${formatKB(bytes)}`)
          .join(", ")
    )
  }

  return {
    bundles,
    overFloor,
    report: {
      title: "3. Bundle size (esbuild, ESM, platform browser, minified, tree-shaken, gzip -9)",
      table: [
        ["program", "minified", "gzipped", "gzipped − (a)", "target"],
        ...bundles.map((b) => {
          const target = targets[b.entry.key]
          return [
            b.entry.label,
            formatKB(b.minified),
            formatKB(b.gzipped),
            b.entry.key === "floor" ? "" : formatKB(overFloor[b.entry.key]),
            target === undefined ? "" : `≤ ${formatKB(target)}`
          ]
        })
      ],
      notes,
      checks: (["one", "all", "project"] as const).map((key) => ({
        name: `bundle ${entries.find((e) => e.key === key)!.label.slice(0, 3)} − (a), gzipped`,
        measured: formatKB(overFloor[key]),
        target: `≤ ${formatKB(targets[key]!)}`,
        met: overFloor[key] <= targets[key]!
      }))
    }
  }
}
