/**
 * `projects list` and `environments list --project <slug>`.
 */
import { Environments, Projects } from "@stytch-effect/resources"
import * as Effect from "effect/Effect"
import * as Client from "../client.js"
import type * as Options from "../options.js"
import { color, out, table } from "../output.js"

const json = (value: unknown) => out(JSON.stringify(value, null, 2))

/** `projects list [--json]`. @internal */
export const projects = (options: Options.Api & { readonly json: boolean }) =>
  Client.provide(
    options,
    Effect.flatMap(Projects.getAll(), ({ projects }) =>
      options.json
        ? json(projects)
        : out(
          table(
            ["SLUG", "NAME", "VERTICAL", "CREATED"],
            projects.map((p) => [p.projectSlug, p.name, p.vertical ?? "", p.createdAt ?? ""]),
            { color: color.out, empty: "No projects." }
          )
        ))
  )

/** `environments list --project <slug> [--json]`. @internal */
export const environments = (options: Options.Api & { readonly json: boolean; readonly project: string }) =>
  Client.provide(
    options,
    Effect.flatMap(Environments.getAll({ projectSlug: options.project }), ({ environments }) =>
      options.json
        ? json(environments)
        : out(
          table(
            ["SLUG", "NAME", "TYPE", "PROJECT ID", "CREATED"],
            environments.map((e) => [e.environmentSlug, e.name, e.type ?? "", e.projectID, e.createdAt ?? ""]),
            { color: color.out, empty: `No environments in ${options.project}.` }
          )
        ))
  )
