import { Projects } from "@stytch-effect/resources"
import { badRequest, conflict } from "../errors.js"
import { slugify } from "../state.js"
import { type Handlers, projectOf, uniqueSlug } from "./common.js"

/** @internal */
export const projects: Handlers<typeof Projects> = {
  create: (request, { now, workspace }) => {
    const slug = request.projectSlug ?? uniqueSlug(slugify(request.name) || "project", workspace.projects)
    if (workspace.projects.has(slug)) {
      throw conflict("project_slug_already_exists", `A project with slug ${slug} already exists.`)
    }
    if (request.name.trim() === "") throw badRequest("invalid_project_name", "Project name cannot be empty.")
    const project = new Projects.Project({
      projectSlug: slug,
      name: request.name,
      vertical: request.vertical ?? "CONSUMER",
      createdAt: now
    })
    workspace.projects.set(slug, { project, features: workspace.defaultFeatures, environments: new Map(), slots: new Map() })
    return { project }
  },
  get: (request, { workspace }) => ({ project: projectOf(workspace, request.projectSlug).project }),
  getAll: (_, { workspace }) => ({ projects: Array.from(workspace.projects.values(), (p) => p.project) }),
  update: (request, { workspace }) => {
    const state = projectOf(workspace, request.projectSlug)
    state.project = new Projects.Project({ ...state.project, ...(request.name === undefined ? {} : { name: request.name }) })
    return { project: state.project }
  },
  delete: (request, { workspace }) => {
    projectOf(workspace, request.projectSlug)
    workspace.projects.delete(request.projectSlug)
    return {}
  }
}
