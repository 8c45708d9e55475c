import { Environments } from "@stytch-effect/resources"
import { badRequest, conflict } from "../errors.js"
import { merge, slugify } from "../state.js"
import { environmentOf, type Handlers, projectOf, uniqueSlug } from "./common.js"

/** @internal */
export const environments: Handlers<typeof Environments> = {
  create: (request, { now, workspace }) => {
    const { environmentSlug: requestedSlug, name, projectSlug, type = "TEST", ...settings } = request
    const project = projectOf(workspace, projectSlug)
    const live = Array.from(project.environments.values()).some((e) => e.environment.type === "LIVE")
    if (type === "LIVE" && live) {
      throw badRequest("live_environment_already_exists", "A project can have only one LIVE environment.")
    }
    if (type !== "LIVE" && !live) {
      throw badRequest("live_environment_required", "Create the project's LIVE environment before a TEST environment.")
    }
    if (name.trim() === "") throw badRequest("invalid_environment_name", "Environment name cannot be empty.")
    const slug = requestedSlug ?? uniqueSlug(slugify(name) || "environment", project.environments)
    if (project.environments.has(slug)) {
      throw conflict("environment_slug_already_exists", `An environment with slug ${slug} already exists.`)
    }
    const environment = new Environments.Environment(
      merge<ConstructorParameters<typeof Environments.Environment>[0]>({
        environmentSlug: slug,
        projectSlug,
        name,
        type,
        oauthCallbackID: `oauth-callback-${type.toLowerCase()}-${crypto.randomUUID()}`,
        crossOrgPasswordsEnabled: false,
        userImpersonationEnabled: false,
        zeroDowntimeSessionMigrationURL: "",
        useCustomDomainInMagicLinkEmails: false,
        userLockSelfServeEnabled: false,
        userLockThreshold: 10,
        userLockTtl: 3600,
        idpAuthorizationURL: "",
        idpDynamicClientRegistrationEnabled: false,
        idpDynamicClientRegistrationAccessTokenTemplateContent: "",
        projectID: `project-${type.toLowerCase()}-${crypto.randomUUID()}`,
        createdAt: now
      }, settings)
    )
    project.environments.set(slug, { environment, project, slots: new Map() })
    return { environment }
  },
  get: (request, { workspace }) => ({ environment: environmentOf(workspace, request).environment }),
  getAll: (request, { workspace }) => ({
    environments: Array.from(projectOf(workspace, request.projectSlug).environments.values(), (e) => e.environment)
  }),
  update: (request, { workspace }) => {
    const { environmentSlug: _e, projectSlug: _p, ...changes } = request
    const state = environmentOf(workspace, request)
    state.environment = new Environments.Environment(merge({ ...state.environment }, changes))
    return { environment: state.environment }
  },
  delete: (request, { workspace }) => {
    const state = environmentOf(workspace, request)
    if (state.environment.type === "LIVE") {
      throw badRequest(
        "cannot_delete_live_environment",
        "A LIVE environment cannot be deleted; delete the project instead."
      )
    }
    projectOf(workspace, request.projectSlug).environments.delete(request.environmentSlug)
    return {}
  },
  getMetrics: (request, { workspace }) => {
    environmentOf(workspace, request)
    return {
      metrics: new Environments.Metrics({ userCount: 0, organizationCount: 0, memberCount: 0, m2mClientCount: 0 })
    }
  }
}

