/**
 * The `StytchManagement` client of a command, from its options: the
 * in-process fake (`--fake`), else the credentials of the flags, else of
 * the environment, else the stored OAuth login.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as UrlParams from "@effect/platform/UrlParams"
import { Credentials, OAuth, StytchError, StytchManagement } from "@stytch-effect/core"
import type { SeedError } from "@stytch-effect/testing/FakeManagementApi"
import * as NodeOAuth from "@stytch-effect/core/NodeOAuth"
import type * as ConfigError from "effect/ConfigError"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { CliError } from "./errors.js"
import type * as Options from "./options.js"
import { color, style } from "./output.js"

const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value === "" ? undefined : value)

/**
 * The authorization server of `login`, `logout` and the OAuth session:
 * Stytch's, unless `STYTCH_OAUTH_AUTHORIZE_URL`, `STYTCH_OAUTH_TOKEN_URL`,
 * `STYTCH_OAUTH_REVOKE_URL` or `STYTCH_OAUTH_CLIENT_ID` say otherwise (the
 * `fake` command prints them for its own server).
 *
 * @internal
 */
export const oauthServer = (env: NodeJS.ProcessEnv = process.env): OAuth.ServerOptions => ({
  authorizeURL: nonEmpty(env.STYTCH_OAUTH_AUTHORIZE_URL),
  tokenURL: nonEmpty(env.STYTCH_OAUTH_TOKEN_URL),
  revokeURL: nonEmpty(env.STYTCH_OAUTH_REVOKE_URL),
  clientID: nonEmpty(env.STYTCH_OAUTH_CLIENT_ID)
})

/** Where the OAuth tokens are stored (see `NodeOAuth.defaultTokenPath`). @internal */
export const tokenPath = (): string => NodeOAuth.defaultTokenPath()

const ms = (start: number) => `${Math.round(performance.now() - start)} ms`

/**
 * `--verbose`: every request and its answer on stderr (method, URL, status,
 * time). Headers and bodies are never written, so neither credentials nor
 * secret values are.
 *
 * @internal
 */
export const logRequests = (client: HttpClient.HttpClient): HttpClient.HttpClient =>
  HttpClient.transform(client, (effect, request) => {
    const c = color.err
    const query = request.urlParams.length === 0 ? "" : `?${UrlParams.toString(request.urlParams)}`
    const target = `${request.method} ${request.url}${query}`
    const start = performance.now()
    return Effect.sync(() => process.stderr.write(style.dim(c, `→ ${target}`) + "\n")).pipe(
      Effect.zipRight(effect),
      Effect.tap((response) =>
        Effect.sync(() => process.stderr.write(style.dim(c, `← ${response.status} ${target} (${ms(start)})`) + "\n"))
      ),
      Effect.tapError((error) =>
        Effect.sync(() => process.stderr.write(style.dim(c, `✗ ${target}: ${error.message} (${ms(start)})`) + "\n"))
      )
    )
  })

/** The transport: Node's, with the request log under `--verbose`. @internal */
export const httpClientLayer = (verbose: boolean): Layer.Layer<HttpClient.HttpClient> =>
  verbose
    ? Layer.effect(HttpClient.HttpClient, Effect.map(HttpClient.HttpClient, logRequests)).pipe(
      Layer.provide(StytchManagement.defaultHttpClient)
    )
    : StytchManagement.defaultHttpClient

type Source =
  | { readonly _tag: "Key"; readonly credentials: Credentials.Credentials; readonly from: string }
  | { readonly _tag: "OAuth" }

/**
 * Where the credentials come from: both `--workspace-key-*` flags; else
 * core's `StytchManagement.config` (`STYTCH_WORKSPACE_KEY_ID` +
 * `STYTCH_WORKSPACE_KEY_SECRET`, or `STYTCH_ACCESS_TOKEN`); else the stored
 * OAuth login. Half of a pair is an error, never a silent fallback.
 *
 * @internal
 */
