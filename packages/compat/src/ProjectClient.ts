/**
 * `ProjectClient`: the promise facade of a project's own API (M2M clients,
 * tokens), a drop-in for the official node SDK's (`stytch`) `client.m2m`:
 * same methods, same snake_case request and response fields (plain JSON
 * objects), same error classes and codes.
 *
 * ```ts
 * import { ProjectClient } from "@stytch-effect/compat"
 *
 * const client = new ProjectClient({ project_id: "project-live-…", secret: "secret-live-…" })
 * const { m2m_client } = await client.m2m.clients.create({ scopes: ["read:users"] })
 * const { access_token } = await client.m2m.token({ client_id: m2m_client.client_id, client_secret: m2m_client.client_secret })
 * const { client_id, scopes } = await client.m2m.authenticateToken({ access_token, required_scopes: ["read:users"] })
 * ```
 *
 * Each method runs the Effect operation of the same name (same retries,
 * timeout and tracing): the request is read with the operation's own schema
 * from its wire (snake_case) form, and the response is given back in its
 * wire form, so a facade's field is named exactly as on the wire and in
 * stytch-node's types (the Effect API stays camelCase). Failures reject with
 * a {@link StytchError} (API errors, with stytch-node's fields),
 * {@link RequestError} or {@link ClientError} (`jwt_invalid`, `jwt_too_old`,
 * `missing_scopes` from `authenticateToken`, as stytch-node's codes; the
 * request/config codes of `ManagementClient`).
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type { Endpoint } from "@stytch-effect/core"
import * as RetryPolicy from "@stytch-effect/core/RetryPolicy"
import * as CoreError from "@stytch-effect/core/StytchError"
import * as StytchProject from "@stytch-effect/core/StytchProject"
import * as M2M from "@stytch-effect/resources/M2M"
import * as M2MClients from "@stytch-effect/resources/M2MClients"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as ParseResult from "effect/ParseResult"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import { ClientError, StytchError } from "./Errors.js"
import { PromiseClient, transport } from "./internal/client.js"
import * as Config from "./internal/config.js"
import type * as m2m from "./internal/namespaces/m2m.js"
import { fromCause, fromFailure, type RequestOptions, type Run } from "./internal/runner.js"
import type { ProjectClientConfig } from "./internal/clientConfig.js"

export type {
  /**
   * `client.m2m.authenticateToken`'s request (stytch-node's names):
   * `access_token`, `required_scopes`, `max_token_age_seconds`,
   * `clock_tolerance_seconds`.
   *
   * @since 0.1.0
   * @category models
   */
  AuthenticateTokenRequest,
  /**
   * `client.m2m.token`'s request (stytch-node's names): `client_id`,
   * `client_secret`, `scopes`.
   *
   * @since 0.1.0
   * @category models
   */
  TokenRequest
} from "./internal/namespaces/m2m.js"


/**
 * How a {@link ProjectClient} sends requests: its HTTP transport.
 *
 * @since 0.1.0
 * @category models
 */
export interface ProjectClientOptions {
  /** The HTTP transport: an `HttpClient`, or a layer that builds one. Default: the platform's. */
  readonly httpClient?: HttpClient.HttpClient | Layer.Layer<HttpClient.HttpClient> | undefined
}

/** One method of the facade: a request, optional per-call options, a promise of the response. */
type Method<Request, Response> = (request: Request, options?: RequestOptions) => Promise<Response>

