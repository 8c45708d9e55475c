import type { Endpoint } from "@stytch-effect/core"
import { FakeError } from "../errors.js"
import type { PayloadOf, RequestOf } from "../handlers/common.js"
import type { EnvironmentState, Workspace } from "../state.js"

/** What a project-API handler sees besides the request. @internal */
export interface ProjectContext {
  readonly workspace: Workspace
  /** The project (an environment of the Management API: its `projectID`) the request is for. */
  readonly environment: EnvironmentState
  /** The current time, ISO 8601 (Effect's Clock). */
  readonly now: string
}

/** @internal */
export type ProjectHandler<E extends Endpoint.Any> = (request: RequestOf<E>, context: ProjectContext) => PayloadOf<E>

/** @internal */
export type ProjectHandlers<Module extends { readonly endpoints: Record<string, Endpoint.Any> }> = {
  readonly [K in keyof Module["endpoints"]]: ProjectHandler<Module["endpoints"][K]>
}

/** An API error with `error_details` (project API). @internal */
export class FakeErrorWithDetails extends FakeError {
  constructor(status: number, errorType: string, errorMessage: string, readonly details: Record<string, unknown>) {
    super(status, errorType, errorMessage)
  }
}

/** The environment whose `projectID` this is (a project of the project API). @internal */
export const environmentByProjectID = (workspace: Workspace, projectID: string): EnvironmentState | undefined => {
  for (const project of workspace.projects.values()) {
    for (const environment of project.environments.values()) {
      if (environment.environment.projectID === projectID) return environment
    }
  }
  return undefined
}
