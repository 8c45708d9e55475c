#!/usr/bin/env node
// `pnpm run docs` (`pnpm docs` is a pnpm built-in): the API reference, generated from the JSDoc by @effect/docgen
// (as Effect's own packages do) into docs/api/<package>/ (git-ignored), with
// docs/api/README.md as the index. Runs docgen in every package that has a
// docgen.json; fails on any docgen error or warning (a missing @since or
// description, an @example that does not type-check or throws when run).
//
// docgen writes into packages/<package>/docs/ (its "outDir"), which this script
// then moves to docs/api/<package>/: docgen rewrites an example's imports of
// its own package (`from "@stytch-effect/resources"`) to `../../src`, relative
// to <outDir>/examples/, so the outDir must sit directly in the package.
// Imports of the other packages resolve through "paths" in
// examplesCompilerOptions (and "parseCompilerOptions" has the same paths, so
// the signatures in the reference resolve without a build). docgen
// type-checks the examples (tsc) and then runs them (tsx): examples only
// build Effects and clients, they call no API. It skips the examples of
// `export { x as y }` specifiers, which checkExportSpecifierExamples checks.
//
// Packages are documented in parallel (DOCS_CONCURRENCY, default: the number
// of CPUs, at most 4): each docgen run type-checks its examples with its own
// tsc, which is most of the time.
import { spawn } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const bin = path.join(root, "node_modules", ".bin")
const out = path.join(root, "docs", "api")
// docgen spawns `tsc` and `tsx` by name: the repository's own, also under `node scripts/docs.mjs`.
const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}` }

/** Runs a command; resolves with its exit status and its whole output. */
const run = (command, args, cwd) =>
  new Promise((resolve) => {
    const child = spawn(path.join(bin, command), args, { cwd, env })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    child.on("error", (error) => resolve({ status: 1, output: `${output}${error.message}` }))
    child.on("close", (status) => resolve({ status, output }))
  })

/**
 * docgen renders the examples of `export { x as y }` specifiers (every
 * `delete` operation: `export { delete_ as delete }`) but neither type-checks
 * nor runs them. Those are checked here the same way: written next to
 * docgen's own examples (same depth, so the same "paths" apply), type-checked
 * with the package's examplesCompilerOptions, then run. Resolves with the
 * error output, or `undefined` when they pass.
 */
const checkExportSpecifierExamples = async (cwd, generated, config) => {
  const examples = []
  const srcDir = path.join(cwd, config.srcDir ?? "src")
  for (const file of fs.readdirSync(srcDir).filter((f) => f.endsWith(".ts")).sort()) {
    const text = fs.readFileSync(path.join(srcDir, file), "utf8")
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false)
    for (const statement of source.statements) {
      if (!ts.isExportDeclaration(statement) || statement.exportClause === undefined) continue
      if (!ts.isNamedExports(statement.exportClause)) continue
      for (const element of statement.exportClause.elements) {
        for (const range of ts.getLeadingCommentRanges(text, element.pos) ?? []) {
          const comment = text.slice(range.pos, range.end).split("\n").map((line) => line.replace(/^\s*\*\s?/, "")).join("\n")
          for (const [, code] of comment.matchAll(/@example\s*\n```ts\n([\s\S]*?)\n```/g)) {
            examples.push({ name: `${file.replace(/\.ts$/, "")}-${element.name.text}-${examples.length}`, code })
          }
        }
      }
    }
  }
  if (examples.length === 0) return undefined
  const dir = path.join(generated, "export-examples")
  fs.mkdirSync(dir, { recursive: true })
  for (const example of examples) fs.writeFileSync(path.join(dir, `${example.name}.ts`), `${example.code}\n`)
  fs.writeFileSync(path.join(dir, "index.ts"), examples.map((e) => `import "./${e.name}"\n`).join(""))
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: config.examplesCompilerOptions }))
  try {
    for (const [command, args] of [["tsc", ["--noEmit", "-p", "tsconfig.json"]], ["tsx", ["--tsconfig", "tsconfig.json", "index.ts"]]]) {
      const result = await run(command, args, dir)
      if (result.status !== 0) return `${command}:\n${result.output}`
    }
    return undefined
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Documents one package into docs/api/<name>; resolves with an error report, or `undefined`. */
const document = async (name) => {
  const cwd = path.join(root, "packages", name)
  const config = JSON.parse(fs.readFileSync(path.join(cwd, "docgen.json"), "utf8"))
  if (config.outDir !== "docs") return `docgen.json must have "outDir": "docs" (moved to docs/api/${name} afterwards)`
  const generated = path.join(cwd, "docs")
  fs.rmSync(generated, { recursive: true, force: true })
  try {
    const result = await run("docgen", [], cwd)
    const problems = result.output.split("\n").filter((line) => /\b(ERROR|WARN)\b|Missing|error TS/.test(line))
    if (result.status !== 0 || problems.length > 0) return result.output
    const unchecked = await checkExportSpecifierExamples(cwd, generated, config)
    if (unchecked !== undefined) return `an example docgen does not check failed:\n${unchecked}`
    fs.renameSync(generated, path.join(out, name))
    return undefined
  } finally {
    fs.rmSync(generated, { recursive: true, force: true })
  }
}

fs.rmSync(out, { recursive: true, force: true })
fs.mkdirSync(out, { recursive: true })
const packages = fs.readdirSync(path.join(root, "packages")).sort().filter((name) =>
  fs.existsSync(path.join(root, "packages", name, "docgen.json"))
)
const concurrency = Math.max(1, Number(process.env.DOCS_CONCURRENCY) || Math.min(os.availableParallelism(), 4))
const queue = [...packages]
let failed = false
await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const started = Date.now()
    const problem = await document(name)
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    if (problem !== undefined) {
      failed = true
      console.error(`docs: @stytch-effect/${name}: FAILED (${seconds}s)\n${problem}`)
    } else {
      console.log(`docs: @stytch-effect/${name} -> docs/api/${name} (${seconds}s)`)
    }
  }
}))
if (failed) process.exit(1)

const index = ["# stytch-effect API reference", "", "Generated by `pnpm run docs` from the JSDoc of the sources. Do not edit.", ""]
for (const name of packages) {
  const modules = fs.readdirSync(path.join(out, name, "modules")).filter((f) => f.endsWith(".md") && f !== "index.md").sort()
  index.push(`## @stytch-effect/${name}`, "", ...modules.map((f) => `- [${f.replace(/\.ts\.md$/, "")}](${name}/modules/${f})`), "")
}
fs.writeFileSync(path.join(out, "README.md"), index.join("\n"))
console.log(`docs: ${packages.length} packages -> docs/api/README.md`)
