import type { Environments, Projects } from "@stytch-effect/resources"
import * as ParseResult from "effect/ParseResult"
import { FakeError } from "./errors.js"
import { handlers } from "./handlers/index.js"
import { emptyWorkspace, noFeatures, type ProjectFeatures, type Workspace } from "./state.js"

/** Features some of which may be left out (a left-out one keeps its default). @internal */
export type FeatureChanges = { readonly [K in keyof ProjectFeatures]?: boolean | undefined }

/** What seeding a workspace needs of a seed (the public `FakeManagementApi.Seed` fits it). @internal */
export interface SeedContent {
  readonly projectFeatures?: FeatureChanges | undefined
  readonly projects?:
    | ReadonlyArray<{
      readonly name: string
      readonly vertical?: Projects.Vertical | undefined
      readonly projectSlug?: string | undefined
      readonly features?: FeatureChanges | undefined
      readonly environments?:
        | ReadonlyArray<{
          readonly name: string
          readonly type: Environments.EnvironmentType
          readonly environmentSlug?: string | undefined
        }>
        | undefined
    }>
    | undefined
}

/** `base` with each feature `changes` sets. @internal */
export const withFeatures = (base: ProjectFeatures, changes: FeatureChanges | undefined): ProjectFeatures => ({
  dfppa: changes?.dfppa ?? base.dfppa,
  customDomains: changes?.customDomains ?? base.customDomains,
  verifiedSendingDomain: changes?.verifiedSendingDomain ?? base.verifiedSendingDomain
})

/**
 * A workspace holding a seed's projects and environments, created in order
 * by the same handlers (and rules) as `Projects.create` and
 * `Environments.create`: a TEST environment before its project's LIVE one,
 * a slug taken twice, … throw an `Error` naming the project and the API's
 * answer. `defaults` are the features of projects created later through the
 * API; a seeded project starts with them, changed by its own `features`.
 *
 * @internal
 */
export const seedWorkspace = (seed: SeedContent | undefined, defaults: ProjectFeatures, now: string): Workspace => {
  const workspace = emptyWorkspace(defaults)
  const context = { workspace, now }
  ;(seed?.projects ?? []).forEach((project, index) => {
    const where = `seed: projects[${index}] (${JSON.stringify(project.projectSlug ?? project.name)})`
    try {
      const { project: created } = handlers.projects.create({
        name: project.name,
        vertical: project.vertical,
        projectSlug: project.projectSlug
      }, context)
      const state = workspace.projects.get(created.projectSlug)!
      state.features = withFeatures(defaults, project.features)
      for (const environment of project.environments ?? []) {
        handlers.environments.create({
          projectSlug: created.projectSlug,
          name: environment.name,
          type: environment.type,
          environmentSlug: environment.environmentSlug
        }, context)
      }
    } catch (error) {
      if (error instanceof FakeError) throw new Error(`${where}: ${error.errorType}: ${error.errorMessage}`)
      throw error
    }
  })
  return workspace
}

/** The default features of a fake: none, then the seed's, then the options'. @internal */
export const defaultFeatures = (
  seed: SeedContent | undefined,
  options: FeatureChanges | undefined
): ProjectFeatures => withFeatures(withFeatures(noFeatures, seed?.projectFeatures), options)

/**
 * A seed's decoding error, one line per field: `projects[0].vertical:
 * expected "ALL" or "CONSUMER" or "B2B", got "b2b"` (the alternatives of a
 * literal union joined, an optional field's "or undefined" left out).
 *
 * @internal
 */
export const formatSeedIssues = (error: ParseResult.ParseError): string => {
  const byPath = new Map<string, { readonly expected: Array<string>; actual: string; readonly other: Array<string> }>()
  for (const issue of ParseResult.ArrayFormatter.formatErrorSync(error)) {
    const path = issue.path.map((p, i) => typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)
      .join("") || "seed"
    const mismatch = /^Expected (.+), actual (.+)$/s.exec(issue.message)
    if (mismatch?.[1] === "undefined") continue
    const entry = byPath.get(path) ?? { expected: [], actual: "", other: [] }
    if (mismatch === null) entry.other.push(issue.message)
    else {
      entry.expected.push(mismatch[1]!)
      entry.actual = mismatch[2]!
    }
    byPath.set(path, entry)
  }
  const lines = Array.from(byPath, ([path, { actual, expected, other }]) => {
    const problems = expected.length === 0 ? other : [...other, `expected ${expected.join(" or ")}, got ${actual}`]
    return `${path}: ${problems.join("; ")}`
  })
  return lines.length > 0 ? lines.join("\n") : ParseResult.TreeFormatter.formatErrorSync(error)
}
