/**
 * The command tree. Only @effect/cli and the option definitions load at
 * start; each handler imports its module (the SDK, the fake, the workspace
 * engine) when it runs, so `--help` stays fast.
 */
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as HelpDoc from "@effect/cli/HelpDoc"
import * as Effect from "effect/Effect"
import * as GlobalOptions from "./options.js"
import { version } from "./version.js"

const lazy = <M, A, E, R>(load: () => Promise<M>, run: (module: M) => Effect.Effect<A, E, R>) =>
  Effect.flatMap(Effect.promise(load), run)

const list = Command.make(
  "list",
  { ...GlobalOptions.api, json: GlobalOptions.json },
  (options) => lazy(() => import("./commands/list.js"), (m) => m.projects(options))
).pipe(Command.withDescription("List the workspace's projects."))

const projects = Command.make("projects").pipe(
  Command.withDescription("The workspace's projects."),
  Command.withSubcommands([list])
)

const environmentsList = Command.make(
  "list",
  {
    ...GlobalOptions.api,
    json: GlobalOptions.json,
    project: GlobalOptions.project
  },
  (options) => lazy(() => import("./commands/list.js"), (m) => m.environments(options))
).pipe(Command.withDescription("List a project's environments."))

const environments = Command.make("environments").pipe(
  Command.withDescription("A project's environments."),
  Command.withSubcommands([environmentsList])
)

const login = Command.make(
  "login",
  {
    ...GlobalOptions.common,
    callbackPort: Options.integer("callback-port").pipe(
      Options.withDescription(
        "The loopback port of the sign-in callback (default 5001, the redirect the Stytch CLI's OAuth client has registered; 0 picks a free one)."
      ),
      Options.withDefault(5001)
    ),
    noBrowser: Options.boolean("no-browser").pipe(
      Options.withDescription("Only print the sign-in URL; do not open a browser.")
    )
  },
  (options) => lazy(() => import("./commands/auth.js"), (m) => m.login(options))
).pipe(
  Command.withDescription(
    "Sign in with OAuth (PKCE) in the browser; the tokens are stored in a file only you can read. The authorization server is Stytch's unless STYTCH_OAUTH_AUTHORIZE_URL / _TOKEN_URL / _REVOKE_URL say otherwise."
  )
)

const logout = Command.make(
  "logout",
  GlobalOptions.common,
  (options) => lazy(() => import("./commands/auth.js"), (m) => m.logout(options))
).pipe(Command.withDescription("Revoke the stored session and delete its token file."))

const whoami = Command.make(
  "whoami",
  GlobalOptions.api,
  (options) => lazy(() => import("./commands/auth.js"), (m) => m.whoami(options))
).pipe(Command.withDescription("Show which credentials the commands use, and check them with one request."))

const fake = Command.make(
  "fake",
  {
    ...GlobalOptions.common,
    port: Options.integer("port").pipe(
      Options.withDescription("The port to listen on (default 8719, as stytch-effect-fake; 0: any free port)."),
      Options.withDefault(8719)
    ),
    host: Options.text("host").pipe(
      Options.withDescription("A loopback address: 127.0.0.1, ::1 or localhost."),
      Options.withDefault("127.0.0.1")
    ),
    seed: GlobalOptions.seed("The projects and environments the fake starts with (and returns to on reset).")
  },
  (options) => lazy(() => import("./commands/fake.js"), (m) => m.fake(options))
).pipe(
  Command.withDescription(
    "Serve a fake of the Management API (and its OAuth server) on loopback, and print the shell exports that point stytch-effect and the SDKs at it. Runs until Ctrl-C."
  )
)

const workspace = () => import("./commands/workspace.js")

const concurrency = Options.integer("concurrency").pipe(
  Options.withDescription("At most this many requests at once (default 8)."),
  Options.optional
)
const prune = Options.boolean("prune").pipe(
  Options.withDescription("Also delete what the API has and the document does not (never without this flag).")
)
const yes = Options.boolean("yes").pipe(
  Options.withAlias("y"),
  Options.withDescription("Apply without asking. Required when not on a terminal.")
)
const documentFile = Options.file("file", { exists: "yes" }).pipe(
  Options.withAlias("f"),
  Options.withDescription("The workspace document (YAML, or JSON for a .json file), as `export` writes it.")
)

