/**
 * The options every command takes (`--verbose`) and those of every command
 * that calls the API (`--base-url`, `--timeout`, `--max-retries`,
 * credentials, `--fake`), and options several commands share (`--json`,
 * `--project`). Each command lists them itself, so they may be written
 * anywhere after the command's name and `--help` shows them.
 */
import * as Options from "@effect/cli/Options"
import type * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"

/** `--verbose`. @internal */
export const common = {
  verbose: Options.boolean("verbose").pipe(
    Options.withDescription(
      "Log every request (method, URL, status, time; never headers or bodies) and show the full cause of a failure."
    )
  )
}

/**
 * `--seed <file>`: a seed of the fake (JSON: `{ credentials?, projectFeatures?,
 * projects: [{ name, vertical?, projectSlug?, features?, environments: [{ name, type, environmentSlug? }] }] }`).
 *
 * @internal
 */
export const seed = (description: string) =>
  Options.file("seed", { exists: "yes" }).pipe(
    Options.withDescription(
      `${description} A JSON file: { "projects": [{ "name", "vertical"?, "projectSlug"?, "environments": [{ "name", "type", "environmentSlug"? }] }] } (the seed of @stytch-effect/testing's FakeManagementApi).`
    ),
    Options.optional
  )

/** The options of a command that calls the Management API. @internal */
export const api = {
  ...common,
  baseURL: Options.text("base-url").pipe(
    Options.withDescription(
      "The Management API's URL (default: STYTCH_MANAGEMENT_BASE_URL, else https://management.stytch.com). http: only for loopback hosts."
    ),
    Options.optional
  ),
  timeout: Options.float("timeout").pipe(
    Options.withDescription("Seconds one request may take (default 60)."),
    Options.optional
  ),
  maxRetries: Options.integer("max-retries").pipe(
    Options.withDescription("Retries of a request that failed transiently (default 2; 0 turns retries off)."),
    Options.optional
  ),
  workspaceKeyID: Options.text("workspace-key-id").pipe(
    Options.withDescription("Workspace key id (default: STYTCH_WORKSPACE_KEY_ID, else the stored login)."),
    Options.optional
  ),
  workspaceKeySecret: Options.redacted("workspace-key-secret").pipe(
    Options.withDescription(
      "Workspace key secret (default: STYTCH_WORKSPACE_KEY_SECRET). Prefer the variable: arguments are visible to other users' `ps`."
    ),
    Options.optional
  ),
  fake: Options.boolean("fake").pipe(
    Options.withDescription("Run against an in-process fake of the API (no account, nothing leaves the machine).")
  ),
  seed: seed("With --fake: the projects and environments the fake starts with.")
}

/** The parsed {@link common} options. @internal */
export interface Common {
  readonly verbose: boolean
}

/** The parsed {@link api} options. @internal */
export interface Api extends Common {
  readonly baseURL: Option.Option<string>
  readonly timeout: Option.Option<number>
  readonly maxRetries: Option.Option<number>
  readonly workspaceKeyID: Option.Option<string>
  readonly workspaceKeySecret: Option.Option<Redacted.Redacted<string>>
  readonly fake: boolean
  readonly seed: Option.Option<string>
}

/** `--json`. @internal */
export const json = Options.boolean("json").pipe(Options.withDescription("Print JSON instead of a table."))

/** `--project <slug>`: the one project a command works on. @internal */
export const project = Options.text("project").pipe(Options.withDescription("The project's slug."))
