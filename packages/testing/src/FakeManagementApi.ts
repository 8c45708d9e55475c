/**
 * A stateful in-memory fake of the Stytch Management API, for tests: no
 * network, real behaviour. It follows the server behaviour the official SDKs'
 * integration tests rely on (a project starts with no environments, LIVE
 * before TEST, the real error bodies, …), checks the `Authorization` header,
 * records requests and can inject faults.
 *
 * ```ts
 * it.effect("creates a project", () =>
 *   Effect.gen(function*() {
 *     const { project } = yield* Projects.create({ name: "Demo" })
 *   }).pipe(Effect.provide(FakeManagementApi.layer())))
 * ```
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import { Credentials, OAuth, StytchManagement, StytchProject } from "@stytch-effect/core"
import { Environments, Projects } from "@stytch-effect/resources"
import * as Cause from "effect/Cause"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Runtime from "effect/Runtime"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import type { Fault } from "./Fault.js"
import * as InMemory from "./internal/httpClient.js"
import { endpointsOf, type OAuthServerOptions } from "./internal/oauth.js"
import { environmentByProjectID } from "./internal/project/common.js"
import { signJWT as signProjectJWT, signSessionJWT as signProjectSessionJWT } from "./internal/project/m2m.js"
import { formatSeedIssues } from "./internal/seed.js"
import { checkListenOptions, listen } from "./internal/serve.js"
import { defaultCredentials, FakeServer, type FaultOptions, type RecordedRequest } from "./internal/server.js"

declare global {
  // `Symbol.asyncDispose` (the `await using` protocol), declared exactly as
  // @types/node and lib.esnext.disposable declare it, so these declarations
  // type-check without either (the declarations merge when both are present).
  interface SymbolConstructor {
    readonly asyncDispose: unique symbol
  }
}

export type {
  /**
   * Where and how often an injected fault applies (`{ operation, times }`).
   *
   * @since 0.1.0
   * @category models
   */
  FaultOptions,
  /**
   * How the fake's authorization server behaves: the access tokens'
   * lifetime (`accessTokenLifetime`, whole seconds, default 1 hour) and
   * refresh-token reuse detection (`refreshTokenReuseDetection`, default
   * `true`: a rotated refresh token presented again revokes the whole login).
   *
   * @since 0.1.0
   * @category models
   */
  OAuthServerOptions,
  /**
   * A request the fake received. Credentials are never recorded, only whether
   * they were accepted.
   *
   * @since 0.1.0
   * @category models
   */
  RecordedRequest
}

/**
 * Where the fake's OAuth authorization server answers: pass these to
 * `OAuth.loginURL`, `OAuth.exchangeCallback`, `OAuth.layer`, … In memory
 * they are the real defaults (the in-memory transport ignores the host);
 * served, they are under the fake's URL.
 *
 * The authorization server approves every authorization request at once
 * (302 to `redirect_uri` with `code` and `state`), checks PKCE (S256) at the
 * token endpoint, rotates refresh tokens (the old one stops working; one
 * presented again revokes the whole login, as `oidc-provider` does),
 * revokes, and issues access tokens (JWTs, 1 h unless
 * `Options.oauth.accessTokenLifetime`, following the `Clock`) that every
 * management endpoint accepts as `Authorization: Bearer …` until they expire
 * (then 401). Any client id is accepted.
 *
 * @since 0.1.0
 * @category models
 */
export interface OAuthEndpoints {
  readonly authorizeURL: string
  readonly tokenURL: string
  readonly revokeURL: string
}

const inMemoryEndpoints: OAuthEndpoints = {
  authorizeURL: OAuth.DEFAULT_AUTHORIZE_URL,
  tokenURL: OAuth.DEFAULT_TOKEN_URL,
  revokeURL: OAuth.DEFAULT_REVOKE_URL
}

/** Runs the authorize endpoint for a login URL; the `Location` it redirects to (the callback URL). */
const approveWith = (server: FakeServer, loginURL: string): Effect.Effect<string> =>
  Effect.flatMap(
    server.handle({ method: "GET", url: new URL(loginURL), headers: {}, body: "" }),
    (response) =>
      response._tag === "Response" && response.status === 302 && response.headers.location !== undefined
        ? Effect.succeed(response.headers.location)
        : Effect.dieMessage(`FakeManagementApi: the authorize endpoint did not redirect (${response._tag === "Response" ? response.status : response._tag})`)
  )

