#!/usr/bin/env node
/**
 * `stytch-effect-fake`: serves the fake Management API (and the project API)
 * on loopback until SIGINT or SIGTERM, and prints the shell exports that
 * point another process at it. See the package README.
 *
 *     stytch-effect-fake [--port 8719] [--host 127.0.0.1] [--seed seed.json]
 */
import { parseArgs } from "node:util"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as FakeManagementApi from "../FakeManagementApi.js"
import { checkListenOptions } from "../internal/serve.js"

/** The documented default port: fixed, so the printed exports stay the same from run to run. */
const DEFAULT_PORT = 8719

const usage = `Usage: stytch-effect-fake [--port <n>] [--host <loopback host>] [--seed <file.json>]

Serves a stateful fake of the Stytch Management API (and the project API) on
loopback until interrupted (Ctrl-C, SIGTERM), and prints on stdout the shell
exports that point another process at it.

  --port <n>     port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <host>  127.0.0.1 (default), ::1 or localhost; nothing else
  --seed <file>  JSON seed: credentials, project features, projects (FakeManagementApi.Seed)
  --help         this text
`

const fail = (message: string, code: number): never => {
  process.stderr.write(`stytch-effect-fake: ${message}\n`)
  process.exit(code)
}

const parse = () => {
  try {
    return parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        seed: { type: "string" },
        help: { type: "boolean" }
      },
      strict: true,
      allowPositionals: false
    }).values
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`, 2)
  }
}

const args = parse()
if (args.help === true) {
  process.stdout.write(usage)
  process.exit(0)
}
if (args.port !== undefined && !/^\d+$/.test(args.port)) fail(`--port must be a number in 0-65535, got ${JSON.stringify(args.port)}`, 2)
const port = args.port === undefined ? DEFAULT_PORT : Number(args.port)
const listenOptions = { host: args.host, port }
const problem = checkListenOptions(listenOptions)
if (problem !== undefined) fail(problem.replace(/^FakeManagementApi: /, ""), 2)

/** The exports and, for each seeded environment, the project id its project-API clients use. */
const describe = (served: FakeManagementApi.Served): string => {
  const lines = [
    FakeManagementApi.shellExports(served),
    `# The project API (M2M clients, tokens, JWKS) is served at the same URL: STYTCH_PROJECT_BASE_URL=${served.url}`,
    "# with STYTCH_PROJECT_ID an environment's projectID and STYTCH_PROJECT_SECRET one of its secrets (Secrets.create)."
  ]
  for (const project of served.server.workspace.projects.values()) {
    for (const { environment } of project.environments.values()) {
      lines.push(`# ${project.project.projectSlug}/${environment.environmentSlug} (${environment.type}): STYTCH_PROJECT_ID=${environment.projectID}`)
    }
  }
  return lines.join("\n") + "\n"
}

const program = Effect.gen(function*() {
  const seed = args.seed === undefined ? undefined : yield* FakeManagementApi.loadSeed(args.seed)
  const served = yield* FakeManagementApi.serve({ ...listenOptions, seed })
  process.stdout.write(describe(served))
  process.stderr.write(`stytch-effect-fake: serving ${served.url} (Ctrl-C or SIGTERM stops it)\n`)
  return yield* Effect.never
}).pipe(Effect.scoped)

const fiber = Effect.runFork(program)
const stop = () => {
  Effect.runFork(Fiber.interrupt(fiber))
}
process.once("SIGINT", stop)
process.once("SIGTERM", stop)
fiber.addObserver((exit) => {
  if (Exit.isSuccess(exit) || Cause.isInterruptedOnly(exit.cause)) {
    process.stderr.write("stytch-effect-fake: stopped\n")
    process.exit(0)
  }
  const failure = Cause.failureOption(exit.cause)
  if (failure._tag === "Some") fail(failure.value.message, 1)
  const defect = Cause.squash(exit.cause)
  const code = (defect as { readonly code?: unknown }).code
  fail(
    code === "EADDRINUSE"
      ? `port ${port} is in use (another stytch-effect-fake?); pass --port 0 for a free port`
      : defect instanceof Error ? defect.message : String(defect),
    1
  )
})
