#!/usr/bin/env node
// `pnpm test:packages`: checks the packages as a user receives them.
//
//   1. packs every library package (core, resources, compat, testing,
//      workspace: `pnpm pack`, which runs its `prepack` build) and
//      checks the tarball's file list (LICENSE, README.md, dist; no
//      .tsbuildinfo, no tests, no `workspace:` ranges left);
//   2. runs publint (every message, suggestions included, is a failure) and
//      @arethetypeswrong/cli (node10, node16-cjs, node16-esm, bundler) on each
//      tarball;
//   3. creates a fresh ESM project and a fresh CJS project in a temp dir and runs
//      the README's Install commands there (npm), with the packages taken from
//      the tarballs and effect / @effect/platform / … from the registry;
//   4. type-checks scripts/package-check/main.ts in both with node16, bundler
//      and node10 resolution (strict, skipLibCheck off, no @types/node, no
//      esnext.disposable lib), compiles it (node16) and runs it against the
//      served fake;
//   5. starts the testing package's bin (`stytch-effect-fake`) from the ESM
//      project and reaches it from a second process with the exports it printed;
//   6. packs @stytch-effect/cli (a bundled executable: no dependencies, no
//      types), checks its tarball, installs it into a fresh folder and runs
//      its `stytch-effect` bin there (`--help`, `--version`, a command).
//
// Any problem exits non-zero. KEEP_TMP=1 keeps the temp dir for inspection.
import { execFileSync, spawn } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const packages = ["core", "resources", "compat", "testing", "workspace"]
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc")
const attw = path.join(root, "node_modules", ".bin", "attw")
const started = Date.now()
const problems = []

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stytch-effect-packages-"))
const tarballs = path.join(tmp, "tarballs")
fs.mkdirSync(tarballs)

const log = (message) => console.log(`[test:packages ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`)
const fail = (message) => {
  problems.push(message)
  console.error(`✗ ${message}`)
}

/** Runs a command; resolves with its output, rejects (with the output) on a non-zero exit. */
const run = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? root, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeout ?? 120_000)
    child.on("error", reject)
    child.on("close", (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve(output)
      else reject(new Error(`${command} ${args.join(" ")} (in ${options.cwd ?? root}) exited with ${signal ?? code}\n${output}`))
    })
  })

