/**
 * The `StytchProject` service: a configured client for one Stytch project's
 * own API (the "project" or "consumer" API: M2M clients, tokens, …),
 * authenticated with the project's id and one of its secrets (HTTP Basic).
 * Its endpoints are defined like the Management API's (`Endpoint.group(…,
 * { service: StytchProject })`) and go through the same pipeline: the same
 * checks, escaping, decoding, typed errors, retries and spans.
 *
 * ```ts
 * program.pipe(Effect.provide(StytchProject.layerConfig()), Effect.runPromise) // STYTCH_PROJECT_ID / _SECRET
 * ```
 *
 * The base URL follows the project id, as the official SDKs choose it:
 * `project-live-…` → `https://api.stytch.com`, anything else →
 * `https://test.stytch.com`; a custom base URL (a CNAME) must be `https:`
 * (`http:` only for loopback hosts).
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as DefaultHttpClient from "#defaultHttpClient"
import * as Credentials from "./Credentials.js"
import * as ClientAttempt from "./internal/clientAttempt.js"
import type { Transport } from "./internal/direct.js"
import { makeSend, secretList } from "./internal/transport.js"
import type { ResponseError } from "./StytchError.js"
import { type ApiRequest, type ApiResponse, DEFAULT_MAX_RESPONSE_SIZE, DEFAULT_TIMEOUT, parseBaseURL, userAgent } from "./StytchManagement.js"

/**
 * The API origin of LIVE projects.
 *
 * @since 0.1.0
 * @category constants
 */
export const LIVE_BASE_URL = "https://api.stytch.com"

/**
 * The API origin of TEST projects.
 *
 * @since 0.1.0
 * @category constants
 */
export const TEST_BASE_URL = "https://test.stytch.com"

/**
 * The base URL of a project id: {@link LIVE_BASE_URL} for an id starting
 * with `project-live-`, {@link TEST_BASE_URL} for anything else (as the
 * official node SDK decides).
 *
 * @since 0.1.0
 * @category utils
 */
export const baseURLFor = (projectID: string): string =>
  projectID.startsWith("project-live-") ? LIVE_BASE_URL : TEST_BASE_URL

/**
 * Options of {@link make} and {@link layer}: the project id and secret
 * (required), and optionally the base URL, per-attempt timeout, `User-Agent`
 * suffix and extra headers.
 *
 * @since 0.1.0
 * @category options
 */
export interface Options {
  /** The project id (`project-live-…`, `project-test-…`): HTTP Basic user name. */
  readonly projectID: string
  /** A secret of the project: HTTP Basic password. Held redacted. */
  readonly secret: string | Redacted.Redacted<string>
  /** Default: from the project id ({@link baseURLFor}). `http:` only for loopback hosts. */
  readonly baseURL?: string | URL | undefined
  /** Per-attempt timeout; the request is aborted when it elapses. Default 60 s. */
  readonly timeout?: Duration.DurationInput | undefined
  /** Appended to the `User-Agent`. */
  readonly appInfo?: { readonly name: string; readonly version?: string | undefined } | undefined
  /** Extra headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/**
 * The `StytchProject` service: the project id, the checked base URL and the
 * `send` every project-API operation goes through.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The project id requests are authenticated as. */
  readonly projectID: string
  /** The checked base URL, without a trailing slash. */
  readonly baseURL: string
  /** Sends one request (auth, timeout, retries, error mapping). Used by every project-API operation. */
  readonly send: (request: ApiRequest) => Effect.Effect<ApiResponse, ResponseError>
}

/**
 * The service tag every project-API operation requires (`M2MClients`, `M2M`).
 * Provide it with {@link layerConfig}, {@link layer}, {@link fromSecret} or
 * {@link layerWithHttpClient}.
 *
 * @since 0.1.0
 * @category tags
 */
export class StytchProject extends Context.Tag("@stytch-effect/core/StytchProject")<StytchProject, Service>() {}

const invalid = (field: string, message: string) => ConfigError.InvalidData([field], `${field} ${message}`)

/**
 * Checks options synchronously, as {@link make} does: the project id and
 * secret (non-blank, no control characters, no `:` in the id), and the base
 * URL. Succeeds with the base URL to use.
 *
 * @since 0.1.0
 * @category utils
 */
export const check = (options: Options): Either.Either<string, ConfigError.ConfigError> => {
  const o = (options ?? {}) as Partial<Options>
  const id = Credentials.problem("keyID", o.projectID)
  if (id !== undefined) return Either.left(invalid("projectID", id))
  const secret = Credentials.problem("keySecret", o.secret)
  if (secret !== undefined) return Either.left(invalid("secret", secret))
  return parseBaseURL(o.baseURL ?? baseURLFor(o.projectID!))
}

/**
 * Builds the service over the `HttpClient` in context. Fails with a
 * `ConfigError` naming the field (never its value) for a missing or
 * malformed project id or secret, or a base URL that is malformed or would
 * send the secret in clear text.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<Service, ConfigError.ConfigError, HttpClient.HttpClient> =>
  makeWith(options, ClientAttempt.transport)

/**
 * {@link make} over the transport `transport` yields, once the options are
 * checked: the attempt of the `HttpClient` in context in {@link make}, the
 * platform's own in the default layer, whose bundle therefore carries
 * neither an `HttpClient` nor the attempt over a supplied one.
 */