export const credentialSource = (options: Options.Api): Effect.Effect<Source, CliError | ConfigError.ConfigError> =>
  Effect.gen(function*() {
    const flagID = Option.getOrUndefined(options.workspaceKeyID)
    const flagSecret = Option.getOrUndefined(options.workspaceKeySecret)
    if (flagID !== undefined || flagSecret !== undefined) {
      if (flagID === undefined || flagSecret === undefined) {
        return yield* new CliError({
          message: "--workspace-key-id and --workspace-key-secret go together",
          hint: "pass both, or neither (then STYTCH_WORKSPACE_KEY_ID/SECRET or the stored login are used)"
        })
      }
      for (const [name, kind, value] of [["--workspace-key-id", "keyID", flagID], ["--workspace-key-secret", "keySecret", flagSecret]] as const) {
        const problem = Credentials.problem(kind, value)
        if (problem !== undefined) return yield* new CliError({ message: `${name} ${problem}` })
      }
      return { _tag: "Key", credentials: Credentials.workspaceKey(flagID, flagSecret), from: "the --workspace-key-* flags" } as const
    }
    const id = nonEmpty(process.env.STYTCH_WORKSPACE_KEY_ID)
    const secret = nonEmpty(process.env.STYTCH_WORKSPACE_KEY_SECRET)
    if ((id === undefined) !== (secret === undefined)) {
      const [set, unset] = id === undefined ? ["SECRET", "ID"] : ["ID", "SECRET"]
      return yield* new CliError({
        message: `STYTCH_WORKSPACE_KEY_${set} is set but STYTCH_WORKSPACE_KEY_${unset} is not`,
        hint: "set both, or unset both to use the stored login"
      })
    }
    const fromEnv = yield* Effect.either(StytchManagement.config)
    if (fromEnv._tag === "Right") {
      const credentials = fromEnv.right.credentials
      const from = credentials._tag === "WorkspaceKey" ? "STYTCH_WORKSPACE_KEY_ID/SECRET" : "STYTCH_ACCESS_TOKEN"
      return { _tag: "Key", credentials, from } as const
    }
    if (id !== undefined || nonEmpty(process.env.STYTCH_ACCESS_TOKEN) !== undefined) return yield* Effect.fail(fromEnv.left)
    return { _tag: "OAuth" } as const
  })

/** The client options shared by every source. @internal */
const clientOptions = (options: Options.Api, env: NodeJS.ProcessEnv) => ({
  baseURL: Option.getOrUndefined(options.baseURL) ?? nonEmpty(env.STYTCH_MANAGEMENT_BASE_URL),
  timeout: Option.match(options.timeout, { onNone: () => undefined, onSome: (s) => Duration.millis(Math.round(s * 1000)) }),
  appInfo: { name: "stytch-effect-cli" }
})

/**
 * Runs `program` with the client its options select, `--max-retries` and
 * `--timeout` applied to every request.
 *
 * @internal
 */
export const provide = <A, E, R>(
  options: Options.Api,
  program: Effect.Effect<A, E, R>
): Effect.Effect<
  A,
  E | CliError | ConfigError.ConfigError | OAuth.AuthError | StytchError.InvalidRequestError | SeedError,
  Exclude<R, StytchManagement.StytchManagement>
> =>
  Effect.gen(function*() {
    const env = process.env
    if (options.timeout._tag === "Some" && !(options.timeout.value > 0)) {
      return yield* new CliError({ message: `--timeout must be a positive number of seconds, got ${options.timeout.value}` })
    }
    if (options.maxRetries._tag === "Some" && !(options.maxRetries.value >= 0)) {
      return yield* new CliError({ message: `--max-retries must be a whole number of 0 or more, got ${options.maxRetries.value}` })
    }
    const withRetries = Option.match(options.maxRetries, {
      onNone: () => program,
      onSome: (maxRetries) => StytchManagement.withRequestOptions(program, { maxRetries })
    })
    const client = clientOptions(options, env)
    if (!options.fake && options.seed._tag === "Some") {
      return yield* new CliError({ message: "--seed goes with --fake", hint: "add --fake to run against an in-process fake seeded from the file" })
    }
    if (options.fake) {
      const { FakeManagementApi } = yield* Effect.promise(() => import("@stytch-effect/testing"))
      const seed = options.seed._tag === "Some" ? yield* FakeManagementApi.loadSeed(options.seed.value) : undefined
      const fake = Layer.effect(
        StytchManagement.StytchManagement,
        Effect.flatMap(FakeManagementApi.FakeManagementApi, (fake) =>
          StytchManagement.make({ credentials: fake.credentials, timeout: client.timeout }).pipe(
            Effect.provideService(HttpClient.HttpClient, options.verbose ? logRequests(fake.httpClient) : fake.httpClient)
          ))
      ).pipe(Layer.provide(FakeManagementApi.layerFake({ seed })))
      return yield* Effect.provide(withRetries, fake)
    }
    const source = yield* credentialSource(options)
    const http = httpClientLayer(options.verbose)
    if (source._tag === "Key") {
      return yield* Effect.provide(
        withRetries,
        StytchManagement.layerWithHttpClient({ ...client, credentials: source.credentials }).pipe(Layer.provide(http))
      )
    }
    const server = oauthServer(env)
    return yield* withRetries.pipe(
      OAuth.withAuthErrors,
      Effect.provide(
        OAuth.layerWithHttpClient({ ...client, tokenURL: server.tokenURL, revokeURL: server.revokeURL, clientID: server.clientID }).pipe(
          Layer.provide(NodeOAuth.layerFileTokenStorage(tokenPath())),
          Layer.provide(http)
        )
      )
    )
  })
