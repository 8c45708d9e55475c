/**
 * `export`, `plan`, `apply`, `promote`: a workspace as code, through
 * @stytch-effect/workspace. The API is the state: `plan` compares a document
 * with what the API returns now.
 */
import * as Prompt from "@effect/cli/Prompt"
import { Document, Plan, Workspace } from "@stytch-effect/workspace"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Fs from "node:fs/promises"
import * as Path from "node:path"
import * as Client from "../client.js"
import { CliError, ExitCode } from "../errors.js"
import type * as Options from "../options.js"
import { color, err, isInteractive, out, style } from "../output.js"
import { applyProgress, spinner, summary } from "../progress.js"

/** The format of a document file: JSON for `.json`, else YAML (which reads JSON too). */
const formatOf = (file: string): Document.Format => (Path.extname(file).toLowerCase() === ".json" ? "json" : "yaml")

const readDocument = (file: string) =>
  Effect.tryPromise({
    try: () => Fs.readFile(file, "utf8"),
    catch: (error) => new CliError({ message: `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}` })
  }).pipe(
    Effect.flatMap((text) => Document.parse(text, formatOf(file))),
    Effect.mapError((error) =>
      error._tag === "DocumentError"
        ? new CliError({
          message: `${file}: ${error.message}`,
          hint: "compare it with the file `stytch-effect export` writes (the JSON Schema of documents is in @stytch-effect/workspace)"
        })
        : error
    )
  )

const positive = (name: string, value: Option.Option<number>) =>
  Option.match(value, {
    onNone: () => Effect.succeed(undefined),
    onSome: (n) =>
      Number.isInteger(n) && n >= 1
        ? Effect.succeed(n)
        : Effect.fail(new CliError({ message: `${name} must be a positive whole number, got ${n}` }))
  })

/** `export --project <slug>… [--out file] [--format json|yaml] [--concurrency n]`. @internal */
export const exportCommand = (
  options: Options.Api & {
    readonly project: ReadonlyArray<string>
    readonly out: Option.Option<string>
    readonly format: Option.Option<"json" | "yaml">
    readonly concurrency: Option.Option<number>
  }
) =>
  Effect.gen(function*() {
    const concurrency = yield* positive("--concurrency", options.concurrency)
    const format = Option.getOrElse(options.format, () => Option.match(options.out, { onNone: () => "yaml" as const, onSome: formatOf }))
    const doc = yield* Effect.scoped(
      Effect.zipRight(
        spinner(`Exporting ${options.project.join(", ")}…`),
        Client.provide(options, Workspace.export(options.project, { concurrency }))
      )
    )
    const text = Document.format(doc, format)
    if (Option.isNone(options.out)) return yield* Effect.sync(() => void process.stdout.write(text))
    const file = options.out.value
    yield* Effect.tryPromise({
      try: () => Fs.writeFile(file, text, "utf8"),
      catch: (error) => new CliError({ message: `cannot write ${file}: ${error instanceof Error ? error.message : String(error)}` })
    })
    yield* err(`Exported ${doc.projects.length} project(s) to ${file} (${format.toUpperCase()}).`)
  })

/** The plan from a document to the live configuration. */
const planFile = (file: string, prune: boolean) =>
  Effect.flatMap(readDocument(file), (desired) =>
    Effect.scoped(Effect.zipRight(spinner("Reading the live configuration…"), Workspace.drift(desired, { prune }))))

/** `plan --file <f> [--json] [--detailed-exitcode] [--prune]`. @internal */
export const plan = (
  options: Options.Api & {
    readonly file: string
    readonly json: boolean
    readonly detailedExitcode: boolean
    readonly prune: boolean
  }
) =>
  Effect.gen(function*() {
    const planned = yield* Client.provide(options, planFile(options.file, options.prune))
    if (options.json) yield* out(JSON.stringify(Plan.toJSON(planned), null, 2))
    else yield* Effect.sync(() => void process.stdout.write(Plan.render(planned, { color: color.out })))
    if (options.detailedExitcode && !Plan.isEmpty(planned)) process.exitCode = ExitCode.changes
  })

/**
 * Asks before applying: on a TTY a yes/no prompt (default no) unless
 * `--yes`; when not a TTY, `--yes` is required.
 */
const confirm = (yes: boolean, count: number): Effect.Effect<void, CliError, Prompt.Prompt.Environment> => {
  if (yes) return Effect.void
  if (!isInteractive()) {
    return Effect.fail(
      new CliError({
        message: "refusing to apply without --yes: not a terminal, so nobody can confirm",
        hint: "review the plan above (or `stytch-effect plan`), then run again with --yes"
      })
    )
  }
  return Prompt.confirm({ message: `Apply these ${count} action(s)?`, initial: false }).pipe(
    Prompt.run,
    // Ctrl-C / Esc at the prompt: end its line, then cancel
    Effect.catchAll(() => Effect.as(Effect.sync(() => process.stderr.write("\n")), false)),
    Effect.flatMap((ok) => (ok ? Effect.void : Effect.fail(new CliError({ message: "apply cancelled: nothing was changed" }))))
  )
}

