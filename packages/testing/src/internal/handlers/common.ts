import type { Endpoint } from "@stytch-effect/core"
import type * as Schema from "effect/Schema"
import { notFound } from "../errors.js"
import { type EnvironmentState, type ProjectState, randomToken, type Workspace } from "../state.js"

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

/**
 * One handler for every endpoint of a resource module: a missing one does
 * not compile.
 *
 * @internal
 */
export type Handlers<Module extends { readonly endpoints: Record<string, Endpoint.Any> }> = {
  readonly [K in keyof Module["endpoints"]]: Handler<Module["endpoints"][K]>
}

/** The project a request addresses, or the API's 404. @internal */
export const projectOf = (workspace: Workspace, projectSlug: string): ProjectState => {
  const project = workspace.projects.get(projectSlug)
  if (project === undefined) throw notFound("project", projectSlug)
  return project
}

/** The environment a request addresses, or the API's 404. @internal */
export const environmentOf = (
  workspace: Workspace,
  scope: { readonly projectSlug: string; readonly environmentSlug: string }
): EnvironmentState => {
  const environment = projectOf(workspace, scope.projectSlug).environments.get(scope.environmentSlug)
  if (environment === undefined) throw notFound("environment", scope.environmentSlug)
  return environment
}

/** `<base>-<random>`, not yet a key of `taken`. @internal */
export const uniqueSlug = (base: string, taken: ReadonlyMap<string, unknown>): string => {
  for (;;) {
    const slug = `${base}-${randomToken(3)}`
    if (!taken.has(slug)) return slug
  }
}