/**
 * `client.m2m.clients`, as stytch-node has it: `get`, `search`, `update`,
 * `delete`, `create`, and `secrets.rotateStart`, `secrets.rotateCancel`,
 * `secrets.rotate`; plus `searchAll`, an async iterable over every page.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MClientsResource {
  // Method syntax, as stytch-node declares them: a request type of stytch-node's (whose enums are open, `string`) is accepted.
  get(params: m2m.M2MClientsGetRequest, options?: RequestOptions): Promise<m2m.M2MClientsGetResponse>
  search(data: m2m.M2MClientsSearchRequest, options?: RequestOptions): Promise<m2m.M2MClientsSearchResponse>
  update(data: m2m.M2MClientsUpdateRequest, options?: RequestOptions): Promise<m2m.M2MClientsUpdateResponse>
  delete(data: m2m.M2MClientsDeleteRequest, options?: RequestOptions): Promise<m2m.M2MClientsDeleteResponse>
  create(data: m2m.M2MClientsCreateRequest, options?: RequestOptions): Promise<m2m.M2MClientsCreateResponse>
  readonly secrets: {
    rotateStart(
      data: m2m.M2MClientsSecretsRotateStartRequest,
      options?: RequestOptions
    ): Promise<m2m.M2MClientsSecretsRotateStartResponse>
    rotateCancel(
      data: m2m.M2MClientsSecretsRotateCancelRequest,
      options?: RequestOptions
    ): Promise<m2m.M2MClientsSecretsRotateCancelResponse>
    rotate(data: m2m.M2MClientsSecretsRotateRequest, options?: RequestOptions): Promise<m2m.M2MClientsSecretsRotateResponse>
  }
  /** Every client matching a search, page after page (`next_cursor` followed); not in stytch-node. */
  searchAll(request?: Omit<m2m.M2MClientsSearchRequest, "cursor">): AsyncIterable<m2m.M2MClient>
}

/**
 * `client.m2m`, as stytch-node has it.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MResource {
  readonly clients: M2MClientsResource
  /** An access token (client-credentials grant), cached until a minute before it expires. */
  token(data: m2m.TokenRequest, options?: RequestOptions): Promise<m2m.TokenResponse>
  /**
   * Verifies an M2M access token locally against the project's JWKS. The
   * `authorizationCheck`, when given, replaces the default `action:resource`
   * scope check and is called only when `required_scopes` is not empty (as
   * in stytch-node). Per-call options come third.
   */
  authenticateToken(
    data: m2m.AuthenticateTokenRequest,
    authorizationCheck?: m2m.ScopeAuthorizationFunc,
    options?: RequestOptions
  ): Promise<m2m.AuthenticateTokenResponse>
}

/** The project API's failures, in the facade's classes (stytch-node's codes for token verification). */
const fromProjectFailure = (error: unknown): Error => {
  if (Predicate.isTagged(error, "StytchApiError")) return new StytchError(error as never)
  if (Predicate.isTagged(error, "TokenVerificationError")) {
    const e = error as M2M.TokenVerificationError
    const code = e.reason === "TooOld" ? "jwt_too_old" : e.reason === "MissingScopes" ? "missing_scopes" : "jwt_invalid"
    // stytch-node's message is `<code>: <message>`; its `cause` of missing_scopes is the list of required scopes.
    // The request's option as this facade's caller spells it.
    const message = e.message.replace("maxTokenAgeSeconds", "max_token_age_seconds")
    return new ClientError(code, `${code}: ${message}`, { cause: e.reason === "MissingScopes" ? e.requiredScopes : e })
  }
  return fromFailure(error)
}

/** A request that does not fit its schema, described by paths and expectations only (never the values: secrets). */
const invalidRequest = (error: ParseResult.ParseError) => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const pathOf = (issue: ParseResult.ArrayFormatterIssue) => issue.path.map(String).join(".")
  return new CoreError.InvalidRequestError({
    kind: "Body",
    field: issues[0] === undefined ? "" : pathOf(issues[0]),
    message: issues.map((i) => `${pathOf(i) || "(root)"}: ${i.message.replace(/, actual [\s\S]*$/, "")}`).join("; ")
  })
}

const notAnObject = (request: unknown) =>
  typeof request === "object" && request !== null
    ? undefined
    : new CoreError.InvalidRequestError({ kind: "Body", field: "", message: "the request must be an object" })

