/**
 * The `StytchManagement` service: a configured client for the Stytch
 * Management API that every operation of `@stytch-effect/resources` uses.
 *
 * ```ts
 * program.pipe(Effect.provide(StytchManagement.layerConfig()), Effect.runPromise)
 * ```
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpMethod from "@effect/platform/HttpMethod"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Credentials from "./Credentials.js"
import * as DefaultHttpClient from "#defaultHttpClient"
import { checkBaseURL } from "./internal/baseUrl.js"
import { makeSend } from "./internal/transport.js"
import { version } from "./internal/version.js"
import type { ResponseError } from "./StytchError.js"

/**
 * The default API origin.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_BASE_URL = "https://management.stytch.com"

/**
 * The default per-attempt timeout.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_TIMEOUT: Duration.Duration = Duration.seconds(60)

/**
 * Checks a base URL synchronously, exactly as {@link make} does: `https:`
 * anywhere, `http:` only for loopback hosts, no credentials, query or
 * fragment. Succeeds with the URL without a trailing slash, or fails with the
 * `ConfigError` that {@link make} would fail with. For constructors that must
 * reject a bad configuration at once (the promise facade's `ManagementClient`).
 *
 * @since 0.1.0
 * @category utils
 */
export const parseBaseURL = (input: string | URL): Either.Either<string, ConfigError.ConfigError> => {
  const checked = checkBaseURL(input)
  return "error" in checked ? Either.left(ConfigError.InvalidData(["baseURL"], checked.error)) : Either.right(checked.url)
}

/**
 * @since 0.1.0
 * @category options
 */
export interface Options {
  readonly credentials: Credentials.Credentials
  /** Default {@link DEFAULT_BASE_URL}. `http:` is accepted only for loopback hosts. */
  readonly baseURL?: string | URL | undefined
  /** Per-attempt timeout; the request is aborted when it elapses. Default 60 s. */
  readonly timeout?: Duration.DurationInput | undefined
  /** Appended to the `User-Agent` (`stytch-effect/<version> <name>/<version>`). */
  readonly appInfo?: { readonly name: string; readonly version?: string | undefined } | undefined
  /** Extra headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The checked base URL, without a trailing slash. */
  readonly baseURL: string
  /** Sends one request (auth, timeout, retries, error mapping). Used by every operation. */
  readonly send: (request: ApiRequest) => Effect.Effect<ApiResponse, ResponseError>
}

/**
 * What an operation hands to {@link Service.send}: one HTTP request of the
 * API with its path already built (parameters checked and percent-encoded),
 * its query pairs and its body as wire JSON. The service adds the base URL,
 * authorization, `User-Agent`, the timeout and retries.
 *
 * @since 0.1.0
 * @category models
 */
export interface ApiRequest {
  readonly method: HttpMethod.HttpMethod
  /** The URL path, e.g. `/pwa/v3/projects/my-project` (no base URL, no query). */
  readonly path: string
  /** Query parameters, unencoded; the transport encodes them. */
  readonly query: ReadonlyArray<readonly [string, string]>
  /** The JSON body (`undefined` for none). */
  readonly body: unknown
  /** Send without the service's `Authorization` header (a public endpoint). */
  readonly anonymous?: boolean | undefined
}

/**
 * What {@link Service.send} succeeds with: a 2xx status and the parsed JSON
 * body, still in wire (snake_case) form. Non-2xx answers are failures
 * (`StytchApiError` or `UnexpectedResponseError`), never an `ApiResponse`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ApiResponse {
  readonly status: number
  readonly body: unknown
}

/**
 * @since 0.1.0
 * @category tags
 */
export class StytchManagement extends Context.Tag("@stytch-effect/core/StytchManagement")<
  StytchManagement,
  Service
>() {}

/**
 * The `User-Agent` sent with every request.
 *
 * @since 0.1.0
 * @category utils
 */
export const userAgent = (appInfo?: Options["appInfo"]): string =>
  appInfo === undefined
    ? `stytch-effect/${version}`
    : `stytch-effect/${version} ${appInfo.name}${appInfo.version === undefined ? "" : `/${appInfo.version}`}`

