/**
 * `ProjectClient`: the promise facade of a project's own API (M2M clients,
 * tokens), shaped like the official node SDK's `client.m2m`.
 *
 * ```ts
 * import { ProjectClient } from "@stytch-effect/compat"
 *
 * const client = new ProjectClient({ project_id: "project-live-…", secret: "secret-live-…" })
 * const { m2mClient } = await client.m2m.clients.create({ scopes: ["read:users"] })
 * const { accessToken } = await client.m2m.token({ clientID: m2mClient.clientID, clientSecret: m2mClient.clientSecret })
 * const { clientID, scopes } = await client.m2m.authenticateToken({ accessToken, requiredScopes: ["read:users"] })
 * ```
 *
 * Each method runs the Effect operation of the same name (same request,
 * same camelCase response, same retries, timeout and tracing); secrets are
 * plain strings. Failures reject with a {@link StytchError} (API errors,
 * with the official SDK's fields), {@link RequestError} or
 * {@link ClientError} (`JWT_INVALID`, `JWT_TOO_OLD`, `MISSING_SCOPES` from
 * `authenticateToken`, and the request/config codes of `ManagementClient`).
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import { RetryPolicy, StytchProject } from "@stytch-effect/core"
import { M2M, M2MClients } from "@stytch-effect/resources"
import * as Layer from "effect/Layer"
import * as Predicate from "effect/Predicate"
import type * as Redacted from "effect/Redacted"
import { ClientError, StytchError } from "./Errors.js"
import { PromiseClient, transport } from "./internal/client.js"
import * as Config from "./internal/config.js"
import { fromCause, fromFailure, promisify, type PromiseResource, type RequestOptions } from "./internal/runner.js"
import { type Unredacted, unredact } from "./internal/unredact.js"

/**
 * The settings of a {@link ProjectClient} (the official node SDK's names).
 * Without `project_id` and `secret`, they are read from
 * `STYTCH_PROJECT_ID` and `STYTCH_PROJECT_SECRET` (and
 * `STYTCH_PROJECT_BASE_URL`).
 *
 * @since 0.1.0
 * @category models
 */
export interface ProjectClientConfig {
  /** The project id; `project-live-…` sends to api.stytch.com, anything else to test.stytch.com. */
  readonly project_id?: string | undefined
  /** A secret of the project. Held redacted. */
  readonly secret?: string | Redacted.Redacted<string> | undefined
  /** A custom base URL (a CNAME): `https:` only (`http:` for loopback hosts). */
  readonly custom_base_url?: string | undefined
  /** Per-attempt timeout in milliseconds. Default 60000. */
  readonly timeout?: number | undefined
  /** Retries of a retryable failure. Default 2; `0` turns retries off. */
  readonly max_retries?: number | undefined
}

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

/**
 * `client.m2m.authenticateToken`'s request: the access token as a string.
 *
 * @since 0.1.0
 * @category models
 */
export interface AuthenticateTokenRequest extends Omit<M2M.AuthenticateTokenRequest, "accessToken"> {
  readonly accessToken: string
}

/**
 * `client.m2m.token`'s request: the client secret as a string.
 *
 * @since 0.1.0
 * @category models
 */
export interface TokenRequest extends Omit<M2M.TokenRequest, "clientSecret"> {
  readonly clientSecret: string
}

/**
 * `client.m2m.clients`: every `M2MClients` operation, the rotation steps
 * also under `secrets` (as the official node SDK names them), and
 * `searchAll`, an async iterable over every page.
 *
 * @since 0.1.0
 * @category models
 */
export type M2MClientsResource = PromiseResource<typeof M2MClients> & {
  readonly secrets: Pick<PromiseResource<typeof M2MClients>, "rotateStart" | "rotate" | "rotateCancel">
  readonly searchAll: (request?: Omit<M2MClients.SearchRequest, "cursor">) => AsyncIterable<Unredacted<M2MClients.M2MClient>>
}

/**
 * `client.m2m`.
 *
 * @since 0.1.0
 * @category models
 */
export interface M2MResource {
  readonly clients: M2MClientsResource
  /** An access token (client-credentials grant), cached until a minute before it expires. */
  readonly token: (request: TokenRequest, options?: RequestOptions) => Promise<Unredacted<M2M.TokenResponse>>
  /** Verifies an access token locally against the project's JWKS. */
  readonly authenticateToken: (request: AuthenticateTokenRequest, options?: RequestOptions) => Promise<M2M.AuthenticateTokenResponse>
}

/** The project API's failures, in the facade's classes. */
const fromProjectFailure = (error: unknown): Error => {
  if (Predicate.isTagged(error, "StytchApiError")) return new StytchError(error as never)
  if (Predicate.isTagged(error, "TokenVerificationError")) {
    const e = error as M2M.TokenVerificationError
    switch (e.reason) {
      case "TooOld":
        return new ClientError("JWT_TOO_OLD", e.message, { cause: e })
      case "MissingScopes":
        return new ClientError("MISSING_SCOPES", e.message, { cause: e.requiredScopes })
      default:
        return new ClientError("JWT_INVALID", e.message, { cause: e })
    }
  }
  return fromFailure(error)
}

/**
 * A client of one project's API with promise-returning methods:
 * `client.m2m.clients.*`, `client.m2m.token`, `client.m2m.authenticateToken`.
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
 *   const accessToken = authorization.replace(/^Bearer /, "")
 *   const { clientID } = await client.m2m.authenticateToken({ accessToken, requiredScopes: ["read:users"] })
 *   return clientID
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

    const clients = promisify(M2MClients, run)
    const searchAll = async function*(request: Omit<M2MClients.SearchRequest, "cursor"> = {}) {
      let cursor: string | undefined
      do {
        const page = await clients.search(cursor === undefined ? request : { ...request, cursor })
        yield* page.m2mClients
        cursor = page.resultsMetadata.nextCursor ?? undefined
      } while (cursor !== undefined && cursor !== "")
    }
    this.m2m = Object.freeze({
      clients: Object.freeze({
        ...clients,
        secrets: Object.freeze({ rotateStart: clients.rotateStart, rotate: clients.rotate, rotateCancel: clients.rotateCancel }),
        searchAll
      }) as M2MClientsResource,
      token: (request: TokenRequest, options?: RequestOptions) =>
        run(M2M.token, request, options, unredact as (response: M2M.TokenResponse) => Unredacted<M2M.TokenResponse>),
      authenticateToken: (request: AuthenticateTokenRequest, options?: RequestOptions) =>
        run(M2M.authenticateToken, request, options)
    })
  }
}