const exportCommand = Command.make(
  "export",
  {
    ...GlobalOptions.api,
    project: Options.text("project").pipe(
      Options.withDescription("A project's slug; repeat it to export several projects into one document."),
      Options.atLeast(1)
    ),
    out: Options.file("out").pipe(
      Options.withAlias("o"),
      Options.withDescription("Write the document to this file (default: standard output)."),
      Options.optional
    ),
    format: Options.choice("format", ["json", "yaml"]).pipe(
      Options.withDescription("The document's format (default: from --out's extension, else yaml)."),
      Options.optional
    ),
    concurrency
  },
  (options) => lazy(workspace, (m) => m.exportCommand(options))
).pipe(
  Command.withDescription(
    "Write the whole configuration of projects as one document: deterministic (stable order, so diffs are meaningful), no secret values (secret inputs are { fromEnv } references), no server-set fields."
  )
)

const plan = Command.make(
  "plan",
  {
    ...GlobalOptions.api,
    file: documentFile,
    json: Options.boolean("json").pipe(Options.withDescription("Print the plan as JSON.")),
    detailedExitcode: Options.boolean("detailed-exitcode").pipe(
      Options.withDescription("Exit 0 when there are no changes, 2 when there are, 1 on error (a drift check for CI).")
    ),
    prune
  },
  (options) => lazy(workspace, (m) => m.plan(options))
).pipe(Command.withDescription("Show what apply would change to make the live configuration match the document."))

const apply = Command.make(
  "apply",
  { ...GlobalOptions.api, file: documentFile, prune, yes, concurrency },
  (options) => lazy(workspace, (m) => m.apply(options))
).pipe(
  Command.withDescription(
    "Make the live configuration match the document: shows the plan, asks for confirmation (unless --yes), applies in dependency order and sums up what was done, failed and not started."
  )
)

const promote = Command.make(
  "promote",
  {
    ...GlobalOptions.api,
    project: GlobalOptions.project,
    from: Options.text("from").pipe(Options.withDescription("The environment to copy from (its slug).")),
    to: Options.text("to").pipe(Options.withDescription("The environment to copy to (its slug).")),
    mapHost: Options.text("map-host").pipe(
      Options.withDescription("Rewrite a redirect URL host, from=to (e.g. staging.example.com=example.com); repeatable."),
      Options.repeated
    ),
    only: Options.text("only").pipe(
      Options.withDescription("Promote only this family (redirectURLs, sdkConfig, rbacPolicy, …); repeatable."),
      Options.repeated
    ),
    skip: Options.text("skip").pipe(Options.withDescription("Do not promote this family; repeatable."), Options.repeated),
    prune,
    dryRun: Options.boolean("dry-run").pipe(Options.withDescription("Only show the plan.")),
    json: Options.boolean("json").pipe(Options.withDescription("Only print the plan, as JSON.")),
    yes,
    concurrency
  },
  (options) => lazy(workspace, (m) => m.promote(options))
).pipe(Command.withDescription("Copy environment-level configuration from one environment to another (e.g. TEST to LIVE)."))

/** The `stytch-effect` command. @internal */
export const command = Command.make("stytch-effect").pipe(
  Command.withDescription("Manage a Stytch workspace from the command line."),
  Command.withSubcommands([login, logout, whoami, projects, environments, exportCommand, plan, apply, promote, fake])
)

const footer = HelpDoc.p(
  "Exit codes: 0 success; 1 error; 2 `plan --detailed-exitcode` found changes; 130 interrupted. NO_COLOR turns colour off."
)

/** Parses the arguments (`process.argv`) and runs the command. @internal */
export const run = Command.run(command, { name: "stytch-effect", version, footer })
