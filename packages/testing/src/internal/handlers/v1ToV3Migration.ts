import { V1ToV3Migration } from "@stytch-effect/resources"
import { notFound } from "../errors.js"
import type { ProjectState, Workspace } from "../state.js"
import type { Handlers } from "./common.js"

/**
 * The legacy view of a v3 project: its LIVE environment's `projectID` and
 * slug, and those of its first TEST environment (`""` when it has none).
 * Projects without a LIVE environment have no legacy form and are left out.
 */
const legacyOf = (project: ProjectState, now: string): V1ToV3Migration.LegacyProject | undefined => {
  const environments = Array.from(project.environments.values(), (e) => e.environment)
  const live = environments.find((e) => e.type === "LIVE")
  if (live === undefined) return undefined
  const test = environments.find((e) => e.type === "TEST")
  return new V1ToV3Migration.LegacyProject({
    liveProjectID: live.projectID,
    testProjectID: test?.projectID ?? "",
    liveProjectSlug: live.environmentSlug,
    testProjectSlug: test?.environmentSlug ?? "",
    projectSlug: project.project.projectSlug,
    name: project.project.name,
    vertical: project.project.vertical ?? "",
    createdAt: project.project.createdAt ?? now
  })
}

const legacyProjects = (workspace: Workspace, now: string) =>
  Array.from(workspace.projects.values()).flatMap((p) => legacyOf(p, now) ?? [])

/** @internal */
export const v1ToV3Migration: Handlers<typeof V1ToV3Migration> = {
  getProjects: (_, { now, workspace }) => ({ projects: legacyProjects(workspace, now) }),
  getProject: (request, { now, workspace }) => {
    const project = legacyProjects(workspace, now).find((p) =>
      p.liveProjectID === request.projectID || (p.testProjectID !== "" && p.testProjectID === request.projectID)
    )
    if (project === undefined) throw notFound("project", request.projectID)
    return { project }
  }
}
