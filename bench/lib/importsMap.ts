/**
 * Resolves a package's `imports` entry (`#defaultHttpClient`) for a list of
 * conditions, as Node and bundlers do (first matching key in object order,
 * `default` always matches), and points the result at its TypeScript source
 * (`./dist/esm/x.js` → `src/x.ts`). Used where the workspace is bundled from
 * source (bench/bundle.ts, the browser-bundle test), so that they follow the
 * real map rather than a copy of it.
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import type * as esbuild from "esbuild"

const root = fileURLToPath(new URL("../..", import.meta.url))

type Target = string | null | { readonly [condition: string]: Target }

const pick = (target: Target, conditions: ReadonlySet<string>): string | null => {
  if (target === null || typeof target === "string") return target
  for (const [key, value] of Object.entries(target)) {
    if (key === "default" || conditions.has(key)) {
      const picked = pick(value, conditions)
      if (picked !== null) return picked
    }
  }
  return null
}

/** The source file `specifier` resolves to in workspace package `pkg` under `conditions`. */
export const resolveImport = (pkg: string, specifier: string, conditions: ReadonlyArray<string>): string => {
  const manifest = JSON.parse(readFileSync(`${root}packages/${pkg}/package.json`, "utf8")) as {
    readonly imports?: Readonly<Record<string, Target>>
  }
  const target = manifest.imports?.[specifier]
  if (target === undefined) throw new Error(`${pkg}: no imports entry ${specifier}`)
  const file = pick(target, new Set(conditions))
  if (file === null) throw new Error(`${pkg}: ${specifier} has no target for ${conditions.join(", ")}`)
  return `${root}packages/${pkg}/${file.replace(/^\.\/dist\/(esm|cjs)\//, "src/").replace(/\.js$/, ".ts")}`
}

/** An esbuild plugin resolving core's `#…` imports to their sources under `conditions`. */
export const importsMapPlugin = (conditions: ReadonlyArray<string>): esbuild.Plugin => ({
  name: "stytch-effect-imports-map",
  setup(build) {
    build.onResolve({ filter: /^#/ }, (args) => ({ path: resolveImport("core", args.path, conditions) }))
  }
})

/** An esbuild plugin resolving the workspace packages and their modules (`@stytch-effect/core/Wire`) to their sources. */
export const workspaceSourcesPlugin: esbuild.Plugin = {
  name: "stytch-effect-sources",
  setup(build) {
    build.onResolve({ filter: /^@stytch-effect\/(core|resources|compat|testing)(\/[A-Za-z0-9]+)?$/ }, (args) => {
      const [, name, module] = /^@stytch-effect\/([a-z]+)(?:\/([A-Za-z0-9]+))?$/.exec(args.path)!
      return { path: `${root}packages/${name}/src/${module ?? "index"}.ts` }
    })
  }
}

/** The conditions esbuild applies for `platform: "browser"`, ESM output. */
export const browserConditions = ["browser", "import", "module"] as const
/** The conditions Node applies to an ESM import. */
export const nodeConditions = ["node", "import"] as const
