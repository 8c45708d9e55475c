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
 * @since 0.3.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import { RetryPolicy, StytchManagement, StytchProject } from "@stytch-effect/core"
import { M2M, M2MClients } from "@stytch-effect/resources"
import * as Cause from "effect/Cause"
import * as ConfigError from "effect/ConfigError"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"
import { ClientError, StytchError } from "./Errors.js"
import { fromFailure, promisify, type PromiseResource, type Run } from "./internal/runner.js"
import { type Unredacted, unredact } from "./internal/unredact.js"

/**
 * The settings of a {@link ProjectClient} (the official node SDK's names).
 * Without `project_id` and `secret`, they are read from
 * `STYTCH_PROJECT_ID` and `STYTCH_PROJECT_SECRET` (and
 * `STYTCH_PROJECT_BASE_URL`).
 *
 * @since 0.3.0
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
 * @since 0.3.0
 * @category models
 */
export interface ProjectClientOptions {
  /** The HTTP transport: an `HttpClient`, or a layer that builds one. Default: the platform's. */
  readonly httpClient?: HttpClient.HttpClient | Layer.Layer<HttpClient.HttpClient> | undefined
}

/**
 * `client.m2m.authenticateToken`'s request: the access token as a string.
 *
 * @since 0.3.0
 * @category models
 */
export interface AuthenticateTokenRequest extends Omit<M2M.AuthenticateTokenRequest, "accessToken"> {
  readonly accessToken: string
}

/**
 * `client.m2m.token`'s request: the client secret as a string.
 *
 * @since 0.3.0
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
 * @since 0.3.0
 * @category models
 */
export type M2MClientsResource = PromiseResource<typeof M2MClients> & {
  readonly secrets: Pick<PromiseResource<typeof M2MClients>, "rotateStart" | "rotate" | "rotateCancel">
  readonly searchAll: (request?: Omit<M2MClients.SearchRequest, "cursor">) => AsyncIterable<Unredacted<M2MClients.M2MClient>>
}

/**
 * `client.m2m`.
 *
 * @since 0.3.0
 * @category models
 */
export interface M2MResource {
  readonly clients: M2MClientsResource
  /** An access token (client-credentials grant), cached until a minute before it expires. */
  readonly token: (request: TokenRequest) => Promise<Unredacted<M2M.TokenResponse>>
  /** Verifies an access token locally against the project's JWKS. */
  readonly authenticateToken: (request: AuthenticateTokenRequest) => Promise<M2M.AuthenticateTokenResponse>
}

const absent = (value: unknown): boolean =>
  value === undefined || value === null || value === "" ||
  (Redacted.isRedacted(value) && absent(Redacted.value(value as Redacted.Redacted<unknown>)))

const describeConfigError = (e: ConfigError.ConfigError): string => (e._op === "InvalidData" ? e.message : String(e))

