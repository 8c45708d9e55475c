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
import type { ApiRequest, ApiResponse } from "./internal/api.js"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { dual } from "effect/Function"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Credentials from "./Credentials.js"
import * as DefaultHttpClient from "#defaultHttpClient"
import { checkBaseURL } from "./internal/baseUrl.js"
import { checkDuration, checkHeaders, currentRequestOptions } from "./internal/requestOptions.js"
import * as ClientAttempt from "./internal/clientAttempt.js"
import type { Transport } from "./internal/direct.js"
import { makeSend, secretList } from "./internal/transport.js"
import { version } from "./internal/version.js"
import { InvalidRequestError, type ResponseError } from "./StytchError.js"

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
 * The default limit of a response body: 16 MiB (decoded). The API's answers
 * are a few kilobytes.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_MAX_RESPONSE_SIZE = 16 * 1024 * 1024

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
 * Options of {@link make} and {@link layer}: the credentials (required), and
 * optionally the base URL, per-attempt timeout, overall deadline, `User-Agent`
 * suffix, extra headers and response size limit.
 *
 * @since 0.1.0
 * @category options
 */
export interface Options {
  /** A workspace key, an access token, or (advanced) a `Credentials.TokenSource`. */
  readonly credentials: Credentials.Credentials | Credentials.TokenSource
  /** Default {@link DEFAULT_BASE_URL}. `http:` is accepted only for loopback hosts. */
  readonly baseURL?: string | URL | undefined
  /** Per-attempt timeout; the request is aborted when it elapses. Default 60 s. */
  readonly timeout?: Duration.DurationInput | undefined
  /** Appended to the `User-Agent` (`stytch-effect/<version> <name>/<version>`). */
  readonly appInfo?: { readonly name: string; readonly version?: string | undefined } | undefined
  /**
   * Extra headers sent with every request. Names must be HTTP tokens, values
   * visible Latin-1 (no CR, LF, NUL or other control character); `host`,
   * `authorization`, `content-length`, `transfer-encoding`, `connection` and
   * the other framing headers cannot be set. Anything else is a
   * `ConfigError` naming the header, never its value.
   */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /**
   * An overall bound on a call: every attempt and every wait between them.
   * When it elapses the call fails with `TransportError` `Timeout` (the
   * request in flight is aborted); a retry whose wait would end past it is
   * not made (the last error is returned). Default: none (each attempt is
   * still bounded by `timeout`).
   */
  readonly deadline?: Duration.DurationInput | undefined
  /**
   * The largest response body read, in bytes, after decompression. A larger
   * one is not read: the connection is closed and the call fails with
   * `UnexpectedResponseError`. Default {@link DEFAULT_MAX_RESPONSE_SIZE} (16 MiB).
   */
  readonly maxResponseSize?: number | undefined
}

/**
 * Per-call overrides of the client's settings ({@link withRequestOptions}).
 *
 * @since 0.1.0
 * @category options
 */
export interface RequestOptions {
  /** The per-attempt timeout of this call. */
  readonly timeout?: Duration.DurationInput | undefined
  /** The overall bound of this call (see {@link Options.deadline}). */
  readonly deadline?: Duration.DurationInput | undefined
  /** Retries of this call; the retry policy is not asked past it. `0` for none. */
  readonly maxRetries?: number | undefined
  /** Extra headers for this call (checked like {@link Options.headers}), over the client's. */
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/**
 * The `StytchManagement` service: the checked base URL and the `send` every
 * Management API operation goes through.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The checked base URL, without a trailing slash. */
  readonly baseURL: string
  /** Sends one request (auth, timeout, retries, error mapping). Used by every operation. */
  readonly send: (request: ApiRequest) => Effect.Effect<ApiResponse, ResponseError>
}

export type {
  /**
   * What an operation hands to {@link Service.send}: one HTTP request of the
   * API with its path already built (parameters checked and percent-encoded),
   * its query pairs and its body as wire JSON. The service adds the base URL,
   * authorization, `User-Agent`, the timeout and retries.
   *
   * @since 0.1.0
   * @category models
   */
  ApiRequest,
  /**
   * What {@link Service.send} succeeds with: a 2xx status and the parsed JSON
   * body, still in wire (snake_case) form. Non-2xx answers are failures
   * (`StytchApiError` or `UnexpectedResponseError`), never an `ApiResponse`.
   *
   * @since 0.1.0
   * @category models
   */
  ApiResponse
} from "./internal/api.js"

