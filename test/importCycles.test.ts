import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { describe, expect, it } from "vitest"

// Inside a package, no import circles (type-only imports count too): a module
// that needs a public module's types while that module needs its values gets
// the shared types from their own internal module instead (as `internal/api.ts`
// or `internal/endpointTypes.ts` in core), re-exported by the public module.
const root = fileURLToPath(new URL("..", import.meta.url))
const packages = fs.readdirSync(path.join(root, "packages"))
  .filter((name) => fs.existsSync(path.join(root, "packages", name, "src")))
  .sort()

/**
 * The module specifiers a source imports: `import` (values or `type`),
 * `export … from`, `import x = require(…)`, `import(…)` calls and `import(…)`
 * types, in the order they appear.
 */
const specifiersOf = (fileName: string, text: string): ReadonlyArray<string> => {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const out: Array<string> = []
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined) {
      if (ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text)
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      if (ts.isStringLiteral(node.moduleReference.expression)) out.push(node.moduleReference.expression.text)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [first] = node.arguments
      if (first !== undefined && ts.isStringLiteralLike(first)) out.push(first.text)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push(node.argument.literal.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out
}

/** The file a relative specifier names, as NodeNext resolves our sources: `./x.js` → `./x.ts`, a directory → its `index.ts`. */
const resolve = (from: string, specifier: string): string | undefined => {
  const target = path.resolve(path.dirname(from), specifier)
  const candidates = /\.[mc]?js$/.test(specifier)
    ? [target.replace(/\.([mc]?)js$/, ".$1ts")]
    : [target, `${target}.ts`, path.join(target, "index.ts")]
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile())
}

const sourcesUnder = (dir: string): ReadonlyArray<string> =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourcesUnder(file)
    return /\.[mc]?ts$/.test(entry.name) ? [file] : []
  }).sort()

type Graph = ReadonlyMap<string, ReadonlyArray<string>>

/** A package's graph of relative imports (files relative to the package), and the relative specifiers that name no file. */
const graphOf = (pkg: string): { readonly graph: Graph; readonly unresolved: ReadonlyArray<string> } => {
  const dir = path.join(root, "packages", pkg)
  const graph = new Map<string, ReadonlyArray<string>>()
  const unresolved: Array<string> = []
  const name = (file: string) => path.relative(dir, file).split(path.sep).join("/")
  for (const file of sourcesUnder(path.join(dir, "src"))) {
    const edges = new Set<string>()
    for (const specifier of specifiersOf(file, fs.readFileSync(file, "utf8"))) {
      if (!specifier.startsWith("./") && !specifier.startsWith("../")) continue
      const target = resolve(file, specifier)
      if (target === undefined) unresolved.push(`${name(file)}: "${specifier}"`)
      else edges.add(name(target))
    }
    graph.set(name(file), [...edges])
  }
  return { graph, unresolved }
}

/** The shortest path of imports from `from` to `to` (both included), if any. */
const shortestPath = (graph: Graph, from: string, to: string): ReadonlyArray<string> | undefined => {
  const previous = new Map<string, string>([[from, from]])
  const queue = [from]
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!
    for (const next of graph.get(node) ?? []) {
      if (next === to) {
        const path = [node]
        while (path[0] !== from) path.unshift(previous.get(path[0]!)!)
        return [...path, to]
      }
      if (!previous.has(next)) {
        previous.set(next, node)
        queue.push(next)
      }
    }
  }
  return undefined
}

/**
 * The import cycles of a graph, one line each (`a.ts -> b.ts -> a.ts`): for
 * every module on a cycle, the shortest cycle through it, each cycle once
 * (starting at its smallest module).
 */
const cyclesOf = (graph: Graph): ReadonlyArray<string> => {
  const found = new Set<string>()
  for (const node of [...graph.keys()].sort()) {
    const cycle = shortestPath(graph, node, node)?.slice(0, -1)
    if (cycle === undefined) continue
    const start = cycle.indexOf([...cycle].sort()[0]!)
    const rotated = [...cycle.slice(start), ...cycle.slice(0, start)]
    found.add([...rotated, rotated[0]].join(" -> "))
  }
  return [...found].sort()
}

describe("import cycles", () => {
  it("finds every kind of import and export", () => {
    const text = [
      `import * as A from "./a.js"`,
      `import type { B } from "./b.js"`,
      `import { type C } from "./c.js"`,
      `import "./d.js"`,
      `export * from "./e.js"`,
      `export type { F } from "./f.js"`,
      `export { x } from "../g.js"`,
      `import h = require("./h.js")`,
      `const i = () => import("./i.js")`,
      `type J = typeof import("./j.js")`,
      `import * as Effect from "effect/Effect"`,
      `export const k = 1`
    ].join("\n")
    expect(specifiersOf("x.ts", text)).toEqual([
      "./a.js", "./b.js", "./c.js", "./d.js", "./e.js", "./f.js", "../g.js", "./h.js", "./i.js", "./j.js", "effect/Effect"
    ])
  })

  it("reports each cycle once, through its smallest module", () => {
    const graph: Graph = new Map([
      ["A.ts", ["internal/a.ts", "B.ts"]],
      ["internal/a.ts", ["A.ts"]],
      ["B.ts", ["internal/b.ts"]],
      ["internal/b.ts", ["internal/c.ts"]],
      ["internal/c.ts", ["B.ts", "internal/c.ts"]],
      ["D.ts", ["A.ts"]]
    ])
    expect(cyclesOf(graph)).toEqual([
      "A.ts -> internal/a.ts -> A.ts",
      "B.ts -> internal/b.ts -> internal/c.ts -> B.ts",
      "internal/c.ts -> internal/c.ts"
    ])
    expect(cyclesOf(new Map([["A.ts", ["B.ts"]], ["B.ts", []]]))).toEqual([])
  })

  it.each(packages)("packages/%s has none (type-only imports count)", (pkg) => {
    const { graph, unresolved } = graphOf(pkg)
    expect(graph.size).toBeGreaterThan(0)
    expect(unresolved, `packages/${pkg}: relative imports that name no source file`).toEqual([])
    expect(cyclesOf(graph), `packages/${pkg}: import cycles (untie them: shared types in their own module)`).toEqual([])
  })
})