/**
 * Builds the service over the `HttpClient` in context. Fails with a
 * `ConfigError` for a base URL that is malformed or would send credentials in
 * clear text.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: Options
): Effect.Effect<Service, ConfigError.ConfigError, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const credentials = yield* Credentials.validate((options as Partial<Options> | undefined)?.credentials)
    const baseURL = yield* parseBaseURL(options.baseURL ?? DEFAULT_BASE_URL)
    const client = yield* HttpClient.HttpClient
    const authorization = Effect.succeed(Credentials.authorization(credentials))
    const send = makeSend(client, {
      baseURL,
      timeout: Duration.decode(options.timeout ?? DEFAULT_TIMEOUT),
      headers: {
        ...options.headers,
        accept: "application/json",
        "user-agent": userAgent(options.appInfo)
      },
      authorization
    })
    return { baseURL, send }
  })

/**
 * A layer over the `HttpClient` you provide (a custom transport, or a fake).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWithHttpClient = (
  options: Options
): Layer.Layer<StytchManagement, ConfigError.ConfigError, HttpClient.HttpClient> =>
  Layer.effect(StytchManagement, make(options))

/**
 * The default transport of {@link layer}: on Node, `node:http`/`node:https`
 * with keep-alive agents (`@stytch-effect/core/NodeHttpClient`, destroyed with
 * the layer); on Bun, Deno, browsers and edge runtimes, `fetch`. The choice
 * is made by the `node` condition of the package's `imports` map, so non-Node
 * builds contain nothing node-only.
 *
 * @since 0.2.0
 * @category layers
 */
export const defaultHttpClient: Layer.Layer<HttpClient.HttpClient> = DefaultHttpClient.layer

/**
 * The name of {@link defaultHttpClient} in this build: `"node:http"` or
 * `"fetch"`.
 *
 * @since 0.2.0
 * @category layers
 */
export const defaultHttpClientName: "node:http" | "fetch" = DefaultHttpClient.name as "node:http" | "fetch"

/**
 * A layer that sends requests with the default transport of the platform
 * ({@link defaultHttpClient}: `node:http` on Node, `fetch` elsewhere). To
 * choose the transport (a custom agent, a proxy, another `HttpClient`), use
 * {@link layerWithHttpClient}.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<StytchManagement, ConfigError.ConfigError> =>
  layerWithHttpClient(options).pipe(Layer.provide(DefaultHttpClient.layer))

/**
 * Options read from the environment (or any `ConfigProvider`):
 * `STYTCH_WORKSPACE_KEY_ID` + `STYTCH_WORKSPACE_KEY_SECRET`, or
 * `STYTCH_ACCESS_TOKEN`; and `STYTCH_MANAGEMENT_BASE_URL`.
 *
 * @since 0.1.0
 * @category config
 */
export const config: Config.Config<Options> = Config.all({
  keyID: Config.option(Config.nonEmptyString("STYTCH_WORKSPACE_KEY_ID")),
  keySecret: Config.option(Config.redacted(Config.nonEmptyString("STYTCH_WORKSPACE_KEY_SECRET"))),
  token: Config.option(Config.redacted(Config.nonEmptyString("STYTCH_ACCESS_TOKEN"))),
  baseURL: Config.option(Config.nonEmptyString("STYTCH_MANAGEMENT_BASE_URL"))
}).pipe(
  Config.mapOrFail(({ baseURL, keyID, keySecret, token }): Either.Either<Options, ConfigError.ConfigError> => {
    const base = Option.getOrUndefined(baseURL)
    const checked = (credentials: Credentials.Credentials, ...fields: ReadonlyArray<readonly [string, "keyID" | "keySecret" | "token", unknown]>) => {
      for (const [name, kind, value] of fields) {
        const problem = Credentials.problem(kind, value)
        if (problem !== undefined) return Either.left(ConfigError.InvalidData([name], `${name} ${problem}`))
      }
      return Either.right({ credentials, baseURL: base })
    }
    if (Option.isSome(keyID) && Option.isSome(keySecret)) {
      return checked(
        Credentials.workspaceKey(keyID.value, keySecret.value),
        ["STYTCH_WORKSPACE_KEY_ID", "keyID", keyID.value],
        ["STYTCH_WORKSPACE_KEY_SECRET", "keySecret", keySecret.value]
      )
    }
    if (Option.isSome(token)) {
      return checked(Credentials.accessToken(token.value), ["STYTCH_ACCESS_TOKEN", "token", token.value])
    }
    return Either.left(
      ConfigError.MissingData(
        [],
        "Stytch credentials are missing: set STYTCH_WORKSPACE_KEY_ID and STYTCH_WORKSPACE_KEY_SECRET, or STYTCH_ACCESS_TOKEN"
      )
    )
  })
)

/**
 * Like {@link layer}, with credentials and base URL read from {@link config}.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  overrides: Omit<Options, "credentials" | "baseURL"> = {}
): Layer.Layer<StytchManagement, ConfigError.ConfigError> =>
  Layer.unwrapEffect(Effect.map(config, (options) => layer({ ...overrides, ...options })))