const step = async (name, f) => {
  try {
    await f()
  } catch (error) {
    fail(`${name}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

// --- 1. pack ----------------------------------------------------------------
// One build of the whole graph first, so the per-package prepack builds find
// everything up to date (and do not race each other).
log("tsc --build")
await run(process.execPath, [tsc, "--build"])

const tarballOf = {}
const pack = async (name) => {
  const dir = path.join(root, "packages", name)
  const { name: pkgName, version } = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"))
  await run("pnpm", ["pack", "--pack-destination", tarballs], { cwd: dir })
  const file = path.join(tarballs, `${pkgName.replace(/^@/, "").replace("/", "-")}-${version}.tgz`)
  if (!fs.existsSync(file)) throw new Error(`pnpm pack did not write ${file}`)
  tarballOf[pkgName] = file

  const files = execFileSync("tar", ["-tzf", file], { encoding: "utf8" }).split("\n").filter(Boolean).map((f) => f.replace(/^package\//, ""))
  for (const required of ["package.json", "LICENSE", "README.md", "dist/esm/index.js", "dist/esm/index.d.ts", "dist/cjs/index.js", "dist/cjs/index.d.ts", "dist/cjs/package.json"]) {
    if (!files.includes(required)) fail(`${pkgName}: the tarball has no ${required}`)
  }
  for (const f of files) {
    if (/\.tsbuildinfo$/.test(f)) fail(`${pkgName}: the tarball contains ${f}`)
    if (/(^|\/)(test|tests|__tests__)\//.test(f) || /\.(test|spec)\.[cm]?[jt]s$/.test(f)) fail(`${pkgName}: the tarball contains a test: ${f}`)
  }
  const packed = JSON.parse(execFileSync("tar", ["-xzOf", file, "package/package.json"], { encoding: "utf8" }))
  if (JSON.stringify(packed).includes("workspace:")) fail(`${pkgName}: the packed package.json still has a workspace: range`)
  for (const field of ["repository", "homepage", "bugs", "keywords", "license"]) {
    if (packed[field] === undefined) fail(`${pkgName}: package.json has no "${field}"`)
  }
  // node10 (no "exports") finds the subpath modules only through typesVersions:
  // every public module needs its entry.
  const modules = files.filter((f) => /^dist\/cjs\/[^/]+\.d\.ts$/.test(f)).map((f) => f.slice("dist/cjs/".length, -".d.ts".length)).filter((m) => m !== "index")
  const mapped = Object.keys(packed.typesVersions?.["*"] ?? {})
  for (const m of modules) if (!mapped.includes(m)) fail(`${pkgName}: typesVersions has no entry for ${m}`)
  for (const m of mapped) if (!modules.includes(m)) fail(`${pkgName}: typesVersions maps ${m}, which the tarball does not have`)
}
await Promise.all(packages.map(pack))
log(`packed ${Object.keys(tarballOf).join(", ")}`)

// --- 2. publint and attw ----------------------------------------------------
const lintTarballs = async () => {
  const { publint } = await import("publint")
  const { formatMessage } = await import("publint/utils")
  await Promise.all(Object.entries(tarballOf).map(async ([pkgName, file]) => {
    await step(`publint ${pkgName}`, async () => {
      const buffer = fs.readFileSync(file)
      const tarball = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)
      const { messages, pkg } = await publint({ pack: { tarball }, level: "suggestion", strict: true })
      for (const message of messages) fail(`publint ${pkgName} (${message.type}): ${formatMessage(message, pkg) ?? message.code}`)
    })
    await step(`attw ${pkgName}`, () => run(attw, [file, "--format", "ascii", "--no-color"]))
  }))
  log("publint and attw done")
}

// --- 3. fresh ESM and CJS projects -----------------------------------------
// The README's Install commands, as a user pastes them, with the packages
// taken from the tarballs.
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8")
const installBlock = /^## Install\n[\s\S]*?```sh\n([\s\S]*?)```/m.exec(readme)?.[1]
if (installBlock === undefined) throw new Error("README.md has no ```sh block in its Install section")
const installCommands = installBlock
  .split("\n")
  .map((line) => line.replace(/#.*$/, "").trim())
  .filter((line) => line.startsWith("npm install"))
if (installCommands.length === 0) throw new Error("README.md's Install section has no npm install command")
const fromTarball = (arg) => (arg in tarballOf ? `file:${tarballOf[arg]}` : arg)

const projects = [
  { kind: "esm", type: "module" },
  { kind: "cjs", type: "commonjs" }
]

const setUp = async ({ kind, type }) => {
  const dir = path.join(tmp, kind)
  fs.mkdirSync(path.join(dir, "src"), { recursive: true })
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: `consumer-${kind}`, private: true, type }, null, 2))
  for (const command of installCommands) {
    const args = command.split(/\s+/).slice(1).map(fromTarball)
    log(`${kind}: npm ${args.join(" ").replaceAll(tarballs, "<tarballs>")}`)
    await run("npm", [...args, "--no-fund", "--no-audit", "--loglevel=error"], { cwd: dir, timeout: 150_000 })
  }
  // The packages' dependencies on each other must have been satisfied by the
  // tarballs, never by something from the registry.
  const lock = JSON.parse(fs.readFileSync(path.join(dir, "package-lock.json"), "utf8"))
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (/(^|\/)node_modules\/@stytch-effect\//.test(location) && !(location.split("node_modules/").length === 2 && (entry.resolved ?? "").startsWith("file:"))) {
      fail(`${kind}: ${location} was not installed from a tarball (${entry.resolved ?? entry.version})`)
    }
  }
  const installed = JSON.parse(fs.readFileSync(path.join(dir, "node_modules", "effect", "package.json"), "utf8")).version
  if (!installed.startsWith("3.")) fail(`${kind}: the Install section installed effect ${installed}, not Effect 3`)
  fs.copyFileSync(path.join(root, "scripts", "package-check", "main.ts"), path.join(dir, "src", "main.ts"))
  return dir
}

const common = {
  target: "ES2022",
  lib: ["ES2022", "DOM"], // URL, fetch, console: DOM or @types/node (not installed here) provide them
  types: [],
  strict: true,
  skipLibCheck: false,
  rootDir: "src"
}
// node16 in both projects (ESM and CJS semantics differ there); bundler and
// node10 do not depend on the package's "type", so each runs once (a full
// check of effect's declarations costs ~25 s of CPU). The bundler run also
// has lib ESNext, whose Symbol.asyncDispose must merge with ours.
const modes = {
  esm: {
    node16: { module: "node16", moduleResolution: "node16", outDir: "out" },
    bundler: { module: "esnext", moduleResolution: "bundler", noEmit: true, lib: ["ESNext", "DOM"] }
  },
  cjs: {
    node16: { module: "node16", moduleResolution: "node16", outDir: "out" },
    node10: { module: "commonjs", moduleResolution: "node10", noEmit: true }
  }
}

// Each tsc run checks all of effect's declarations (~25 s of CPU, ~400 MB):
// at most one per core at a time.
let slots = Math.max(1, os.availableParallelism?.() ?? os.cpus().length)
const waiting = []
const limited = async (f) => {
  if (slots === 0) await new Promise((resolve) => waiting.push(resolve))
  else slots--
  try {
    return await f()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else slots++
  }
}

const check = async (project) => {
  const dir = await setUp(project)
  await Promise.all(Object.entries(modes[project.kind]).map(async ([mode, options]) => {
    const config = `tsconfig.${mode}.json`
    fs.writeFileSync(path.join(dir, config), JSON.stringify({ compilerOptions: { ...common, ...options }, include: ["src"] }, null, 2))
    await step(`${project.kind}: tsc (${mode})`, () =>
      limited(() => run(process.execPath, [tsc, "-p", config], { cwd: dir, timeout: 300_000 })))
    log(`${project.kind}: tsc (${mode}) done`)
  }))
  await step(`${project.kind}: run`, async () => {
    const output = await run(process.execPath, ["out/main.js"], { cwd: dir, timeout: 30_000 })
    if (!output.includes("ok: 1 project(s)")) throw new Error(`unexpected output:\n${output}`)
    // The CJS project must really have loaded the CommonJS build.
    const compiled = fs.readFileSync(path.join(dir, "out", "main.js"), "utf8")
    const requires = /require\("@stytch-effect\/compat"\)/.test(compiled)
    if ((project.type === "commonjs") !== requires) throw new Error(`out/main.js is not ${project.type === "commonjs" ? "CommonJS" : "ESM"}`)
    log(`${project.kind}: ${output.trim()}`)
  })
}

// --- 5. the testing package's bin --------------------------------------------
// `stytch-effect-fake` as npm installed it: it starts, prints the shell exports,
// another process reaches the fake with them alone, and SIGTERM stops it (exit 0).
const checkBin = async (dir) => {
  const child = spawn(path.join(dir, "node_modules", ".bin", "stytch-effect-fake"), ["--port", "0"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] })
  let stdout = ""
  let stderr = ""
  child.stdout.on("data", (chunk) => (stdout += chunk))
  child.stderr.on("data", (chunk) => (stderr += chunk))
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)))
  try {
    const started = Date.now()
    while (!/^export .*\n/.test(stdout)) {
      if (child.exitCode !== null || Date.now() - started > 30_000) throw new Error(`no exports printed:\n${stdout}${stderr}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const exports = stdout.split("\n")[0]
    if (!/^export STYTCH_MANAGEMENT_BASE_URL=http:\/\/127\.0\.0\.1:\d+ STYTCH_WORKSPACE_KEY_ID=\S+ STYTCH_WORKSPACE_KEY_SECRET=\S+$/.test(exports)) {
      throw new Error(`unexpected exports line: ${exports}`)
    }
    const client = [
      "const e = process.env",
      "const auth = Buffer.from(e.STYTCH_WORKSPACE_KEY_ID + ':' + e.STYTCH_WORKSPACE_KEY_SECRET).toString('base64')",
      "fetch(e.STYTCH_MANAGEMENT_BASE_URL + '/pwa/v3/projects', { headers: { authorization: 'Basic ' + auth } })",
      "  .then(async (r) => console.log(r.status, JSON.stringify((await r.json()).projects)))"
    ].join("\n")
    const output = await run("sh", ["-c", `${exports}\nexec node -e "$0"`, client], { cwd: dir, timeout: 30_000 })
    if (output.trim() !== "200 []") throw new Error(`the second process got: ${output}`)
    log(`bin: stytch-effect-fake served ${/BASE_URL=(\S+)/.exec(exports)[1]}; a second process listed its projects`)
  } finally {
    child.kill("SIGTERM")
  }
  const code = await exited
  if (code !== 0) throw new Error(`stytch-effect-fake exited with ${code} on SIGTERM:\n${stderr}`)
}

// --- 6. the command line ---------------------------------------------------
// The cli package ships one bundle (dist/bundle: bin.js and its chunks) and
// nothing else: no dependencies, no types. In a fresh folder, `npm install
// <tarball>` needs no registry, and the bin must run from node_modules/.bin.
const checkCli = async () => {
  const dir = path.join(root, "packages", "cli")
  const { name: pkgName, version } = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"))
  await run("pnpm", ["pack", "--pack-destination", tarballs], { cwd: dir })
  const file = path.join(tarballs, `${pkgName.replace(/^@/, "").replace("/", "-")}-${version}.tgz`)
  if (!fs.existsSync(file)) throw new Error(`pnpm pack did not write ${file}`)
  const files = execFileSync("tar", ["-tzf", file], { encoding: "utf8" }).split("\n").filter(Boolean).map((f) => f.replace(/^package\//, ""))
  for (const required of ["package.json", "LICENSE", "README.md", "dist/bundle/bin.js", "dist/bundle/THIRD-PARTY-LICENSES.md"]) {
    if (!files.includes(required)) fail(`${pkgName}: the tarball has no ${required}`)
  }
  for (const f of files) {
    if (!/^(package\.json|LICENSE|README\.md|dist\/bundle\/(.*\.js|THIRD-PARTY-LICENSES\.md))$/.test(f)) fail(`${pkgName}: the tarball contains ${f}`)
  }
  const packed = JSON.parse(execFileSync("tar", ["-xzOf", file, "package/package.json"], { encoding: "utf8" }))
  if (JSON.stringify(packed).includes("workspace:")) fail(`${pkgName}: the packed package.json still has a workspace: range`)
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    if (Object.keys(packed[field] ?? {}).length > 0) fail(`${pkgName}: the bundled bin has ${field}`)
  }
  if (packed.bin?.["stytch-effect"] !== "./dist/bundle/bin.js") fail(`${pkgName}: bin.stytch-effect is not ./dist/bundle/bin.js`)
  const head = execFileSync("tar", ["-xzOf", file, "package/dist/bundle/bin.js"], { encoding: "utf8" }).split("\n")[0]
  if (head !== "#!/usr/bin/env node") fail(`${pkgName}: bin.js does not start with a #!/usr/bin/env node line`)
  await step(`publint ${pkgName}`, async () => {
    const { publint } = await import("publint")
    const { formatMessage } = await import("publint/utils")
    const buffer = fs.readFileSync(file)
    const tarball = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)
    const { messages, pkg } = await publint({ pack: { tarball }, level: "suggestion", strict: true })
    for (const message of messages) fail(`publint ${pkgName} (${message.type}): ${formatMessage(message, pkg) ?? message.code}`)
  })

  const consumer = path.join(tmp, "cli")
  fs.mkdirSync(consumer)
  fs.writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer-cli", private: true }, null, 2))
  log(`cli: npm install <tarballs>/${path.basename(file)}`)
  await run("npm", ["install", file, "--no-fund", "--no-audit", "--loglevel=error"], { cwd: consumer, timeout: 150_000 })
  const bin = path.join(consumer, "node_modules", ".bin", "stytch-effect")
  const env = { NO_COLOR: "1", HOME: consumer, XDG_CONFIG_HOME: consumer, STYTCH_WORKSPACE_KEY_ID: "", STYTCH_WORKSPACE_KEY_SECRET: "" }
  const help = await run(bin, ["--help"], { cwd: consumer, env })
  for (const command of ["login", "whoami", "projects list", "export", "plan", "apply", "promote", "fake"]) {
    if (!help.includes(`- ${command}`)) fail(`cli: \`stytch-effect --help\` does not list ${command}:\n${help}`)
  }
  const printed = (await run(bin, ["--version"], { cwd: consumer, env })).trim()
  if (printed !== version) fail(`cli: \`stytch-effect --version\` printed ${printed}, not ${version}`)
  // a command that loads the lazily imported chunks (the SDK, the fake)
  const listed = await run(bin, ["projects", "list", "--fake"], { cwd: consumer, env })
  if (listed.trim() !== "No projects.") fail(`cli: \`stytch-effect projects list --fake\` printed:\n${listed}`)
  log(`cli: the packed bin runs in a fresh folder (${printed})`)
}

await Promise.all([
  step("publint/attw", lintTarballs),
  ...projects.map((project) =>
    step(`${project.kind} project`, async () => {
      await check(project)
      if (project.kind === "esm") await step("bin", () => checkBin(path.join(tmp, project.kind)))
    })),
  step("cli", checkCli)
])

if (process.env.KEEP_TMP === "1") log(`kept ${tmp}`)
else fs.rmSync(tmp, { recursive: true, force: true })

if (problems.length > 0) {
  console.error(`\ntest:packages: ${problems.length} problem(s)`)
  process.exit(1)
}
log("all package checks passed")