/**
 * An operation of a resource module as a method on wire (snake_case) values:
 * the request is decoded with the endpoint's request schema (its path
 * parameters checked first, under their wire names), the operation runs, and
 * its response is encoded back with the endpoint's response schema: a plain
 * JSON object, secrets as strings, fields named as on the wire. Generic:
 * nothing here knows any endpoint.
 */
const wireMethod = (
  endpoint: Endpoint.Any,
  operation: (request: unknown) => Effect.Effect<unknown, unknown, StytchProject.StytchProject>,
  run: Run<StytchProject.StytchProject>
): Method<unknown, unknown> => {
  const decode = Schema.decodeUnknownEither(endpoint.request as Schema.Schema<unknown, unknown>)
  const encode = Schema.encodeSync(endpoint.response as Schema.Schema<unknown, unknown>)
  const call = (request: unknown): Effect.Effect<unknown, unknown, StytchProject.StytchProject> => {
    const problem = notAnObject(request)
    if (problem !== undefined) return Effect.fail(problem)
    for (const p of endpoint.pathParams) {
      const value = (request as Record<string, unknown>)[p.wire]
      if (typeof value !== "string" || value.trim() === "") {
        return Effect.fail(
          new CoreError.InvalidRequestError({ kind: "MissingPathParameter", field: p.wire, message: `${p.wire} cannot be empty` })
        )
      }
    }
    const decoded = decode(request)
    return Either.isLeft(decoded) ? Effect.fail(invalidRequest(decoded.left)) : operation(decoded.right)
  }
  return (request, options) => run(call, request, options, encode)
}

const encodeToken = Schema.encodeSync(M2M.TokenResponse) as (response: M2M.TokenResponse) => m2m.TokenResponse

export type {
  /**
   * The settings of a {@link ProjectClient} (the official node SDK's names).
   * Without `project_id` and `secret`, they are read from
   * `STYTCH_PROJECT_ID` and `STYTCH_PROJECT_SECRET` (and
   * `STYTCH_PROJECT_BASE_URL`).
   *
   * @since 0.1.0
   * @category models
   */
  ProjectClientConfig
} from "./internal/clientConfig.js"

/**
 * A client of one project's API with promise-returning methods, a drop-in
 * for stytch-node's `client.m2m`: `client.m2m.clients.*`,
 * `client.m2m.clients.secrets.*`, `client.m2m.token`,
 * `client.m2m.authenticateToken`, with stytch-node's snake_case fields.
 *
 * The constructor checks its settings synchronously and throws a
 * {@link ClientError} (`MISSING_CREDENTIALS`, `INVALID_BASE_URL`,
 * `INVALID_CONFIG`). Call {@link ProjectClient.close} (or use `await using`)
 * when done: it rejects the calls in flight with `CLIENT_CLOSED` and closes
 * their connections. `toString()` shows the project id, never the secret.
 *
 * @example
 * ```ts
 * import { ProjectClient } from "@stytch-effect/compat"
 *
 * const client = new ProjectClient({ project_id: "project-live-c60c0abe-1234-4c1e-9d8a-0f1e2d3c4b5a", secret: "secret-live-…" })
 *
 * export async function callerOf(authorization: string) {
 *   const access_token = authorization.replace(/^Bearer /, "")
 *   const { client_id } = await client.m2m.authenticateToken({ access_token, required_scopes: ["read:users"] })
 *   return client_id
 * }
 * ```
 *
 * @since 0.1.0
 * @category clients
 */
export class ProjectClient extends PromiseClient<StytchProject.StytchProject> {
  /**
   * M2M clients, tokens and token verification.
   *
   * @since 0.1.0
   */
  readonly m2m: M2MResource