/**
 * A fake's handle: the credentials it accepts, its in-memory `HttpClient`,
 * fault injection, the request log, `reset`, and its OAuth endpoints.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Credentials the fake accepts (a workspace key). */
  readonly credentials: Credentials.WorkspaceKey
  /** An `HttpClient` served by this fake, in memory. */
  readonly httpClient: HttpClient.HttpClient
  /** Arms a fault for the next matching request(s). */
  readonly inject: (fault: Fault, options?: FaultOptions) => Effect.Effect<void>
  /** Every request received so far, oldest first. */
  readonly requests: Effect.Effect<ReadonlyArray<RecordedRequest>>
  /** Forgets all state, faults and recorded requests: back to the seed's projects (none without a seed). */
  readonly reset: Effect.Effect<void>
  /**
   * Turns a project's {@link ProjectFeatures} on or off, as Stytch would on
   * request (a feature left out keeps its value). Fails with
   * `NoSuchElementException` for an unknown project.
   */
  readonly setProjectFeatures: (
    projectSlug: string,
    features: ProjectFeatures
  ) => Effect.Effect<void, Cause.NoSuchElementException>
  /** The fake's OAuth endpoints. */
  readonly oauth: OAuthEndpoints
  /**
   * Plays the user approving a login: runs the authorize endpoint for the
   * login URL and returns the callback URL it redirects to (with `code` and
   * `state`, or `error`).
   */
  readonly approve: (loginURL: string) => Effect.Effect<string>
  /** @internal */
  readonly server: FakeServer
}

/**
 * The service tag of the fake in context ({@link layer}, {@link layerFake}):
 * `yield* FakeManagementApi.FakeManagementApi` to inject faults or read the
 * request log.
 *
 * @since 0.1.0
 * @category tags
 */
export class FakeManagementApi extends Context.Tag("@stytch-effect/testing/FakeManagementApi")<
  FakeManagementApi,
  Service
>() {}

/**
 * The schema of {@link ProjectFeatures}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProjectFeatures = Schema.Struct({
  /** Stytch has enabled DFPPA (device fingerprinting) for the project: SDK `dfppa` settings may leave their defaults. */
  dfppa: Schema.optional(Schema.Boolean),
  /** Custom domains (CNAMEs) are set up: SDK `cookies.httpOnly` may be `ENABLED` or `ENFORCED`. */
  customDomains: Schema.optional(Schema.Boolean),
  /** The project has a verified sending domain: custom HTML email templates may be managed. */
  verifiedSendingDomain: Schema.optional(Schema.Boolean)
})

/**
 * What Stytch, not the API, sets up for a project, and some API rules depend
 * on. Each is off on a new real project, and so in the fake: there the API
 * refuses DFPPA settings other than the defaults, `cookies.httpOnly` other
 * than `DISABLED`, and custom HTML email templates (a 400 in the real API's
 * error shape; the error types are docs/decisions.md D70's). Turn them on with {@link Options.projectFeatures} (every new
 * project), a seed's project, or {@link Service.setProjectFeatures}. A
 * feature left out keeps its value (off by default).
 *
 * @since 0.1.0
 * @category models
 */
export interface ProjectFeatures extends Schema.Schema.Type<typeof ProjectFeatures> {}

/**
 * The schema of an environment of a {@link SeedProject}: as `Environments.create`
 * takes it (`name`, `type`, optional `environmentSlug`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const SeedEnvironment = Schema.Struct({
  name: Schema.String,
  type: Environments.EnvironmentType,
  environmentSlug: Schema.optional(Schema.String)
})

/**
 * An environment of a {@link SeedProject}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SeedEnvironment extends Schema.Schema.Type<typeof SeedEnvironment> {}

/**
 * The schema of a project of a {@link Seed}: as `Projects.create` takes it
 * (`name`, optional `vertical` and `projectSlug`), its {@link ProjectFeatures}
 * (over the seed's defaults) and its environments, LIVE first.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SeedProject = Schema.Struct({
  name: Schema.String,
  vertical: Schema.optional(Projects.Vertical),
  projectSlug: Schema.optional(Schema.String),
  features: Schema.optional(ProjectFeatures),
  environments: Schema.optional(Schema.Array(SeedEnvironment))
})

/**
 * A project of a {@link Seed}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SeedProject extends Schema.Schema.Type<typeof SeedProject> {}

/**
 * The schema of a {@link Seed}; its encoded form is the JSON of a seed file
 * (`keySecret` a plain string there):
 *
 * ```json
 * {
 *   "credentials": { "keyID": "workspace-key-local", "keySecret": "local-secret" },
 *   "projectFeatures": { "dfppa": true },
 *   "projects": [{
 *     "name": "Acme", "vertical": "B2B", "projectSlug": "acme",
 *     "features": { "customDomains": true },
 *     "environments": [{ "name": "Production", "type": "LIVE", "environmentSlug": "production" }]
 *   }]
 * }
 * ```
 *
 * @since 0.1.0
 * @category schemas
 */
