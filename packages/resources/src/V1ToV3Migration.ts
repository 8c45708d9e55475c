/**
 * Migration from the legacy (PWA v1) project model to v3: maps each project's
 * legacy live and test project ids to its v3 project and environment slugs.
 * Only the Go SDK exposes these endpoints.
 *
 * They are legacy endpoints under `/web/v1`, not `/pwa/v3`: their responses
 * carry `request_id` but no `status_code`, so `statusCode` is filled in from
 * the HTTP status (the response schemas say so: encoding leaves it out).
 *
 * @since 0.2.0
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
 * @since 0.2.0
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
 * @since 0.2.0
 * @category models
 */
export interface GetProjectsResponse extends Schema.Schema.Type<typeof GetProjectsResponse_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const GetProjectsResponse: Schema.Schema<GetProjectsResponse, typeof GetProjectsResponse_.Encoded> =
  GetProjectsResponse_

const GetProjectRequest_ = Schema.Struct({
  projectID: Wire.field("project_id", Wire.PathParam, "Legacy (PWA v1) live or test project id.")
})
/**
 * @since 0.2.0
 * @category models
 */
export interface GetProjectRequest extends Schema.Schema.Type<typeof GetProjectRequest_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const GetProjectRequest: Schema.Schema<GetProjectRequest, typeof GetProjectRequest_.Encoded> =
  GetProjectRequest_

const GetProjectResponse_ = legacyResponse({ project: LegacyProject })
/**
 * @since 0.2.0
 * @category models
 */
export interface GetProjectResponse extends Schema.Schema.Type<typeof GetProjectResponse_> {}
/**
 * @since 0.2.0
 * @category schemas
 */
export const GetProjectResponse: Schema.Schema<GetProjectResponse, typeof GetProjectResponse_.Encoded> =
  GetProjectResponse_

/**
 * The endpoint definitions of this group.
 *
 * @since 0.2.0
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
 * @since 0.2.0
 * @category operations
 */
export const getProjects = Endpoint.operation(endpoints.getProjects)

/**
 * Gets a project by a legacy live or test project id. Unlike the Go SDK, an
 * empty `projectID` is rejected before any request is sent.
 *
 * @since 0.2.0
 * @category operations
 */
export const getProject = Endpoint.operation(endpoints.getProject)
