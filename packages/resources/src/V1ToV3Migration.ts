/**
 * Migration from the legacy (PWA v1) project model to v3: maps each project's
 * legacy live and test project ids to its v3 project and environment slugs.
 * Only the Go SDK exposes these endpoints.
 *
 * They are legacy endpoints under `/web/v1`, not `/pwa/v3`: their responses
 * carry `request_id` but no `status_code`, so `statusCode` is filled in from
 * the HTTP status (the response schemas say so: encoding leaves it out).
 *
 * @since 0.1.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as Wire from "@stytch-effect/core/Wire"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"

const text = <const Key extends string>(key: Key, description: string) =>
  Schema.optionalWith(Schema.String.annotations({ description }), { default: () => "" }).pipe(Schema.fromKey(key))

/**
 * The envelope of a legacy response: `request_id` but no `status_code` on the
 * wire. `statusCode` is still there in the domain: the client fills it from
 * the HTTP status (decision D11); encoding (the fake) leaves it out, as the
 * real legacy API does.
 */
const legacyResponse = <Fields extends Schema.Struct.Fields>(fields: Fields) =>
  Schema.Struct({
    requestID: Wire.envelopeFields.requestID,
    statusCode: Schema.optionalToRequired(
      Schema.Number.annotations({ description: "Absent from legacy responses; filled in from the HTTP status." }),
      Schema.Number,
      { decode: Option.getOrElse(() => 200), encode: () => Option.none() }
    ).pipe(Schema.fromKey("status_code")),
    ...fields
  })

/**
 * A project as the legacy API describes it: its legacy live and test project
 * ids beside its v3 slugs. `testProjectID` and `testProjectSlug` decode as
 * `""` when the server leaves them out (a project without a TEST environment).
 *
 * @since 0.1.0
 * @category models
 */
export class LegacyProject extends Schema.Class<LegacyProject>("LegacyProject")({
  liveProjectID: Wire.field("live_project_id", Schema.String, "Legacy (PWA v1) id of the live project/environment."),
  testProjectID: text("test_project_id", "Legacy (PWA v1) id of the test project/environment."),
  liveProjectSlug: Wire.field("live_project_slug", Schema.String, "v3 slug of the LIVE environment."),
  testProjectSlug: text("test_project_slug", "v3 slug of the TEST environment."),
  projectSlug: Wire.field("project_slug", Schema.String, "v3 project slug."),
  name: Schema.String.annotations({ description: "Project name." }),
  vertical: Schema.String.annotations({ description: "Project vertical as a plain string." }),
  createdAt: Wire.field("created_at", Schema.String, "Creation timestamp (RFC 3339).")
}) {}

const GetProjectsResponse_ = legacyResponse({ projects: Schema.Array(LegacyProject) })
/**
 * What {@link getProjects} succeeds with: `projects` (an array of {@link LegacyProject}), beside the
 * `requestID` and a `statusCode` filled in from the HTTP status (legacy responses do not carry one).
 *
 * @since 0.1.0
 * @category models
 */
export interface GetProjectsResponse extends Schema.Schema.Type<typeof GetProjectsResponse_> {}
/**
 * The schema of {@link GetProjectsResponse}: decodes the JSON body of a successful {@link getProjects}
 * (snake_case keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetProjectsResponse: Schema.Schema<GetProjectsResponse, typeof GetProjectsResponse_.Encoded> =
  GetProjectsResponse_

const GetProjectRequest_ = Schema.Struct({
  projectID: Wire.field("project_id", Wire.PathParam, "Legacy (PWA v1) live or test project id.")
})
/**
 * The input of {@link getProject}: `projectID`.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetProjectRequest extends Schema.Schema.Type<typeof GetProjectRequest_> {}
/**
 * The schema of {@link GetProjectRequest}. {@link getProject} encodes its input with it: a value that does
 * not fit fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectID` in the
 * path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetProjectRequest: Schema.Schema<GetProjectRequest, typeof GetProjectRequest_.Encoded> =
  GetProjectRequest_

const GetProjectResponse_ = legacyResponse({ project: LegacyProject })
/**
 * What {@link getProject} succeeds with: `project` ({@link LegacyProject}), beside the `requestID` and a
 * `statusCode` filled in from the HTTP status (legacy responses do not carry one).
 *
 * @since 0.1.0
 * @category models
 */
export interface GetProjectResponse extends Schema.Schema.Type<typeof GetProjectResponse_> {}
/**
 * The schema of {@link GetProjectResponse}: decodes the JSON body of a successful {@link getProject}
 * (snake_case keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetProjectResponse: Schema.Schema<GetProjectResponse, typeof GetProjectResponse_.Encoded> =
  GetProjectResponse_

/**
 * The endpoint definitions of this group.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints = Endpoint.group("v1ToV3Migration", {
  getProjects: {
    method: "GET",
    path: "/web/v1/projects",
    request: undefined,
    response: GetProjectsResponse,
    description: "Lists the workspace's projects with their legacy (v1) ids and v3 slugs (legacy endpoint)."
  },
  getProject: {
    method: "GET",
    path: "/web/v1/projects/{project_id}",
    request: GetProjectRequest,
    response: GetProjectResponse,
    description: "Gets a project by its legacy (v1) live or test project id (legacy endpoint)."
  }
})

/**
 * Lists the workspace's projects with their legacy ids and v3 slugs.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { V1ToV3Migration } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { projects } = yield* V1ToV3Migration.getProjects()
 *   return projects.map((p) => `${p.liveProjectID} -> ${p.projectSlug}/${p.liveProjectSlug}`)
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const getProjects = Endpoint.operation(endpoints.getProjects)

/**
 * Gets a project by a legacy live or test project id. Unlike the Go SDK, an
 * empty `projectID` is rejected before any request is sent.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { V1ToV3Migration } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { project } = yield* V1ToV3Migration.getProject({ projectID: "project-live-c60c0abe-1234-4c1e-9d8a-0f1e2d3c4b5a" })
 *   return { projectSlug: project.projectSlug, environmentSlug: project.liveProjectSlug }
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const getProject = Endpoint.operation(endpoints.getProject)
