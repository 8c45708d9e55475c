/**
 * Black-box helpers: build the real bin (the same bundle `pnpm pack` ships)
 * into a temporary folder, spawn it, serve the fake with its `fake` command.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"

export const packageDir = fileURLToPath(new URL("../", import.meta.url))
const bundleScript = fileURLToPath(new URL("../../../scripts/bundle-bin.mjs", import.meta.url))

export interface Result {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** A fresh temporary directory, removed by `cleanup`. */
export const tempDir = (prefix: string): string => Fs.mkdtempSync(Path.join(Os.tmpdir(), prefix))

/** Bundles src/bin.ts into `dir` (as `pnpm pack` does into dist/bundle); the path of bin.js. */
export const build = (dir: string): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile(process.execPath, [bundleScript, dir], { cwd: packageDir }, (error, _stdout, stderr) =>
      error === null ? resolve(Path.join(dir, "bin.js")) : reject(new Error(`bundle-bin failed: ${stderr}`))
    )
  )

/**
 * The environment of a run: nothing of the caller's Stytch settings, a home
 * and configuration directory of its own, no colour forced either way.
 */
export const baseEnv = (home: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(STYTCH_|NO_COLOR$|FORCE_COLOR$|XDG_CONFIG_HOME$|HOME$)/.test(key)) env[key] = value
  }
  return { ...env, HOME: home, XDG_CONFIG_HOME: Path.join(home, ".config"), ...extra }
}

/** Runs the bin with `args` to completion (stdin closed: not a TTY). */
export const run = (
  bin: string,
  args: ReadonlyArray<string>,
  options: { readonly env: NodeJS.ProcessEnv; readonly cwd?: string; readonly timeout?: number }
): Promise<Result> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: options.env,
      cwd: options.cwd ?? packageDir,
      stdio: ["ignore", "pipe", "pipe"]
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk) => (stdout += chunk))
    child.stderr.on("data", (chunk) => (stderr += chunk))
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeout ?? 30_000)
    child.on("close", (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })

/** Waits until `read()` matches `pattern` (or the process ends, or 20 s pass). */
export const waitFor = (child: ChildProcess, read: () => string, pattern: RegExp): Promise<RegExpExecArray> =>
  new Promise((resolve, reject) => {
    const started = Date.now()
    const check = () => {
      const match = pattern.exec(read())
      if (match !== null) return resolve(match)
      if (child.exitCode !== null || Date.now() - started > 20_000) {
        return reject(new Error(`${pattern} never appeared (exit ${child.exitCode}):\n${read()}`))
      }
      setTimeout(check, 25)
    }
    check()
  })

export interface ServedFake {
  /** The variables `fake` printed (`STYTCH_MANAGEMENT_BASE_URL`, `STYTCH_WORKSPACE_KEY_ID`, …). */
  readonly exports: Record<string, string>
  readonly stdout: () => string
  readonly stderr: () => string
  /** Stops it with SIGINT (as Ctrl-C); its exit code. */
  readonly stop: () => Promise<number | null>
}

/** `stytch-effect fake --port 0 [args]`, up and its exports parsed. */
export const serveFake = async (bin: string, env: NodeJS.ProcessEnv, args: ReadonlyArray<string> = []): Promise<ServedFake> => {
  const child = spawn(process.execPath, [bin, "fake", "--port", "0", ...args], { env, stdio: ["ignore", "pipe", "pipe"] })
  let stdout = ""
  let stderr = ""
  child.stdout.on("data", (chunk) => (stdout += chunk))
  child.stderr.on("data", (chunk) => (stderr += chunk))
  await waitFor(child, () => stdout, /STYTCH_OAUTH_REVOKE_URL=.*\n/)
  const exports: Record<string, string> = {}
  // `export NAME=word NAME='quoted word' …` lines
  for (const match of stdout.matchAll(/(\w+)=('(?:[^']|'\\'')*'|\S+)/g)) {
    const word = match[2]!
    exports[match[1]!] = word.startsWith("'") ? word.slice(1, -1).replaceAll("'\\''", "'") : word
  }
  return {
    exports,
    stdout: () => stdout,
    stderr: () => stderr,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode)
        child.on("close", (code) => resolve(code))
        child.kill("SIGINT")
      })
  }
}