/** Checks the config synchronously; throws a `ClientError`, never mentioning the secret. */
const resolve = (config: ProjectClientConfig): StytchProject.Options => {
  if (config.timeout !== undefined && !(Number.isFinite(config.timeout) && config.timeout > 0)) {
    throw new ClientError("INVALID_CONFIG", `timeout must be a positive number of milliseconds, got ${config.timeout}`)
  }
  let options: StytchProject.Options
  if (absent(config.project_id) && absent(config.secret)) {
    const env = Effect.runSync(Effect.either(StytchProject.config))
    if (Either.isLeft(env)) {
      throw new ClientError(
        "MISSING_CREDENTIALS",
        `Missing "project_id" in config: pass project_id and secret to new ProjectClient(…), or set STYTCH_PROJECT_ID and STYTCH_PROJECT_SECRET`,
        { cause: env.left }
      )
    }
    options = env.right
  } else if (absent(config.project_id)) {
    throw new ClientError("MISSING_CREDENTIALS", `Missing "project_id" in config`)
  } else if (absent(config.secret)) {
    throw new ClientError("MISSING_CREDENTIALS", `Missing "secret" in config`)
  } else {
    options = { projectID: config.project_id!, secret: config.secret! }
  }
  if (config.custom_base_url !== undefined) options = { ...options, baseURL: config.custom_base_url }
  if (config.timeout !== undefined) options = { ...options, timeout: Duration.millis(config.timeout) }
  const checked = StytchProject.check(options)
  if (Either.isLeft(checked)) {
    const reason = describeConfigError(checked.left)
    if (checked.left._op === "InvalidData" && checked.left.path[0] === "baseURL") {
      throw new ClientError(
        "INVALID_BASE_URL",
        /https:/.test(reason) ? `custom_base_url must use HTTPS scheme: ${reason}` : `invalid custom_base_url: ${reason}`,
        { cause: checked.left }
      )
    }
    throw new ClientError("INVALID_CONFIG", reason.replace(/^projectID/, "project_id"), { cause: checked.left })
  }
  return options
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

const fromCause = (cause: Cause.Cause<unknown>): unknown => {
  const failure = Cause.failureOption(cause)
  if (Option.isSome(failure)) return fromProjectFailure(failure.value)
  if (Cause.isInterruptedOnly(cause)) return new ClientError("INTERRUPTED", "the operation was interrupted")
  return Cause.squash(cause)
}

/**
 * A client of one project's API with promise-returning methods:
 * `client.m2m.clients.*`, `client.m2m.token`, `client.m2m.authenticateToken`.
 *
 * The constructor checks its settings synchronously and throws a
 * {@link ClientError} (`MISSING_CREDENTIALS`, `INVALID_BASE_URL`,
 * `INVALID_CONFIG`). Call {@link ProjectClient.close} (or use `await using`)
 * when done.
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
 * @since 0.3.0
 * @category clients
 */
export class ProjectClient {
  /**
   * M2M clients, tokens and token verification.
   *
   * @since 0.3.0
   */
  readonly m2m: M2MResource
  /** @internal */
  readonly #runtime: ManagedRuntime.ManagedRuntime<StytchProject.StytchProject, unknown>
  /** @internal */
  readonly #description: string
  /** @internal */
  #closed = false

  /** @throws {ClientError} `MISSING_CREDENTIALS`, `INVALID_BASE_URL` or `INVALID_CONFIG`, before anything is sent. */
  constructor(config: ProjectClientConfig = {}, options: ProjectClientOptions = {}) {
    const resolved = resolve(config)
    const transport = options.httpClient === undefined
      ? StytchManagement.defaultHttpClient
      : Layer.isLayer(options.httpClient)
      ? (options.httpClient as Layer.Layer<HttpClient.HttpClient>)
      : Layer.succeed(HttpClient.HttpClient, options.httpClient as HttpClient.HttpClient)
    const client = StytchProject.layerWithHttpClient(resolved).pipe(Layer.provide(transport))
    const layer = config.max_retries === undefined
      ? client
      : Layer.merge(client, RetryPolicy.layer({ maxRetries: config.max_retries }))
    const managed = ManagedRuntime.make(layer)
    this.#runtime = managed
    this.#description = `ProjectClient { project_id: ${JSON.stringify(resolved.projectID)}, secret: <redacted> }`

    const run = <A>(effect: () => Effect.Effect<A, unknown, StytchProject.StytchProject>): Promise<A> =>
      new Promise((resolve, reject) => {
        if (this.#closed) return reject(new ClientError("CLIENT_CLOSED", "the ProjectClient was closed"))
        let program: Effect.Effect<A, unknown, StytchProject.StytchProject>
        try {
          program = effect()
        } catch (defect) {
          return reject(defect)
        }
        managed.runFork(program).addObserver((exit) =>
          exit._tag === "Success" ? resolve(exit.value) : reject(fromCause(exit.cause))
        )
      })

    const clients = promisify(M2MClients, run as unknown as Run)
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
      token: (request: TokenRequest) =>
        run(() => Effect.map(M2M.token(request), (r) => unredact(r) as Unredacted<M2M.TokenResponse>)),
      authenticateToken: (request: AuthenticateTokenRequest) => run(() => M2M.authenticateToken(request))
    })
  }

  /**
   * Releases the client's resources. Later calls reject with `CLIENT_CLOSED`. Idempotent.
   *
   * @since 0.3.0
   */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#runtime.dispose()
  }

  /**
   * Closes the client ({@link ProjectClient.close}):
   * `await using client = new ProjectClient(…)` closes it at the end of the block.
   *
   * @since 0.3.0
   */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close()
  }

  /**
   * A description for logs: the project id; never the secret.
   *
   * @since 0.3.0
   */
  toString(): string {
    return this.#description
  }

  /** @internal */
  toJSON(): string {
    return this.#description
  }

  /** @internal */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.#description
  }
}
