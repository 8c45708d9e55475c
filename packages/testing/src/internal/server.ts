import { Credentials, type Endpoint } from "@stytch-effect/core"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type { Fault } from "../Fault.js"
import { errorBody, FakeError } from "./errors.js"
import type { Handler } from "./handlers/common.js"
import { answer, compileRoute, type Route as CompiledRoute, wireInput } from "./route.js"
import { routes } from "./handlers/index.js"
import { FakeAuthorizationServer, type OAuthServerOptions } from "./oauth.js"
import type { M2MTokenResponse } from "./project/common.js"
import { handleProject, matchProject, projectAuthorized } from "./project/server.js"
import type { RawRequest, RawResponse } from "./raw.js"
import { defaultFeatures, type FeatureChanges, type SeedContent, seedWorkspace, withFeatures } from "./seed.js"
import type { ProjectFeatures, Workspace } from "./state.js"

/**
 * A request the fake received. Credentials are never recorded, only whether
 * they were accepted.
 *
 * @since 0.1.0
 * @category models
 */
export interface RecordedRequest {
  readonly method: string
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  /** `group.name` of the endpoint it routed to, if any. */
  readonly operation: string | undefined
  readonly body: unknown
  readonly authorized: boolean
}

/** Where and how often a fault applies. @internal */
export interface FaultOptions {
  /** Only requests routed to this operation (`"secrets.get"`). Default: any. */
  readonly operation?: string | undefined
  /** How many requests it applies to. Default 1. */
  readonly times?: number | undefined
}

interface ArmedFault {
  readonly fault: Fault
  readonly operation: string | undefined
  remaining: number
}

type Route = CompiledRoute<Handler<Endpoint.Any>>

const compiled: ReadonlyArray<Route> = routes.map(([endpoint, handler]) => compileRoute(endpoint, handler))

/** The compiled routes by method, each list in the order of `compiled` (the first match wins). */
const compiledByMethod = new Map<string, Array<Route>>()
for (const route of compiled) {
  const same = compiledByMethod.get(route.endpoint.method)
  if (same === undefined) compiledByMethod.set(route.endpoint.method, [route])
  else same.push(route)
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): RawResponse => ({
  _tag: "Response",
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body)
})

/** The default credentials the fake accepts. @internal */
export const defaultCredentials = Credentials.workspaceKey(
  "workspace-key-test-fake-00000000",
  "fake-workspace-secret-do-not-use"
)

/**
 * The fake Management API, independent of any transport: the in-memory
 * `HttpClient` and the loopback HTTP server both call {@link FakeServer.handle}.
 *
 * @internal
 */
export class FakeServer {
  workspace: Workspace
  readonly faults: Array<ArmedFault> = []
  readonly requests: Array<RecordedRequest> = []
  /** The OAuth authorization server (its Bearer tokens are accepted too). */
  readonly oauth: FakeAuthorizationServer
  private readonly accepted: ReadonlySet<string>
  private readonly defaults: ProjectFeatures

  private readonly seed: SeedContent | undefined
  /** How the project API's M2M token endpoint answers. */
  readonly m2mTokenResponse: M2MTokenResponse

  /**
   * Throws for a seed the API would refuse (see `seedWorkspace`).
   * `features` are the defaults of new projects, over the seed's.
   */
  constructor(
    readonly credentials: ReadonlyArray<Credentials.Credentials>,
    options: {
      readonly oauth?: OAuthServerOptions | undefined
      readonly seed?: SeedContent | undefined
      readonly features?: FeatureChanges | undefined
      /** How the project API's M2M token endpoint answers. */
      readonly m2mTokenResponse?: M2MTokenResponse | undefined
    } = {}
  ) {
    this.oauth = new FakeAuthorizationServer(options.oauth ?? {})
    this.seed = options.seed
    this.m2mTokenResponse = options.m2mTokenResponse ?? "stytch"
    this.accepted = new Set(credentials.map((c) => Redacted.value(Credentials.authorization(c))))
    this.defaults = defaultFeatures(options.seed, options.features)
    this.workspace = seedWorkspace(options.seed, this.defaults, new Date().toISOString())
  }

  /** Changes the features of a project; `false` for an unknown project. */
  setProjectFeatures(projectSlug: string, features: FeatureChanges): boolean {
    const project = this.workspace.projects.get(projectSlug)
    if (project === undefined) return false
    project.features = withFeatures(project.features, features)
    return true
  }

  inject(fault: Fault, options: FaultOptions = {}): void {
    this.faults.push({ fault, operation: options.operation, remaining: options.times ?? 1 })
  }

  /** Back to the seeded workspace (an empty one without a seed). */
  reset(): void {
    this.workspace = seedWorkspace(this.seed, this.defaults, new Date().toISOString())
    this.faults.length = 0
    this.requests.length = 0
    this.oauth.reset()
  }