/**
 * The service tag every Management API operation requires
 * (`Effect<…, …, StytchManagement>`). Provide it with {@link layerConfig},
 * {@link layer} or {@link layerWithHttpClient} (`OAuth.layer` for OAuth
 * sign-in, `FakeManagementApi.layer` in tests).
 *
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
    const credentials = yield* Credentials.validate((options as Partial<Options> | undefined)?.credentials)
    const baseURL = yield* parseBaseURL(options.baseURL ?? DEFAULT_BASE_URL)
    const headers = checkHeaders(options.headers)
    if ("problem" in headers) return yield* Effect.fail(ConfigError.InvalidData(headers.field.split("."), headers.problem))
    const appInfo = options.appInfo
    if (appInfo !== undefined) {
      for (const [field, value, required] of [["name", appInfo.name, true], ["version", appInfo.version, false]] as const) {
        if (value === undefined && !required) continue
        if (typeof value !== "string" || value.trim() === "" || !/^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/.test(value)) {
          return yield* Effect.fail(ConfigError.InvalidData(
            ["appInfo", field],
            `appInfo.${field} must be a non-empty string of visible ASCII (it is sent in the User-Agent header)`
          ))
        }
      }
    }
    const timeout = options.timeout === undefined ? DEFAULT_TIMEOUT : checkDuration(options.timeout)
    if (typeof timeout === "string") return yield* Effect.fail(ConfigError.InvalidData(["timeout"], `timeout ${timeout}`))
    const deadline = options.deadline === undefined ? undefined : checkDuration(options.deadline)
    if (typeof deadline === "string") return yield* Effect.fail(ConfigError.InvalidData(["deadline"], `deadline ${deadline}`))
    const maxResponseSize = options.maxResponseSize ?? DEFAULT_MAX_RESPONSE_SIZE
    if (!(typeof maxResponseSize === "number" && maxResponseSize > 0 && !Number.isNaN(maxResponseSize))) {
      return yield* Effect.fail(ConfigError.InvalidData(["maxResponseSize"], "maxResponseSize must be a positive number of bytes"))
    }
    // A token source (OAuth) yields a fresh header per attempt; its tokens are scrubbed from errors
    // by the transport's cause copying (message fields only), not by value.
    const authorization = credentials._tag === "TokenSource"
      ? credentials.authorization
      : Credentials.authorization(credentials)
    const secrets = credentials._tag === "TokenSource"
      ? Object.values(headers.headers)
      : secretsOf(credentials, Credentials.authorization(credentials), headers.headers)
    const send = makeSend(yield* transport, {
      baseURL,
      timeout,
      deadline,
      maxResponseBytes: maxResponseSize,
      headers: {
        ...headers.headers,
        accept: "application/json",
        "user-agent": userAgent(options.appInfo)
      },
      authorization,
      secrets: secretList(secrets)
    })
    return { baseURL, send }
  })

/** Everything an error must never repeat: the credentials in every form they are sent, and configured header values. */
const secretsOf = (
  credentials: Credentials.WorkspaceKey | Credentials.AccessToken,
  authorization: Redacted.Redacted<string>,
  headers: Readonly<Record<string, string>>
): Array<string> => {
  const header = Redacted.value(authorization)
  const own = credentials._tag === "WorkspaceKey"
    ? [Redacted.value(credentials.keySecret), `${credentials.keyID}:${Redacted.value(credentials.keySecret)}`]
    : [Redacted.value(credentials.token)]
  return [header, header.slice(header.indexOf(" ") + 1), ...own, ...Object.values(headers)]
}

/**
 * Runs an effect (one or more operations) with per-call overrides of the
 * client's timeout, deadline, retry limit and headers. Invalid options fail
 * with `InvalidRequestError` (kind `RequestOption`, naming the option or
 * header, never its value) and nothing is sent. Cancelling a call needs no
 * option: interrupt its fiber (`Effect.timeout`, `Fiber.interrupt`, …) and
 * the request in flight is aborted.
 *
 * ```ts
 * Projects.get({ projectSlug }).pipe(
 *   StytchManagement.withRequestOptions({ timeout: "2 seconds", maxRetries: 0, headers: { "x-request-id": id } })
 * )
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withRequestOptions: {
  (options: RequestOptions): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E | InvalidRequestError, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, options: RequestOptions): Effect.Effect<A, E | InvalidRequestError, R>
} = dual(2, <A, E, R>(self: Effect.Effect<A, E, R>, options: RequestOptions) => {
  const resolved = resolveRequestOptions(options)
  return "field" in resolved
    ? Effect.fail(new InvalidRequestError({ kind: "RequestOption", field: resolved.field, message: resolved.message }))
    : Effect.locallyWith(self, currentRequestOptions, (outer) =>
      outer === undefined ? resolved : {
        timeout: resolved.timeout ?? outer.timeout,
        deadline: resolved.deadline ?? outer.deadline,
        maxRetries: resolved.maxRetries ?? outer.maxRetries,
        headers: resolved.headers === undefined
          ? outer.headers
          : outer.headers === undefined
          ? resolved.headers
          : { ...outer.headers, ...resolved.headers }
      })
})

/** @internal */
export const resolveRequestOptions = (options: RequestOptions) => {
  const fail = (field: string, message: string) => ({ field, message })
  if (typeof options !== "object" || options === null) return fail("options", "request options must be an object")
  const timeout = options.timeout === undefined ? undefined : checkDuration(options.timeout)
  if (typeof timeout === "string") return fail("timeout", `timeout ${timeout}`)
  const deadline = options.deadline === undefined ? undefined : checkDuration(options.deadline)
  if (typeof deadline === "string") return fail("deadline", `deadline ${deadline}`)
  const maxRetries = options.maxRetries
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    return fail("maxRetries", "maxRetries must be a non-negative integer")
  }
  let headers: Readonly<Record<string, string>> | undefined
  if (options.headers !== undefined) {
    const checked = checkHeaders(options.headers)
    if ("problem" in checked) return fail(checked.field, checked.problem)
    headers = checked.headers
  }
  return { timeout, deadline, maxRetries, headers }
}

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
 * @since 0.1.0
 * @category layers
 */
