import type { Endpoint } from "@stytch-effect/core"
import { Environments, Projects, Secrets } from "@stytch-effect/resources"
import type * as Schema from "effect/Schema"
import { badRequest, conflict, notFound } from "./errors.js"
import {
  type EnvironmentState,
  merge,
  type ProjectState,
  randomToken,
  slugify,
  type StoredSecret,
  type Workspace
} from "./state.js"

/** What a handler sees besides the request. @internal */
export interface Context {
  readonly workspace: Workspace
  /** The current time, ISO 8601 (from Effect's Clock, so `TestClock` drives it). */
  readonly now: string
}

/** The request type of an endpoint (`void` when it takes none). @internal */
export type RequestOf<E extends Endpoint.Any> = E["request"] extends Schema.Schema.AnyNoContext
  ? Schema.Schema.Type<E["request"]>
  : void

/** The payload of an endpoint's response: the response less its envelope. @internal */
export type PayloadOf<E extends Endpoint.Any> = Omit<Schema.Schema.Type<E["response"]>, "requestID" | "statusCode">

/**
 * Serves one endpoint from the workspace state. Throws a `FakeError` for an
 * API error (the router turns it into the real error body).
 *
 * @internal
 */
export type Handler<E extends Endpoint.Any> = (request: RequestOf<E>, context: Context) => PayloadOf<E>

/** One handler for every endpoint of a group: a missing one does not compile. @internal */
export type Handlers<Group extends Record<string, Endpoint.Any>> = { readonly [K in keyof Group]: Handler<Group[K]> }

const projectOf = (workspace: Workspace, projectSlug: string): ProjectState => {
  const project = workspace.projects.get(projectSlug)
  if (project === undefined) throw notFound("project", projectSlug)
  return project
}

const environmentOf = (
  workspace: Workspace,
  scope: { readonly projectSlug: string; readonly environmentSlug: string }
): EnvironmentState => {
  const environment = projectOf(workspace, scope.projectSlug).environments.get(scope.environmentSlug)
  if (environment === undefined) throw notFound("environment", scope.environmentSlug)
  return environment
}

const secretOf = (environment: EnvironmentState, secretID: string): StoredSecret => {
  const secret = environment.secrets.get(secretID)
  if (secret === undefined) throw notFound("secret", secretID)
  return secret
}

const uniqueSlug = (base: string, taken: ReadonlyMap<string, unknown>): string => {
  for (;;) {
    const slug = `${base}-${randomToken(3)}`
    if (!taken.has(slug)) return slug
  }
}

const masked = (secret: StoredSecret) =>
  new Secrets.MaskedSecret({
    secretID: secret.secretID,
    lastFour: secret.value.slice(-4),
    createdAt: secret.createdAt
  })

/** @internal */
export const projects: Handlers<typeof Projects.endpoints> = {
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
    workspace.projects.set(slug, { project, environments: new Map() })
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

/** @internal */
export const environments: Handlers<typeof Environments.endpoints> = {
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
    project.environments.set(slug, { environment, secrets: new Map() })
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

/** @internal */
export const secrets: Handlers<typeof Secrets.endpoints> = {
  create: (request, { now, workspace }) => {
    const state = environmentOf(workspace, request)
    const kind = state.environment.type === "LIVE" ? "live" : "test"
    const stored: StoredSecret = {
      secretID: `secret-${kind}-${crypto.randomUUID()}`,
      value: `secret-${kind}-${randomToken(24)}`,
      createdAt: now
    }
    state.secrets.set(stored.secretID, stored)
    return { secret: new Secrets.Secret({ secretID: stored.secretID, secret: stored.value, createdAt: now }) }
  },
  get: (request, { workspace }) => ({ secret: masked(secretOf(environmentOf(workspace, request), request.secretID)) }),
  getAll: (request, { workspace }) => ({ secrets: Array.from(environmentOf(workspace, request).secrets.values(), masked) }),
  delete: (request, { workspace }) => {
    const state = environmentOf(workspace, request)
    secretOf(state, request.secretID)
    state.secrets.delete(request.secretID)
    return {}
  }
}

const group = <Group extends Record<string, Endpoint.Any>>(endpoints: Group, handlers: Handlers<Group>) =>
  Object.keys(endpoints).map((name) => [endpoints[name]!, handlers[name] as Handler<Endpoint.Any>] as const)

/** Every endpoint with its handler. @internal */
export const routes: ReadonlyArray<readonly [Endpoint.Any, Handler<Endpoint.Any>]> = [
  ...group(Projects.endpoints, projects),
  ...group(Environments.endpoints, environments),
  ...group(Secrets.endpoints, secrets)
]