const makeWith = <R>(
  options: Options,
  transport: Effect.Effect<Transport, never, R>
): Effect.Effect<Service, ConfigError.ConfigError, R> =>
  Effect.gen(function*() {
    const baseURL = yield* check(options)
    const credentials = Credentials.workspaceKey(options.projectID, options.secret)
    const authorization = Credentials.authorization(credentials)
    const secret = Redacted.value(credentials.keySecret)
    const header = Redacted.value(authorization)
    const send = makeSend(yield* transport, {
      baseURL,
      timeout: Duration.decode(options.timeout ?? DEFAULT_TIMEOUT),
      deadline: undefined,
      maxResponseBytes: DEFAULT_MAX_RESPONSE_SIZE,
      headers: { ...options.headers, accept: "application/json", "user-agent": userAgent(options.appInfo) },
      authorization,
      // Never repeated in an error: the secret in every form it is sent, and configured header values.
      secrets: secretList([secret, `${options.projectID}:${secret}`, header, header.slice(header.indexOf(" ") + 1), ...Object.values(options.headers ?? {})])
    })
    return { projectID: options.projectID, baseURL, send }
  })

/**
 * A layer over the `HttpClient` you provide (a custom transport, or a fake).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWithHttpClient = (
  options: Options
): Layer.Layer<StytchProject, ConfigError.ConfigError, HttpClient.HttpClient> => Layer.effect(StytchProject, make(options))

/**
 * A layer sending with the platform's default transport (`node:http` on
 * Node, `fetch` elsewhere), as `StytchManagement.layer` does.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { StytchProject } from "@stytch-effect/core"
 * import { M2M } from "@stytch-effect/resources"
 *
 * const project = StytchProject.layer({ projectID: "project-test-6c20cd16-73d5-44f7-852c-9a7e7b2ccf62", secret: "secret-test-…" })
 * const program = M2M.token({ clientID: "m2m-client-test-0a1b2c", clientSecret: "…" }).pipe(Effect.provide(project))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<StytchProject, ConfigError.ConfigError> =>
  Layer.scoped(StytchProject, makeWith(options, DefaultHttpClient.transport))

/**
 * Options read from the environment (or any `ConfigProvider`):
 * `STYTCH_PROJECT_ID`, `STYTCH_PROJECT_SECRET` and, optionally,
 * `STYTCH_PROJECT_BASE_URL`.
 *
 * @since 0.1.0
 * @category config
 */
export const config: Config.Config<Options> = /* @__PURE__ */ Config.suspend(() =>
  // Built when read, so a program that never reads the configuration does not bundle it.
  Config.all({
    projectID: Config.nonEmptyString("STYTCH_PROJECT_ID"),
    secret: Config.redacted(Config.nonEmptyString("STYTCH_PROJECT_SECRET")),
    baseURL: Config.option(Config.nonEmptyString("STYTCH_PROJECT_BASE_URL"))
  }).pipe(
    Config.mapOrFail(({ baseURL, projectID, secret }): Either.Either<Options, ConfigError.ConfigError> => {
      const id = Credentials.problem("keyID", projectID)
      if (id !== undefined) return Either.left(invalid("STYTCH_PROJECT_ID", id))
      const problem = Credentials.problem("keySecret", secret)
      if (problem !== undefined) return Either.left(invalid("STYTCH_PROJECT_SECRET", problem))
      return Either.right({ projectID, secret, baseURL: Option.getOrUndefined(baseURL) })
    })
  )
)

/**
 * Like {@link layer}, with the project id, secret and base URL read from
 * {@link config}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { StytchProject } from "@stytch-effect/core"
 * import { M2MClients } from "@stytch-effect/resources"
 *
 * // STYTCH_PROJECT_ID and STYTCH_PROJECT_SECRET from the environment
 * const program = M2MClients.search({ limit: 10 }).pipe(Effect.provide(StytchProject.layerConfig()))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  overrides: Omit<Options, "projectID" | "secret" | "baseURL"> = {}
): Layer.Layer<StytchProject, ConfigError.ConfigError> =>
  Layer.unwrapEffect(Effect.map(config, (options) => layer({ ...overrides, ...options })))

/**
 * The options of a project client from what the Management API just
 * returned: an environment (`Environments.Environment`, for its
 * `projectID`) and a secret created in it (`Secrets.Secret`, for its value).
 *
 * @since 0.1.0
 * @category constructors
 */
export const optionsFromSecret = (
  environment: { readonly projectID: string },
  secret: { readonly secret: Redacted.Redacted<string> | string },
  options: Omit<Options, "projectID" | "secret"> = {}
): Options => ({ ...options, projectID: environment.projectID, secret: secret.secret })

/**
 * Bridges the two APIs: a ready project layer from an environment and a
 * secret just created in it through the Management API.
 *
 * ```ts
 * const { secret } = yield* Secrets.create({ projectSlug, environmentSlug: live.environmentSlug })
 * const clients = yield* M2MClients.search({}).pipe(Effect.provide(StytchProject.fromSecret(live, secret)))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const fromSecret = (
  environment: { readonly projectID: string },
  secret: { readonly secret: Redacted.Redacted<string> | string },
  options: Omit<Options, "projectID" | "secret"> = {}
): Layer.Layer<StytchProject, ConfigError.ConfigError> => layer(optionsFromSecret(environment, secret, options))