export const defaultHttpClient: Layer.Layer<HttpClient.HttpClient> = DefaultHttpClient.layer

/**
 * The name of {@link defaultHttpClient} in this build: `"node:http"` or
 * `"fetch"`.
 *
 * @since 0.1.0
 * @category layers
 */
export const defaultHttpClientName: "node:http" | "fetch" = DefaultHttpClient.name as "node:http" | "fetch"

/**
 * A layer that sends requests with the default transport of the platform
 * ({@link defaultHttpClient}: `node:http` on Node, `fetch` elsewhere),
 * driven directly: no `HttpClient` is built, so a browser bundle of it
 * carries none of `HttpClient`'s request, response or stream code. To
 * choose the transport (a custom agent, a proxy, another `HttpClient`), use
 * {@link layerWithHttpClient}.
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { Credentials, StytchManagement } from "@stytch-effect/core"
 * import { Projects } from "@stytch-effect/resources"
 *
 * const live = StytchManagement.layer({
 *   credentials: Credentials.workspaceKey("workspace-key-prod-4881a5b3", Redacted.make(process.env.KEY_SECRET ?? "")),
 *   timeout: "10 seconds"
 * })
 * const program = Projects.getAll().pipe(Effect.provide(live)) // run with Effect.runPromise(program)
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<StytchManagement, ConfigError.ConfigError> =>
  Layer.scoped(StytchManagement, makeWith(options, DefaultHttpClient.transport))

/**
 * Options read from the environment (or any `ConfigProvider`):
 * `STYTCH_WORKSPACE_KEY_ID` + `STYTCH_WORKSPACE_KEY_SECRET`, or
 * `STYTCH_ACCESS_TOKEN`; and `STYTCH_MANAGEMENT_BASE_URL`. Without
 * credentials it fails with a `ConfigError` naming the variable to set
 * (`(Missing data at STYTCH_WORKSPACE_KEY_ID: "Stytch credentials are
 * missing: set …")`).
 *
 * @since 0.1.0
 * @category config
 */
export const config: Config.Config<Options & { readonly credentials: Credentials.Credentials }> = /* @__PURE__ */ Config.suspend(() =>
  // Built when read, so a program that never reads the configuration does not bundle it.
  Config.all({
  keyID: Config.option(Config.nonEmptyString("STYTCH_WORKSPACE_KEY_ID")),
  keySecret: Config.option(Config.redacted(Config.nonEmptyString("STYTCH_WORKSPACE_KEY_SECRET"))),
  token: Config.option(Config.redacted(Config.nonEmptyString("STYTCH_ACCESS_TOKEN"))),
  baseURL: Config.option(Config.nonEmptyString("STYTCH_MANAGEMENT_BASE_URL"))
}).pipe(
  Config.mapOrFail((
    { baseURL, keyID, keySecret, token }
  ): Either.Either<Options & { readonly credentials: Credentials.Credentials }, ConfigError.ConfigError> => {
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
    // Named by the variable to set (an empty path prints as `Missing data at : …`).
    const either = "set STYTCH_WORKSPACE_KEY_ID and STYTCH_WORKSPACE_KEY_SECRET, or STYTCH_ACCESS_TOKEN"
    if (Option.isSome(keyID) || Option.isSome(keySecret)) {
      const [set, unset] = Option.isSome(keyID)
        ? ["STYTCH_WORKSPACE_KEY_ID", "STYTCH_WORKSPACE_KEY_SECRET"]
        : ["STYTCH_WORKSPACE_KEY_SECRET", "STYTCH_WORKSPACE_KEY_ID"]
      return Either.left(ConfigError.MissingData([unset], `${unset} is not set (${set} is): ${either}`))
    }
    return Either.left(ConfigError.MissingData(["STYTCH_WORKSPACE_KEY_ID"], `Stytch credentials are missing: ${either}`))
  })
))

/**
 * Like {@link layer}, with credentials and base URL read from {@link config}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { StytchManagement } from "@stytch-effect/core"
 * import { Projects } from "@stytch-effect/resources"
 *
 * // STYTCH_WORKSPACE_KEY_ID and STYTCH_WORKSPACE_KEY_SECRET (or STYTCH_ACCESS_TOKEN) from the environment
 * const program = Projects.getAll().pipe(Effect.provide(StytchManagement.layerConfig({ appInfo: { name: "my-tool" } })))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  overrides: Omit<Options, "credentials" | "baseURL"> = {}
): Layer.Layer<StytchManagement, ConfigError.ConfigError> =>
  Layer.unwrapEffect(Effect.map(config, (options) => layer({ ...overrides, ...options })))
