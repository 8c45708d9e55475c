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
  /** How the M2M token endpoint answers (see `FakeManagementApi.Options.m2mTokenResponse`). */
  readonly m2mTokenResponse: M2MTokenResponse
}

/**
 * How the fake's M2M token endpoint answers: `"stytch"` as Stytch does
 * (with `request_id` and `status_code`), `"plainOAuth"` as a plain OAuth 2.0
 * server does (RFC 6749 §5: only `access_token`, `token_type`, `expires_in`
 * and `scope` when the granted scopes differ from the requested ones; errors
 * with only `error` and `error_description`).
 *
 * @internal
 */
export type M2MTokenResponse = "stytch" | "plainOAuth"

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