export const Seed = Schema.Struct({
  /** The workspace key the fake accepts instead of its default one. */
  credentials: Schema.optional(Schema.Struct({ keyID: Schema.String, keySecret: Schema.Redacted(Schema.String) })),
  /** The features of every project (seeded or created later), unless the project says otherwise. */
  projectFeatures: Schema.optional(ProjectFeatures),
  /** Projects the fake starts with (and goes back to on `reset`), created in order as the API would. */
  projects: Schema.optional(Schema.Array(SeedProject))
})

/**
 * What a fake starts with: optional fixed workspace credentials, the
 * default {@link ProjectFeatures}, and projects with their environments.
 * Pass it as {@link Options.seed}; read one from a JSON file with
 * {@link loadSeed}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Seed extends Schema.Schema.Type<typeof Seed> {}

/**
 * A seed that cannot be used: the file cannot be read or is not JSON, it does
 * not fit {@link Seed} (unknown keys included, to catch typos), its
 * credentials are invalid, or the API would refuse its projects (a TEST
 * environment before the LIVE one, a slug taken twice, …).
 *
 * @since 0.1.0
 * @category errors
 */
export class SeedError extends Schema.TaggedError<SeedError>("@stytch-effect/testing/SeedError")("SeedError", {
  message: Schema.String
}) {}

const seedCredentials = (seed: Seed | undefined): Credentials.WorkspaceKey | undefined =>
  seed?.credentials === undefined
    ? undefined
    : Credentials.workspaceKey(seed.credentials.keyID, seed.credentials.keySecret)

