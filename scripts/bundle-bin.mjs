#!/usr/bin/env node
// Bundles a package's executable (src/bin.ts of the package in cwd) into
// dist/bundle/: bin.js and its lazily loaded chunks, ESM, for Node 20+.
//
// Everything is bundled (effect, @effect/cli, the workspace packages, taken
// from their TypeScript sources through the root tsconfig's paths), so the
// installed command loads a handful of files instead of hundreds of modules
// (`stytch-effect --help` in ~1/3 of the CPU time) and needs no dependencies
// or peer dependencies. Each `import()` in the sources becomes its own chunk,
// loaded only by the commands that need it.
//
//   node ../../scripts/bundle-bin.mjs [outdir]   (default dist/bundle)
import * as esbuild from "esbuild"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const pkgDir = process.cwd()
const outdir = path.resolve(pkgDir, process.argv[2] ?? path.join("dist", "bundle"))
const entry = path.join(pkgDir, "src", "bin.ts")
if (!fs.existsSync(entry)) {
  console.error(`bundle-bin: no src/bin.ts in ${pkgDir}`)
  process.exit(1)
}

fs.rmSync(outdir, { recursive: true, force: true })
const result = await esbuild.build({
  entryPoints: [entry],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // The root tsconfig maps @stytch-effect/* (and core's #defaultHttpClient,
  // Node target) to their sources.
  tsconfig: path.join(root, "tsconfig.json"),
  // Node's ESM has no `require`; some bundled CommonJS code calls it.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  chunkNames: "chunks/[name]-[hash]",
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: "none",
  metafile: true,
  logLevel: "warning"
}).catch(() => process.exit(1))
if (result.errors.length > 0) process.exit(1)
fs.chmodSync(path.join(outdir, "bin.js"), 0o755)

// The bundle contains other packages' code: ship their licences with it.
const bundled = new Map()
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.split(path.sep).join("/"))
  if (match === null) continue
  const dir = path.resolve(match[1])
  if (bundled.has(dir)) continue
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"))
  const licenseFile = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f))
  bundled.set(dir, {
    id: `${manifest.name}@${manifest.version}`,
    license: manifest.license ?? "see the package",
    text: licenseFile === undefined ? undefined : fs.readFileSync(path.join(dir, licenseFile), "utf8").trim()
  })
}
const notices = Array.from(bundled.values()).sort((a, b) => a.id.localeCompare(b.id))
fs.writeFileSync(
  path.join(outdir, "THIRD-PARTY-LICENSES.md"),
  `# Third-party licences\n\nbin.js and chunks/ bundle these packages:\n\n${
    notices.map((n) => `## ${n.id} (${n.license})\n\n${n.text === undefined ? "(no licence file in the package)" : "```text\n" + n.text + "\n```"}\n`).join("\n")
  }`
)
const bytes = Object.entries(result.metafile.outputs).reduce((sum, [, o]) => sum + o.bytes, 0)
console.log(`bundle-bin: ${path.relative(pkgDir, outdir)}: ${Object.keys(result.metafile.outputs).length} file(s), ${(bytes / 1024).toFixed(0)} KiB`)