  private takeFault(operation: string | undefined, kinds: (tag: Fault["_tag"]) => boolean): Fault | undefined {
    const index = this.faults.findIndex((f) =>
      kinds(f.fault._tag) && (f.operation === undefined || f.operation === operation)
    )
    if (index === -1) return undefined
    const armed = this.faults[index]!
    if (--armed.remaining <= 0) this.faults.splice(index, 1)
    return armed.fault
  }

  handle(request: RawRequest): Effect.Effect<RawResponse> {
    return Effect.gen(this, function*() {
      const requestID = `request-id-test-${crypto.randomUUID()}`
      const fail = (error: FakeError, headers?: Record<string, string>) =>
        json(error.status, errorBody(requestID, error.status, error.errorType, error.errorMessage), headers)

      const path = request.url.pathname
      const nowMillis = yield* Clock.currentTimeMillis
      // The OAuth and M2M token endpoints share a path shape: a client-credentials grant is the
      // project API's (M2M), the authorization-code and refresh grants are the login's.
      const oauthCandidate = this.oauth.operationOf(request.method, path)
      const clientCredentials = oauthCandidate === "oauth.token" &&
        /"grant_type"\s*:\s*"client_credentials"|(?:^|&)grant_type=client_credentials(?:&|$)/.test(request.body)
      const oauthOperation = clientCredentials ? undefined : oauthCandidate
      // The project API (`/v1/…`) has its own routes and auth: see project/server.ts.
      const project = oauthOperation === undefined ? matchProject(request.method, path) : undefined
      const match = oauthOperation === undefined && project === undefined ? this.route(request.method, path) : undefined
      const operation = oauthOperation ??
        (project !== undefined ? project.operation : match && `${match.route.endpoint.group}.${match.route.endpoint.name}`)
      let body: unknown = undefined
      try {
        body = request.body === "" ? undefined : JSON.parse(request.body)
      } catch {
        body = request.body
      }
      const authorization = request.headers["authorization"]
      const authorized = project !== undefined
        ? projectAuthorized(this.workspace, project, authorization)
        : this.accepted.has(authorization ?? "") || this.oauth.accepts(authorization, nowMillis)
      this.requests.push({
        method: request.method,
        path,
        query: Object.fromEntries(request.url.searchParams),
        operation,
        // OAuth bodies carry codes, verifiers and tokens, a client-credentials grant the client's
        // secret: only the grant type and client (and the scopes asked for) are kept.
        body: oauthOperation !== undefined
          ? this.oauth.recordedBody(oauthOperation, request)
          : clientCredentials
          ? this.oauth.recordedBody("oauth.token", request)
          : body,
        authorized
      })

      let fault = this.takeFault(operation, (tag) => tag !== "Rewrite")
      while (fault?._tag === "Latency") {
        yield* Effect.sleep(fault.delay)
        fault = this.takeFault(operation, (tag) => tag !== "Rewrite" && tag !== "Latency")
      }
      if (fault !== undefined) {
        switch (fault._tag) {
          case "Status":
            return fail(
              new FakeError(fault.status, fault.errorType, `Injected fault: status ${fault.status}.`),
              fault.retryAfter === undefined ? {} : { "retry-after": fault.retryAfter }
            )
          case "Malformed":
            return { _tag: "Response", status: fault.status, headers: { "content-type": "text/html" }, body: "<html>oops" }
          case "Disconnect":
            return { _tag: "Drop", code: "ECONNRESET" }
          case "ConnectionRefused":
            return { _tag: "Drop", code: "ECONNREFUSED" }
        }
      }

      if (oauthOperation !== undefined) {
        const oauth = this.oauth
        return yield* Effect.promise(() => oauth.handle(oauthOperation, request, nowMillis, requestID))
      }
      if (project !== undefined) {
        const now = new Date(nowMillis).toISOString()
        return yield* handleProject(this.workspace, project, request, body, requestID, now, this.m2mTokenResponse)
      }
      if (!authorized) {
        return fail(new FakeError(401, "unauthorized_credentials", "Unauthorized credentials."))
      }
      if (match === undefined) {
        return fail(new FakeError(404, "route_not_found", `No route for ${request.method} ${path}.`))
      }
      const { params, route } = match
      const wire = wireInput(route, body, request.url, params)
      const decoded = route.decode(wire)
      if (decoded._tag === "Left") {
        return fail(new FakeError(400, "bad_request", `Invalid request: ${String(decoded.left)}`))
      }
      const now = new Date(yield* Clock.currentTimeMillis).toISOString()
      const answered = answer(route, requestID, () => route.handler(decoded.right as never, { workspace: this.workspace, now }))
      if (answered._tag === "Left") return fail(answered.left)
      const rewrite = this.takeFault(operation, (tag) => tag === "Rewrite")
      const out = rewrite?._tag === "Rewrite" ? rewrite.rewrite(answered.right as Record<string, unknown>) : answered.right
      return json(200, out)
    })
  }

  private route(method: string, path: string) {
    for (const route of compiledByMethod.get(method) ?? []) {
      const m = route.pattern.exec(path)
      if (m === null) continue
      try {
        return { route, params: m.slice(1).map(decodeURIComponent) }
      } catch {
        return undefined
      }
    }
    return undefined
  }
}