const checkSeed = (seed: Seed): string | undefined => {
  if (seed.credentials !== undefined) {
    for (const field of ["keyID", "keySecret"] as const) {
      const problem = Credentials.problem(field, seed.credentials[field])
      if (problem !== undefined) return `credentials.${field} ${problem}`
    }
  }
  try {
    new FakeServer([], { seed })
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

const decodeSeedUnknown = Schema.decodeUnknown(Seed, { onExcessProperty: "error", errors: "all" })

/**
 * Decodes a seed from its JSON form (as parsed from a file) and checks it:
 * fails with a {@link SeedError} for anything {@link make} would refuse.
 *
 * @since 0.1.0
 * @category seeds
 */
export const decodeSeed = (input: unknown): Effect.Effect<Seed, SeedError> =>
  decodeSeedUnknown(input).pipe(
    Effect.mapError((error) => new SeedError({ message: formatSeedIssues(error) })),
    Effect.flatMap((seed) => {
      const problem = checkSeed(seed)
      return problem === undefined ? Effect.succeed(seed) : Effect.fail(new SeedError({ message: problem }))
    })
  )

/**
 * Reads a seed from a JSON file (Node) and {@link decodeSeed}s it; a
 * {@link SeedError} names the file.
 *
 * @since 0.1.0
 * @category seeds
 */
export const loadSeed = (path: string): Effect.Effect<Seed, SeedError> =>
  Effect.tryPromise({
    try: async () => {
      const fs = await import("node:fs/promises")
      return JSON.parse(await fs.readFile(path, "utf8")) as unknown
    },
    catch: (error) => new SeedError({ message: error instanceof Error ? error.message : String(error) })
  }).pipe(
    Effect.flatMap(decodeSeed),
    Effect.mapError((error) => new SeedError({ message: `${path}: ${error.message}` }))
  )

/**
 * Options of a fake.
 *
 * @since 0.1.0
 * @category options
 */
export interface Options {
  /** Credentials accepted besides the default workspace key (or the seed's). */
  readonly acceptCredentials?: ReadonlyArray<Credentials.Credentials>
  /**
   * The authorization server's behaviour: access-token lifetime and
   * refresh-token reuse detection (see {@link OAuthServerOptions}).
   *
   * @since 0.1.0
   */
  readonly oauth?: OAuthServerOptions | undefined
  /**
   * The {@link ProjectFeatures} of every new project, over the seed's
   * (default: all off, as on a new real project).
   */
  readonly projectFeatures?: ProjectFeatures | undefined
  /** What the fake starts with (see {@link Seed}); `reset` goes back to it. */
  readonly seed?: Seed | undefined
  /**
   * How the project API's M2M token endpoint (`/v1/public/<project id>/oauth2/token`)
   * answers: `"stytch"` (default) as Stytch does, with `request_id` and
   * `status_code`; `"plainOAuth"` exactly as a plain OAuth 2.0 server does
   * (RFC 6749 §5): only `access_token`, `token_type`, `expires_in`, and `scope`
   * when the granted scopes are not the requested ones, with
   * `Cache-Control: no-store`; errors with only `error` and `error_description`.
   */
  readonly m2mTokenResponse?: "stytch" | "plainOAuth" | undefined
}

const unknownProject = (projectSlug: string) =>
  `FakeManagementApi.setProjectFeatures: no project ${JSON.stringify(projectSlug)}`

/**
 * A new fake: an empty workspace, or the seed's. Throws for a seed the API
 * would refuse (check one first with {@link decodeSeed}).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Service => {
  const credentials = seedCredentials(options.seed) ?? defaultCredentials
  const server = new FakeServer([credentials, ...(options.acceptCredentials ?? [])], {
    oauth: options.oauth,
    seed: options.seed,
    features: options.projectFeatures,
    m2mTokenResponse: options.m2mTokenResponse
  })
  return {
    credentials,
    httpClient: InMemory.make(server),
    inject: (fault, faultOptions) => Effect.sync(() => server.inject(fault, faultOptions)),
    requests: Effect.sync(() => server.requests.slice()),
    reset: Effect.sync(() => server.reset()),
    setProjectFeatures: (projectSlug, features) =>
      Effect.suspend(() =>
        server.setProjectFeatures(projectSlug, features)
          ? Effect.void
          : Effect.fail(new Cause.NoSuchElementException(unknownProject(projectSlug)))
      ),
    oauth: inMemoryEndpoints,
    approve: (loginURL) => approveWith(server, loginURL),
    server
  }
}

/**
 * Only the fake, for building your own `StytchManagement` over its
 * `httpClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFake = (options: Options = {}): Layer.Layer<FakeManagementApi> =>
  Layer.sync(FakeManagementApi, () => make(options))

/**
 * The fake plus a `StytchManagement` client wired to it in memory, using
 * the fake's credentials unless `client.credentials` says otherwise.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Environments, Projects } from "@stytch-effect/resources"
 * import { FakeManagementApi } from "@stytch-effect/testing"
 *
 * const program = Effect.gen(function* () {
 *   const { project } = yield* Projects.create({ name: "Demo", vertical: "B2B" })
 *   yield* Environments.create({ projectSlug: project.projectSlug, name: "Production", type: "LIVE" })
 *   return (yield* Environments.getAll({ projectSlug: project.projectSlug })).environments.length // 1
 * }).pipe(Effect.provide(FakeManagementApi.layer()))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  client: Partial<StytchManagement.Options> = {},
  options: Options = {}
): Layer.Layer<FakeManagementApi | StytchManagement.StytchManagement, ConfigError.ConfigError> =>
  Layer.effect(
    StytchManagement.StytchManagement,
    Effect.flatMap(FakeManagementApi, (fake) =>
      StytchManagement.make({ credentials: fake.credentials, ...client }).pipe(
        Effect.provideService(HttpClient.HttpClient, fake.httpClient)
      ))
  ).pipe(Layer.provideMerge(layerFake(options)))

/**
 * A `StytchProject` client of the fake's project API, in memory: the
 * project of an environment (its `projectID`) authenticated with one of its
 * secrets, e.g. one just created with `Secrets.create`. The fake serves the
 * project API (M2M clients, tokens, JWKS) next to the Management API.
 *
 * ```ts
 * const { secret } = yield* Secrets.create(scope)
 * yield* M2MClients.create({ scopes: ["read:users"] }).pipe(
 *   Effect.provide(FakeManagementApi.projectLayer(environment, secret))
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const projectLayer = (
  environment: { readonly projectID: string },
  secret: { readonly secret: Redacted.Redacted<string> | string },
  options: Omit<StytchProject.Options, "projectID" | "secret"> = {}
): Layer.Layer<StytchProject.StytchProject, ConfigError.ConfigError, FakeManagementApi> =>
  Layer.effect(
    StytchProject.StytchProject,
    Effect.flatMap(FakeManagementApi, (fake) =>
      StytchProject.make(StytchProject.optionsFromSecret(environment, secret, options)).pipe(
        Effect.provideService(HttpClient.HttpClient, fake.httpClient)
      ))
  )

/**
 * Signs a JWT with the key of a project of the fake (the key its token
 * endpoint signs with and its JWKS serves), with any claims: for testing
 * token verification against tokens the real API would not issue (another
 * audience or issuer, no `iat`, …). `undefined` for an unknown project id.
 *
 * @since 0.1.0
 * @category utils
 */
export const signJWT = (
  fake: Pick<Service, "server">,
  projectID: string,
  claims: Readonly<Record<string, unknown>>,
  /** Fields of the JWT header to override (`typ`, `kid`, `alg`); the signature is always RS256 with the project's key. */
  header: Readonly<Record<string, unknown>> = {}
): string | undefined => {
  const environment = environmentByProjectID(fake.server.workspace, projectID)
  return environment === undefined ? undefined : signProjectJWT(environment, claims, header)
}

/**
 * Signs a session JWT of a project of the fake, shaped as Stytch issues a
 * user's session token: `sub` the user id, the project's issuer and
 * audience, a five-minute lifetime from `now` (epoch ms, default the wall
 * clock), the `https://stytch.com/session` claim and no `scope` claim. It is
 * signed with the same key as the project's M2M access tokens (served by the
 * same JWKS), as the real API does: what token verification must tell apart.
 * `undefined` for an unknown project id.
 *
 * @since 0.1.0
 * @category utils
 */
export const signSessionJWT = (
  fake: Pick<Service, "server">,
  projectID: string,
  session: { readonly userID?: string | undefined; readonly sessionID?: string | undefined; readonly now?: number | undefined } = {}
): string | undefined => {
  const environment = environmentByProjectID(fake.server.workspace, projectID)
  const live = projectID.startsWith("project-live-") ? "live" : "test"
  return environment === undefined ? undefined : signProjectSessionJWT(environment, {
    userID: session.userID ?? `user-${live}-${crypto.randomUUID()}`,
    sessionID: session.sessionID ?? `session-${live}-${crypto.randomUUID()}`,
    now: session.now ?? Date.now()
  })
}

/**
 * Options of a fake served over loopback HTTP.
 *
 * @since 0.1.0
 * @category options
 */
export interface ServeOptions extends Options {
  /** A loopback host to listen on (`127.0.0.1`, `::1`, `localhost`). Default `127.0.0.1`; any other host is refused. */
  readonly host?: string | undefined
  /** Default `0`: the system picks a free port (read it from `url`). */
  readonly port?: number | undefined
}

/**
 * A fake served over loopback HTTP: the fake's service plus the server's URL.
 *
 * @since 0.1.0
 * @category models
 */
export interface Served extends Service {
  /** The base URL to send requests to (`http://127.0.0.1:49152`), without a trailing slash. */
  readonly url: string
}

/**
 * Serves a new fake on a real loopback `node:http` server for the lifetime
 * of the scope: the same fake as {@link layer} (same `FakeServer`, same
 * handlers, faults and request log), reached through real sockets. A
 * `Fault.disconnect` or `Fault.connectionRefused` destroys the socket.
 *
 * ```ts
 * const { url, credentials } = yield* FakeManagementApi.serve()
 * // StytchManagement.layer({ credentials, baseURL: url }) talks to it over HTTP
 * ```
 *
 * Requests are served on the caller's runtime, so `Fault.latency` follows its
 * `Clock`. Dies for a non-loopback host or a port that cannot be bound.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serve = (options: ServeOptions = {}): Effect.Effect<Served, never, Scope.Scope> =>
  Effect.gen(function*() {
    const problem = checkListenOptions(options)
    if (problem !== undefined) return yield* Effect.dieMessage(problem)
    const fake = make(options)
    const runtime = yield* Effect.runtime<never>()
    const server = yield* Effect.acquireRelease(
      Effect.promise(() => listen(fake.server, options, Runtime.runFork(runtime))),
      (server) => Effect.promise(server.close)
    )
    return { ...fake, url: server.url, oauth: endpointsOf(server.url, OAuth.STYTCH_PROJECT_ID) }
  })

/**
 * A fake served over loopback HTTP, for promise code (see {@link start}).
 *
 * @since 0.1.0
 * @category models
 */
export interface Server {
  /** The base URL to send requests to, without a trailing slash. */
  readonly url: string
  /** Credentials the fake accepts (a workspace key; its secret is `Redacted`). */
  readonly credentials: Credentials.WorkspaceKey
  /** Arms a fault for the next matching request(s). */
  readonly inject: (fault: Fault, options?: FaultOptions) => void
  /** Every request received so far, oldest first. */
  readonly requests: () => ReadonlyArray<RecordedRequest>
  /** Forgets all state, faults and recorded requests: back to the seed's projects (none without a seed). */
  readonly reset: () => void
  /** Turns a project's features on or off (see {@link Service.setProjectFeatures}); throws for an unknown project. */
  readonly setProjectFeatures: (projectSlug: string, features: ProjectFeatures) => void
  /** The fake's OAuth endpoints, under {@link Server.url}. */
  readonly oauth: OAuthEndpoints
  /** Plays the user approving a login (see {@link Service.approve}); resolves with the callback URL. */
  readonly approve: (loginURL: string) => Promise<string>
  /** Stops the server: requests in flight are dropped, connections closed. Idempotent. */
  readonly close: () => Promise<void>
  /** `await using server = await FakeManagementApi.start()` stops it at the end of the block. */
  readonly [Symbol.asyncDispose]: () => Promise<void>
  /** @internal (what {@link signJWT} and {@link signSessionJWT} read) */
  readonly server: FakeServer
}

/**
 * Starts a new fake on a loopback HTTP server, from plain Node / promise
 * code (a script, `beforeAll`); the Effect counterpart is {@link serve}.
 * Rejects for a non-loopback host or a port that cannot be bound.
 *
 * ```ts
 * const server = await FakeManagementApi.start()
 * const client = new ManagementClient({
 *   base_url: server.url,
 *   workspace_key_id: server.credentials.keyID,
 *   workspace_key_secret: server.credentials.keySecret
 * })
 * // …
 * await server.close()
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const start = async (options: ServeOptions = {}): Promise<Server> => {
  const fake = make(options)
  const { close, url } = await listen(fake.server, options, Effect.runFork)
  return {
    url,
    credentials: fake.credentials,
    inject: (fault, faultOptions) => fake.server.inject(fault, faultOptions),
    requests: () => fake.server.requests.slice(),
    reset: () => fake.server.reset(),
    setProjectFeatures: (projectSlug, features) => {
      if (!fake.server.setProjectFeatures(projectSlug, features)) throw new Error(unknownProject(projectSlug))
    },
    oauth: endpointsOf(url, OAuth.STYTCH_PROJECT_ID),
    approve: (loginURL) => Effect.runPromise(approveWith(fake.server, loginURL)),
    close,
    [Symbol.asyncDispose]: close,
    server: fake.server
  }
}

/** A value as one shell word: as is when safe, else single-quoted. */
const shellWord = (value: string): string =>
  /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`

/**
 * The shell line that points another process at a served fake: `export
 * STYTCH_MANAGEMENT_BASE_URL=… STYTCH_WORKSPACE_KEY_ID=…
 * STYTCH_WORKSPACE_KEY_SECRET=…`, the variables `StytchManagement.layerConfig`
 * (and this repository's examples) read. It reveals the secret: meant for
 * the fake's own credentials, which protect nothing.
 *
 * ```ts
 * const server = await FakeManagementApi.start()
 * console.log(FakeManagementApi.shellExports(server))
 * ```
 *
 * @since 0.1.0
 * @category utils
 */
export const shellExports = (server: { readonly url: string; readonly credentials: Credentials.WorkspaceKey }): string =>
  [
    "export",
    `STYTCH_MANAGEMENT_BASE_URL=${shellWord(server.url)}`,
    `STYTCH_WORKSPACE_KEY_ID=${shellWord(server.credentials.keyID)}`,
    `STYTCH_WORKSPACE_KEY_SECRET=${shellWord(Redacted.value(server.credentials.keySecret))}`
  ].join(" ")
