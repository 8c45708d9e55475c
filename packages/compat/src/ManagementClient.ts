/**
 * `ManagementClient`: the promise facade of stytch-effect, for plain Node
 * code, shaped like the official `stytch-management` SDK.
 *
 * ```ts
 * import { ManagementClient, type ClientConfig } from "@stytch-effect/compat"
 *
 * const config: ClientConfig = {
 *   workspace_key_id: process.env.STYTCH_WORKSPACE_KEY_ID!,
 *   workspace_key_secret: process.env.STYTCH_WORKSPACE_KEY_SECRET!
 * }
 * const client = new ManagementClient(config)
 * const { project } = await client.projects.create({ name: "My new project", vertical: "B2B" })
 * ```
 *
 * Each method runs the operation of the same name from
 * `@stytch-effect/resources` (same request, same camelCase response, same
 * retries, timeout and tracing) and settles with its value, or rejects with a
 * {@link ManagementStytchError}, {@link RequestError} or {@link ClientError}.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as RetryPolicy from "@stytch-effect/core/RetryPolicy"
import * as StytchManagement from "@stytch-effect/core/StytchManagement"
import * as Api from "@stytch-effect/resources/Api"
import * as Layer from "effect/Layer"
import { PromiseClient, transport } from "./internal/client.js"
import * as Config from "./internal/config.js"
import { oauthClient } from "./internal/oauthClient.js"
import { fromCause, promisify, type PromiseResource } from "./internal/runner.js"
import type { ClientConfig } from "./internal/clientConfig.js"

export type {
  /**
   * One operation as a promise-returning method: the Effect operation's
   * request, an optional {@link RequestOptions}, and a promise of its
   * response with secrets as plain strings (`Unredacted`).
   *
   * @since 0.1.0
   * @category models
   */
  PromiseOperation,
  /**
   * Every operation of a resource module as a {@link PromiseOperation}: the
   * type of a resource property (`client.projects`).
   *
   * @since 0.1.0
   * @category models
   */
  PromiseResource,
  /**
   * Per-call options, the optional second argument of every method:
   * `signal` (an `AbortSignal`), `timeout`, `deadline`, `maxRetries` and
   * `headers`.
   *
   * @since 0.1.0
   * @category models
   */
  RequestOptions,
  /**
   * What the facade needs of a resource module: its `endpoints`, each
   * beside an operation of the same name.
   *
   * @since 0.1.0
   * @category models
   */
  ResourceModule
} from "./internal/runner.js"



export type {
  /**
   * The settings of a {@link ManagementClient}.
   *
   * Credentials are a workspace key (`workspace_key_id` + `workspace_key_secret`)
   * or an `access_token`. When the object has neither, they are read from the
   * environment: `STYTCH_WORKSPACE_KEY_ID` + `STYTCH_WORKSPACE_KEY_SECRET`, or
   * `STYTCH_ACCESS_TOKEN` (and `STYTCH_MANAGEMENT_BASE_URL` for the base URL).
   * Empty strings count as absent.
   *
   * @since 0.1.0
   * @category models
   */
  ClientConfig,
  /**
   * The `oauth` setting of a {@link ManagementClient}.
   *
   * @since 0.1.0
   * @category models
   */
  OAuthClientConfig
} from "./internal/clientConfig.js"

/**
 * How a {@link ManagementClient} sends requests.
 *
 * @since 0.1.0
 * @category models
 */
export interface ClientOptions {
  /**
   * The HTTP transport: an `HttpClient`, or a layer that builds one.
   * Default: the platform's (`StytchManagement.defaultHttpClient`): on Node,
   * `node:http`/`node:https` with keep-alive agents, closed by
   * {@link ManagementClient.close}; elsewhere `fetch`. For a custom agent
   * (a proxy, a CA, socket limits), pass
   * `NodeHttpClient.layer({ httpsAgent })` from `@stytch-effect/core/NodeHttpClient`.
   */
  readonly httpClient?: HttpClient.HttpClient | Layer.Layer<HttpClient.HttpClient> | undefined
}

const layerKey: unique symbol = Symbol("@stytch-effect/compat/ManagementClient/layer")

interface InternalOptions extends ClientOptions {
  readonly [layerKey]?: Layer.Layer<StytchManagement.StytchManagement, unknown>
}

