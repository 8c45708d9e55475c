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
import { type Credentials, StytchManagement } from "@stytch-effect/core"
import { type ConfigError, Context, Effect, Layer } from "effect"
import type { Fault } from "./Fault.js"
import * as InMemory from "./internal/httpClient.js"
import { defaultCredentials, FakeServer, type FaultOptions, type RecordedRequest } from "./internal/server.js"

export type { FaultOptions, RecordedRequest }

/**
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
  /** Forgets all state, faults and recorded requests. */
  readonly reset: Effect.Effect<void>
  /** @internal */
  readonly server: FakeServer
}

/**
 * @since 0.1.0
 * @category tags
 */
export class FakeManagementApi extends Context.Tag("@stytch-effect/testing/FakeManagementApi")<
  FakeManagementApi,
  Service
>() {}

/**
 * Options of a fake.
 *
 * @since 0.1.0
 * @category options
 */
export interface Options {
  /** Credentials accepted besides the default workspace key. */
  readonly acceptCredentials?: ReadonlyArray<Credentials.Credentials>
}

/**
 * A new fake with an empty workspace.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Service => {
  const server = new FakeServer([defaultCredentials, ...(options.acceptCredentials ?? [])])
  return {
    credentials: defaultCredentials,
    httpClient: InMemory.make(server),
    inject: (fault, faultOptions) => Effect.sync(() => server.inject(fault, faultOptions)),
    requests: Effect.sync(() => server.requests.slice()),
    reset: Effect.sync(() => server.reset()),
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
