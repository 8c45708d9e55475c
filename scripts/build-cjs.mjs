#!/usr/bin/env node
// Produces the CommonJS build of one workspace package.
//
// Run from the package directory (cwd = packages/<name>) after `tsc --build`
// has written the ESM build and declarations to dist/esm. Every src/**/*.ts
// file is transpiled (not bundled) to dist/cjs/**/*.js. Relative `.js`
// specifiers keep pointing at the sibling `.js` files, which dist/cjs/package.json
// (`{"type":"commonjs"}`) marks as CommonJS. Bare specifiers (`effect`,
// `@stytch-effect/core`, ...) stay external and resolve through their own
// exports map with the `require` condition.
import * as esbuild from "esbuild"
import * as fs from "node:fs"
import * as path from "node:path"

const pkgDir = process.cwd()
const srcDir = path.join(pkgDir, "src")
const outDir = path.join(pkgDir, "dist", "cjs")

const pkgJsonPath = path.join(pkgDir, "package.json")
if (!fs.existsSync(pkgJsonPath)) {
  console.error(`build-cjs: no package.json in ${pkgDir}; run it from a package directory`)
  process.exit(1)
}
const pkgName = JSON.parse(fs.readFileSync(pkgJsonPath, "utf8")).name ?? path.basename(pkgDir)

/** @param {string} dir @returns {string[]} */
const collect = (dir) => {
  if (!fs.existsSync(dir)) return []
  const out = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...collect(full))
    else if (entry.isFile() && /\.(c|m)?ts$/.test(entry.name) && !/\.d\.(c|m)?ts$/.test(entry.name)) out.push(full)
  }
  return out.sort()
}

const entryPoints = collect(srcDir)

// Start from a clean directory so deleted sources leave no stale output behind.
fs.rmSync(outDir, { recursive: true, force: true })
fs.mkdirSync(outDir, { recursive: true })
// `require` is Node's: the package's `imports` map (e.g. core's `#defaultHttpClient`)
// is resolved here, at build time, to its `node` (else default) `require` target,
// and the CommonJS files require that file by a relative path. (A nested
// package.json's `imports` is not portable: publint flags it, bundlers differ.)
/** @param {unknown} target @returns {string | undefined} */
const requireTarget = (target) => {
  if (typeof target === "string") return target
  if (target === null || typeof target !== "object") return undefined
  for (const condition of ["node", "require", "default"]) {
    const found = requireTarget(/** @type {Record<string, unknown>} */ (target)[condition])
    if (found !== undefined) return found
  }
  return undefined
}
const imports = JSON.parse(fs.readFileSync(pkgJsonPath, "utf8")).imports ?? {}
/** @type {Array<[string, string]>} specifier → absolute path of the CommonJS file */
const resolvedImports = Object.entries(imports).map(([specifier, target]) => {
  const file = requireTarget(target)
  if (file === undefined || !file.startsWith("./dist/cjs/")) {
    console.error(`build-cjs: ${pkgName}: imports["${specifier}"] has no ./dist/cjs require target`)
    process.exit(1)
  }
  return [specifier, path.join(pkgDir, file)]
})
const cjsManifest = { type: "commonjs" }
fs.writeFileSync(path.join(outDir, "package.json"), JSON.stringify(cjsManifest, null, 2) + "\n")

if (entryPoints.length === 0) {
  console.log(`build-cjs: ${pkgName}: no sources under src/, wrote dist/cjs/package.json only`)
  process.exit(0)
}

const tsconfig = path.join(pkgDir, "tsconfig.json")

try {
  const result = await esbuild.build({
    entryPoints,
    outdir: outDir,
    outbase: srcDir,
    bundle: false,
    format: "cjs",
    platform: "neutral",
    target: "es2022",
    sourcemap: true,
    sourcesContent: false,
    ...(fs.existsSync(tsconfig) ? { tsconfig } : {}),
    outExtension: { ".js": ".js" },
    logLevel: "warning"
  })
  if (result.errors.length > 0) process.exit(1)
  if (resolvedImports.length > 0) {
    const rewrite = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name)
        if (entry.isDirectory()) rewrite(full)
        else if (entry.name.endsWith(".js")) {
          let code = fs.readFileSync(full, "utf8")
          let changed = false
          for (const [specifier, file] of resolvedImports) {
            const quoted = `require("${specifier}")`
            if (!code.includes(quoted)) continue
            let relative = path.relative(path.dirname(full), file).split(path.sep).join("/")
            if (!relative.startsWith(".")) relative = `./${relative}`
            code = code.split(quoted).join(`require(${JSON.stringify(relative)})`)
            changed = true
          }
          if (changed) fs.writeFileSync(full, code)
        }
      }
    }
    rewrite(outDir)
  }
  // Declarations next to the CommonJS files: under dist/cjs/package.json's
  // `"type": "commonjs"` TypeScript reads them as CommonJS types, so
  // `require` consumers (moduleResolution node16/nodenext) type-check too.
  const esmDir = path.join(pkgDir, "dist", "esm")
  let declarations = 0
  const copyDeclarations = (dir) => {
    if (!fs.existsSync(dir)) return
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) copyDeclarations(full)
      else if (entry.name.endsWith(".d.ts") || entry.name.endsWith(".d.ts.map")) {
        const target = path.join(outDir, path.relative(esmDir, full))
        fs.mkdirSync(path.dirname(target), { recursive: true })
        fs.copyFileSync(full, target)
        declarations++
      }
    }
  }
  copyDeclarations(esmDir)
  console.log(`build-cjs: ${pkgName}: ${entryPoints.length} file(s) and ${declarations} declaration(s) -> dist/cjs`)
} catch {
  // esbuild has already printed the diagnostics.
  process.exit(1)
}