const describe = (resolved: Config.Resolved): string => {
  const { credentials } = resolved.options
  const auth = credentials._tag === "WorkspaceKey"
    ? `workspace_key_id: ${JSON.stringify(credentials.keyID)}, workspace_key_secret: <redacted>`
    : "access_token: <redacted>"
  return `ManagementClient { base_url: ${JSON.stringify(resolved.options.baseURL)}, ${auth}, credentials_from: ${resolved.source} }`
}

/** The client's layer and description, checked synchronously (throws a `ClientError`). */
const build = (
  config: ClientConfig,
  options: ClientOptions
): { readonly layer: Layer.Layer<StytchManagement.StytchManagement, unknown>; readonly description: string } => {
  Config.checkObject(config, "ManagementClient")
  const layer = (options as InternalOptions)[layerKey]
  if (layer !== undefined) return { layer, description: "ManagementClient { layer: <custom> }" }
  if (config.oauth !== undefined && config.oauth !== null) return oauthClient(config, transport(options.httpClient))
  const resolved = Config.resolve(config)
  const client = StytchManagement.layerWithHttpClient(resolved.options).pipe(Layer.provide(transport(options.httpClient)))
  return {
    layer: resolved.retry === undefined ? client : Layer.merge(client, RetryPolicy.layer(resolved.retry)),
    description: describe(resolved)
  }
}

/**
 * The resource properties of a {@link ManagementClient}: one per group of
 * the registry (`Api.groups`), each with the group's operations as
 * promise-returning methods.
 *
 * @since 0.1.0
 * @category models
 */
export type Resources = { readonly [K in Api.GroupName]: PromiseResource<Api.Groups[K]> }

// The resource properties are declared by this interface (derived from the
// registry) and assigned in the constructor.
/**
 * The resource properties of a {@link ManagementClient} ({@link Resources}),
 * merged into the class.
 *
 * @since 0.1.0
 * @category clients
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface ManagementClient extends Resources {}

/**
 * A client for the Stytch Management API with promise-returning methods,
 * grouped by resource: `client.projects`, `client.environments`,
 * `client.secrets`, `client.redirectURLs`, … (one property per resource
 * group, {@link Resources}).
 *
 * The constructor checks everything it can synchronously and throws a
 * {@link ClientError} (`MISSING_CREDENTIALS`, `INVALID_BASE_URL`,
 * `INVALID_CONFIG`). Call {@link ManagementClient.close} (or use
 * `await using`) to release the client's resources when done. `close()`
 * rejects the calls in flight with `CLIENT_CLOSED` and closes their
 * connections; `toString()` shows the base URL and key id, never the secret.
 *
 * @example
 * ```ts
 * import { ManagementClient, ManagementStytchError } from "@stytch-effect/compat"
 *
 * const client = new ManagementClient({ workspace_key_id: "workspace-key-prod-4881a5b3", workspace_key_secret: "my-key-secret" })
 *
 * export async function findProject(projectSlug: string) {
 *   try {
 *     return (await client.projects.get({ projectSlug })).project
 *   } catch (error) {
 *     if (error instanceof ManagementStytchError && error.status_code === 404) return undefined
 *     throw error
 *   }
 * }
 * ```
 *
 * @since 0.1.0
 * @category clients
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ManagementClient extends PromiseClient<StytchManagement.StytchManagement> {
  /**
   * @throws {ClientError} `MISSING_CREDENTIALS`, `INVALID_BASE_URL` or
   * `INVALID_CONFIG`, before anything is sent.
   */
  constructor(config: ClientConfig = {}, options: ClientOptions = {}) {
    const { description, layer } = build(config, options)
    super("ManagementClient", layer, description, fromCause)
    for (const [name, module] of Object.entries(Api.groups)) {
      Object.defineProperty(this, name, { value: promisify(module, this.run), enumerable: true })
    }
  }

  /**
   * A client over any layer that provides `StytchManagement`: a fake, a
   * custom transport, `StytchManagement.layerConfig()`, a retry policy or a
   * tracer merged in, …
   *
   * ```ts
   * const client = ManagementClient.fromLayer(FakeManagementApi.layer())
   * ```
   *
   * A failure of the layer rejects the first calls (`ClientError`
   * `INVALID_CONFIG` for a `ConfigError`).
   *
   * @since 0.1.0
   */
  static fromLayer<E>(layer: Layer.Layer<StytchManagement.StytchManagement, E>): ManagementClient {
    const options: InternalOptions = { [layerKey]: layer }
    return new ManagementClient({}, options)
  }
}