/** Shows `planned`, confirms, applies with progress and prints the summary; exit 1 unless all was done. */
const applyPlan = (
  options: Options.Api & { readonly yes: boolean; readonly concurrency: Option.Option<number> },
  planned: Plan.Plan
) =>
  Effect.gen(function*() {
    yield* Effect.sync(() => void process.stdout.write(Plan.render(planned, { color: color.out })))
    if (Plan.isEmpty(planned)) return
    const concurrency = yield* positive("--concurrency", options.concurrency)
    yield* confirm(options.yes, planned.actions.length)
    const progress = applyProgress(planned.actions.length, Plan.label)
    const report = yield* Workspace.apply(planned, { concurrency, onProgress: progress.onProgress }).pipe(
      Effect.ensuring(Effect.sync(progress.finish))
    )
    yield* out("")
    for (const line of summary(report, Plan.label)) yield* out(line)
    if (!Workspace.succeeded(report)) {
      process.exitCode = ExitCode.error
      yield* err(
        `${style.dim(color.err, "hint:")} fix the cause, then run the same command again: the plan is computed anew, so what was done is not repeated`
      )
    }
  })

/** `apply --file <f> [--prune] [--yes] [--concurrency n]`. @internal */
export const apply = (
  options: Options.Api & {
    readonly file: string
    readonly prune: boolean
    readonly yes: boolean
    readonly concurrency: Option.Option<number>
  }
) => Client.provide(options, Effect.flatMap(planFile(options.file, options.prune), (planned) => applyPlan(options, planned)))

const parseHosts = (pairs: ReadonlyArray<string>) =>
  Effect.suspend(() => {
    const hosts: Record<string, string> = {}
    for (const pair of pairs) {
      const [from, to, ...rest] = pair.split("=")
      if (from === undefined || to === undefined || from === "" || to === "" || rest.length > 0) {
        return Effect.fail(new CliError({ message: `--map-host takes from=to (e.g. staging.example.com=example.com), got ${JSON.stringify(pair)}` }))
      }
      hosts[from] = to
    }
    return Effect.succeed(hosts)
  })

const families = (name: string, values: ReadonlyArray<string>) =>
  Effect.suspend(() => {
    const known = Workspace.promotableFamilies as ReadonlyArray<string>
    const unknown = values.filter((v) => !known.includes(v))
    return unknown.length === 0
      ? Effect.succeed(values.length === 0 ? undefined : (values as ReadonlyArray<Plan.Family>))
      : Effect.fail(new CliError({ message: `${name}: unknown famil${unknown.length === 1 ? "y" : "ies"} ${unknown.join(", ")}`, hint: `one of ${known.join(", ")}` }))
  })

/** `promote --project <slug> --from <env> --to <env> [--map-host a=b]… [--only f]… [--skip f]… [--dry-run] [--yes]`. @internal */
export const promote = (
  options: Options.Api & {
    readonly project: string
    readonly from: string
    readonly to: string
    readonly mapHost: ReadonlyArray<string>
    readonly only: ReadonlyArray<string>
    readonly skip: ReadonlyArray<string>
    readonly prune: boolean
    readonly dryRun: boolean
    readonly json: boolean
    readonly yes: boolean
    readonly concurrency: Option.Option<number>
  }
) =>
  Effect.gen(function*() {
    const mapHosts = yield* parseHosts(options.mapHost)
    const only = yield* families("--only", options.only)
    const skip = yield* families("--skip", options.skip)
    yield* Client.provide(
      options,
      Effect.gen(function*() {
        const planned = yield* Effect.scoped(
          Effect.zipRight(
            spinner(`Comparing ${options.from} with ${options.to}…`),
            Workspace.promote({ projectSlug: options.project, from: options.from, to: options.to, mapHosts, only, skip, prune: options.prune })
          )
        ).pipe(
          // promote's only conflict is an environment the project does not have: a mistyped slug
          Effect.catchTag("ConflictError", (error) =>
            new CliError({
              message: error.message,
              hint: `check the environment slugs: \`stytch-effect environments list --project ${options.project}\``
            }))
        )
        if (options.json) return yield* out(JSON.stringify(Plan.toJSON(planned), null, 2))
        if (options.dryRun) return yield* Effect.sync(() => void process.stdout.write(Plan.render(planned, { color: color.out })))
        yield* applyPlan(options, planned)
      })
    )
  })
