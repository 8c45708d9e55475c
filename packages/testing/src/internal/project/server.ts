/**
 * The project API of the fake (`/v1/…`): per-project routes from the
 * project-API registry (`ProjectApi.groups`), authenticated with the
 * project id and one of the project's secrets created through the Management
 * API (HTTP Basic), except the public token and JWKS endpoints. Called by
 * `FakeServer.handle` for `/v1/` paths; faults and the request log are the
 * FakeServer's.
 *
 * @internal
 */
import type { Endpoint } from "@stytch-effect/core"
import { ProjectApi } from "@stytch-effect/resources"
import * as Effect from "effect/Effect"
import { FakeError } from "../errors.js"
import { isSecretOf } from "../handlers/secrets.js"
import type { Workspace } from "../state.js"
import {
  environmentByProjectID,
  FakeErrorWithDetails,
  type M2MTokenResponse,
  type ProjectHandler,
  type ProjectHandlers
} from "./common.js"
import { m2m, OAuthError } from "./m2m.js"
import { m2mClients } from "./m2mClients.js"
import { answer, compileRoute, type Route as CompiledRoute, wireInput } from "../route.js"

const handlers: { readonly [K in ProjectApi.GroupName]: ProjectHandlers<ProjectApi.Groups[K]> } = { m2mClients, m2m }

type Route = CompiledRoute<ProjectHandler<Endpoint.Any>>

const routes: ReadonlyArray<Route> = Object.entries(ProjectApi.groups).flatMap(([group, module]) =>
  Object.entries(module.endpoints as Record<string, Endpoint.Any>).map(([name, endpoint]) =>
    compileRoute(endpoint, (handlers as Record<string, Record<string, ProjectHandler<Endpoint.Any>>>)[group]![name]!)
  )
)

/** A project-API request matched to its route (or to none). @internal */
export interface ProjectMatch {
  readonly route: Route | undefined
  readonly params: ReadonlyArray<string>
  /** `group.name`, for the request log. */
  readonly operation: string | undefined
}

/** Whether a path is the project API's, and its route. @internal */
export const matchProject = (method: string, path: string): ProjectMatch | undefined => {
  if (!path.startsWith("/v1/")) return undefined
  for (const route of routes) {
    if (route.endpoint.method !== method) continue
    const m = route.pattern.exec(path)
    if (m === null) continue
    try {
      const params = m.slice(1).map(decodeURIComponent)
      return { route, params, operation: `${route.endpoint.group}.${route.endpoint.name}` }
    } catch {
      return { route: undefined, params: [], operation: undefined }
    }
  }
  return { route: undefined, params: [], operation: undefined }
}

/** The project id of a `Basic` header whose password is a secret of that project. @internal */
const authenticated = (workspace: Workspace, header: string | undefined) => {
  const m = /^Basic (.+)$/.exec(header ?? "")
  if (m === null) return undefined
  const decoded = Buffer.from(m[1]!, "base64").toString("utf8")
  const colon = decoded.indexOf(":")
  if (colon === -1) return undefined
  const environment = environmentByProjectID(workspace, decoded.slice(0, colon))
  return environment !== undefined && isSecretOf(environment, decoded.slice(colon + 1)) ? environment : undefined
}

/** Whether a project-API request is authorized (public endpoints always are). @internal */
export const projectAuthorized = (workspace: Workspace, match: ProjectMatch, authorization: string | undefined): boolean =>
  match.route?.endpoint.anonymous === true || authenticated(workspace, authorization) !== undefined

const json = (status: number, body: unknown, headers: Readonly<Record<string, string>> = {}) => ({
  _tag: "Response" as const,
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body)
})

/** The headers an OAuth 2.0 server sends with a token response (RFC 6749 §5.1). */
const plainOAuthHeaders = { "cache-control": "no-store", pragma: "no-cache" }

/** A form-encoded body (stytch-node sends the token request so) as the wire object. */
const formBody = (body: unknown, contentType: string | undefined): unknown =>
  typeof body === "string" && /^application\/x-www-form-urlencoded\b/i.test(contentType ?? "")
    ? Object.fromEntries(new URLSearchParams(body))
    : body

/**
 * The error body: the OAuth2 shape for the token endpoint (only `error` and
 * `error_description` from a plain OAuth server), the project-API shape (with
 * `error_details`) otherwise.
 */
const errorResponse = (requestID: string, error: FakeError, mode: M2MTokenResponse) => {
  const url = `https://stytch.com/docs/api/errors/${error.status}#${error.errorType}`
  if (error instanceof OAuthError && mode === "plainOAuth") {
    return json(error.status, { error: error.errorType, error_description: error.errorMessage }, plainOAuthHeaders)
  }
  if (error instanceof OAuthError) {
    return json(error.status, {
      status_code: error.status,
      request_id: requestID,
      error: error.errorType,
      error_description: error.errorMessage,
      error_uri: url
    })
  }
  return json(error.status, {
    status_code: error.status,
    request_id: requestID,
    error_type: error.errorType,
    error_message: error.errorMessage,
    error_url: url,
    ...(error instanceof FakeErrorWithDetails ? { error_details: error.details } : {})
  })
}

/** Serves one project-API request. @internal */
export const handleProject = (
  workspace: Workspace,
  match: ProjectMatch,
  request: { readonly method: string; readonly url: URL; readonly headers: Readonly<Record<string, string | undefined>> },
  body: unknown,
  requestID: string,
  now: string,
  m2mTokenResponse: M2MTokenResponse
) =>
  Effect.sync(() => {
    const fail = (error: FakeError) => errorResponse(requestID, error, m2mTokenResponse)
    const route = match.route
    if (route === undefined) {
      return fail(new FakeError(404, "route_not_found", `No route for ${request.method} ${request.url.pathname}.`))
    }
    const isToken = route.endpoint.group === "m2m" && route.endpoint.name === "token"
    const wire = wireInput(route, isToken ? formBody(body, request.headers["content-type"]) : body, request.url, match.params)
    let environment
    if (route.endpoint.anonymous) {
      environment = environmentByProjectID(workspace, String(wire["project_id"]))
      if (environment === undefined) {
        const error = route.endpoint.name === "token"
          ? new OAuthError(404, "project_not_found", "Project not found.")
          : new FakeError(404, "project_not_found", "Project not found.")
        return fail(error)
      }
    } else {
      environment = authenticated(workspace, request.headers["authorization"])
      if (environment === undefined) {
        return fail(new FakeError(401, "unauthorized_credentials", "Unauthorized credentials: project_id and secret do not match."))
      }
    }
    if (isToken && wire["grant_type"] !== "client_credentials") {
      return fail(new OAuthError(400, "unsupported_grant_type", "Only the client_credentials grant is supported here."))
    }
    const decoded = route.decode(wire)
    if (decoded._tag === "Left") {
      const error = isToken
        ? new OAuthError(400, "invalid_request", "The token request is malformed.")
        : new FakeError(400, "bad_request", `Invalid request: ${String(decoded.left)}`)
      return fail(error)
    }
    const answered = answer(route, requestID, () => route.handler(decoded.right as never, { workspace, environment, now, m2mTokenResponse }))
    if (answered._tag === "Left") return fail(answered.left)
    if (isToken && m2mTokenResponse === "plainOAuth") {
      const { request_id: _, status_code: __, ...plain } = answered.right as Record<string, unknown>
      return json(200, plain, plainOAuthHeaders)
    }
    return json(200, answered.right)
  })
