import { Environments, Projects } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { Credentials } from "@stytch-effect/core"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Inspectable from "effect/Inspectable"
import * as Redacted from "effect/Redacted"
import * as Tracer from "effect/Tracer"

/** Runs a test against a fresh in-memory fake. */
export const withFake = Effect.provide(FakeManagementApi.layer())

/** Where an environment-scoped operation is sent. */
export interface Scope {
  readonly projectSlug: string
  readonly environmentSlug: string
}

/**
 * A project of the vertical with its LIVE environment (`production`), as
 * every suite of the official SDKs sets up. Returns the LIVE environment.
 */
export const liveProject = (vertical: Projects.Vertical = "B2B") =>
  Effect.gen(function*() {
    const { project } = yield* Projects.create({ name: "Disposable Project", vertical })
    const { environment } = yield* Environments.create({
      projectSlug: project.projectSlug,
      name: "production",
      type: "LIVE",
      environmentSlug: "production"
    })
    return { projectSlug: project.projectSlug, environmentSlug: environment.environmentSlug } satisfies Scope
  })

/** A project of the vertical with its LIVE environment and a fresh TEST one. Returns the TEST environment. */
export const testEnvironment = (vertical: Projects.Vertical = "B2B") =>
  Effect.gen(function*() {
    const { projectSlug } = yield* liveProject(vertical)
    const { environment } = yield* Environments.create({ projectSlug, name: "test", type: "TEST" })
    return { projectSlug, environmentSlug: environment.environmentSlug } satisfies Scope
  })

/**
 * The failure of an operation expected to fail. An unexpected success is a
 * plain test failure (`Effect.flip` would fail the test with the whole
 * response as a non-Error value, which vitest 3 hangs on while reporting).
 */
export const failureOf = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<E, never, R> =>
  Effect.flatMap(Effect.either(effect), (result) =>
    result._tag === "Left"
      ? Effect.succeed(result.left)
      : Effect.die(new Error("expected the operation to fail, but it succeeded")))

/** Sends a raw wire request to the fake, as another SDK (Go) would. */
export const raw = (method: "GET" | "PUT", path: string, body?: unknown) =>
  Effect.gen(function*() {
    const fake = yield* FakeManagementApi.FakeManagementApi
    let request = HttpClientRequest.make(method)(`https://management.stytch.com${path}`).pipe(
      HttpClientRequest.setHeader("authorization", Redacted.value(Credentials.authorization(fake.credentials)))
    )
    if (body !== undefined) request = HttpClientRequest.bodyUnsafeJson(request, body)
    const response = yield* fake.httpClient.execute(request)
    return { status: response.status, body: (yield* response.json) as Record<string, any> }
  })

/**
 * Runs `effect` with Effect's own tracer, pushing every span it starts into
 * `spans` (in start order): for the tracing and secrecy tests.
 */
export const recordSpansInto = (spans: Array<Tracer.Span>) => <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.flatMap(Effect.tracer, (base) =>
    Effect.withTracer(
      effect,
      Tracer.make({
        span: (...args) => {
          const span = base.span(...args)
          spans.push(span)
          return span
        },
        context: base.context
      })
    ))

/** Everything an error can be turned into for a person or a log. */
export const renderings = (error: unknown): ReadonlyArray<string> => [
  String(error),
  String((error as Error).message),
  String((error as Error).stack),
  String(JSON.stringify(error)),
  Inspectable.format(error),
  Cause.pretty(Cause.fail(error))
]