  /** @throws {ClientError} `MISSING_CREDENTIALS`, `INVALID_BASE_URL` or `INVALID_CONFIG`, before anything is sent. */
  constructor(config: ProjectClientConfig = {}, options: ProjectClientOptions = {}) {
    const resolved = Config.resolveProject(config)
    const client = StytchProject.layerWithHttpClient(resolved).pipe(Layer.provide(transport(options.httpClient)))
    super(
      "ProjectClient",
      config.max_retries === undefined ? client : Layer.merge(client, RetryPolicy.layer({ maxRetries: config.max_retries })),
      `ProjectClient { project_id: ${JSON.stringify(resolved.projectID)}, secret: <redacted> }`,
      (cause) => fromCause(cause, fromProjectFailure)
    )
    const run = this.run

    const operations = M2MClients as unknown as Record<string, (request: unknown) => Effect.Effect<unknown, unknown, StytchProject.StytchProject>>
    const method = (name: keyof typeof M2MClients.endpoints) =>
      wireMethod(M2MClients.endpoints[name], operations[name]!, run)
    const search = method("search") as M2MClientsResource["search"]
    const searchAll = async function*(request: Omit<m2m.M2MClientsSearchRequest, "cursor"> = {}) {
      let cursor: string | null | undefined
      do {
        const page = await search(cursor === undefined || cursor === null ? request : { ...request, cursor })
        yield* page.m2m_clients
        cursor = page.results_metadata.next_cursor
      } while (cursor !== undefined && cursor !== null && cursor !== "")
    }
    const clients: M2MClientsResource = {
      get: method("get") as M2MClientsResource["get"],
      search,
      update: method("update") as M2MClientsResource["update"],
      delete: method("delete") as M2MClientsResource["delete"],
      create: method("create") as M2MClientsResource["create"],
      secrets: Object.freeze({
        rotateStart: method("rotateStart") as M2MClientsResource["secrets"]["rotateStart"],
        rotateCancel: method("rotateCancel") as M2MClientsResource["secrets"]["rotateCancel"],
        rotate: method("rotate") as M2MClientsResource["secrets"]["rotate"]
      }),
      searchAll
    }

    const token = (request: m2m.TokenRequest) => {
      const problem = notAnObject(request)
      if (problem !== undefined) return Effect.fail(problem)
      return M2M.token({ clientID: request.client_id, clientSecret: request.client_secret, scopes: request.scopes })
    }

    const authenticate = (check: m2m.ScopeAuthorizationFunc | undefined) => (request: m2m.AuthenticateTokenRequest) => {
      const problem = notAnObject(request)
      if (problem !== undefined) return Effect.fail(problem)
      const required = request.required_scopes
      return M2M.authenticateToken({
        accessToken: request.access_token,
        requiredScopes: required,
        maxTokenAgeSeconds: request.max_token_age_seconds,
        clockToleranceSeconds: request.clock_tolerance_seconds,
        // As in stytch-node: the check runs only when scopes are required.
        ...(check !== undefined && required !== undefined && required.length > 0
          ? { authorizationCheck: (hasScopes, requiredScopes) => check({ hasScopes: [...hasScopes], requiredScopes: [...requiredScopes] }) }
          : {})
      })
    }
    const toWire = (response: M2M.AuthenticateTokenResponse): m2m.AuthenticateTokenResponse => ({
      client_id: response.clientID,
      scopes: [...response.scopes],
      custom_claims: { ...response.customClaims }
    })

    this.m2m = Object.freeze({
      clients: Object.freeze(clients),
      token: (request: m2m.TokenRequest, options?: RequestOptions) =>
        run(token, request, options, encodeToken),
      authenticateToken: (
        request: m2m.AuthenticateTokenRequest,
        authorizationCheck?: m2m.ScopeAuthorizationFunc,
        options?: RequestOptions
      ) => {
        if (authorizationCheck !== undefined && typeof authorizationCheck !== "function") {
          return Promise.reject(
            new ClientError("INVALID_REQUEST", "authorizationCheck must be a function (per-call options are the third argument)", {
              field: "authorizationCheck"
            })
          )
        }
        return run(authenticate(authorizationCheck), request, options, toWire)
      }
    })
  }
}
