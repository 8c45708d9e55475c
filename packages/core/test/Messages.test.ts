import { it } from "@effect/vitest"
import { RetryPolicy, StytchManagement, StytchProject } from "@stytch-effect/core"
import { Environments, EventLogStreaming, Projects, RedirectURLs, Secrets, TrustedTokenProfiles } from "@stytch-effect/resources"
import { FakeManagementApi, Fault } from "@stytch-effect/testing"
import { Cause, ConfigProvider, Duration, Effect, Exit, Fiber, Layer, Option, TestClock } from "effect"
import { describe, expect } from "vitest"

// Messages a JavaScript caller (no types to warn them) can act on; the same
// messages through the promise facade are in packages/compat/test/Messages.test.ts.

const withFake = Effect.provide(FakeManagementApi.layer())

/** The InvalidRequestError of a call, and the proof that nothing was sent. */
const rejected = <A, E, R>(call: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const fake = yield* FakeManagementApi.FakeManagementApi
    const before = (yield* fake.requests).length
    const error = yield* Effect.flip(call)
    expect((yield* fake.requests).length).toBe(before)
    if (typeof error !== "object" || error === null || !("_tag" in error) || error._tag !== "InvalidRequestError") {
      throw new Error(`expected an InvalidRequestError, got ${String(error)}`)
    }
    return error as unknown as { readonly kind: string; readonly field: string; readonly message: string }
  })

const untyped = <T>(value: unknown) => value as T

describe("an enum mismatch names the received value and the allowed ones, in one line", () => {
  it.effect("a top-level optional enum", () =>
    Effect.gen(function*() {
      const error = yield* rejected(Projects.create({ name: "x", vertical: untyped<Projects.Vertical>("B2C_TYPO") }))
      expect(error.message).toBe(`vertical: expected one of "ALL" | "CONSUMER" | "B2B", received "B2C_TYPO"`)
      expect(error.field).toBe("vertical")
      const number = yield* rejected(Projects.create({ name: "x", vertical: untyped<Projects.Vertical>(5) }))
      expect(number.message).toBe(`vertical: expected one of "ALL" | "CONSUMER" | "B2B", received 5`)
    }).pipe(withFake))

  it.effect("a required enum, and one nested in a union of structs (no `expected undefined` noise)", () =>
    Effect.gen(function*() {
      const { project } = yield* Projects.create({ name: "P" })
      const env = yield* rejected(Environments.create({
        projectSlug: project.projectSlug,
        name: "x",
        type: untyped<Environments.EnvironmentType>("LIEV")
      }))
      expect(env.message).toBe(`type: expected one of "LIVE" | "TEST", received "LIEV"`)
      const site = yield* rejected(EventLogStreaming.create({
        projectSlug: "p",
        environmentSlug: "e",
        destinationType: "DATADOG",
        destinationConfig: { datadog: { apiKey: "dd-api-key-not-shown", site: untyped<EventLogStreaming.DatadogSite>("MARS") } }
      }))
      expect(site.message).toMatch(/^destinationConfig\.datadog\.site: expected one of "US" \| .*, received "MARS"$/)
      expect(site.field).toBe("destinationConfig.datadog.site")
      expect(site.message).not.toContain("dd-api-key-not-shown")
    }).pipe(withFake))

  it.effect("a long received value is cut; values of other fields are never shown, only their kind", () =>
    Effect.gen(function*() {
      const long = "X".repeat(200)
      const cut = yield* rejected(Projects.create({ name: "x", vertical: untyped<Projects.Vertical>(long) }))
      expect(cut.message).toContain(`received "${"X".repeat(40)}"… (200 characters)`)
      expect(cut.message).not.toContain("X".repeat(41))
      const name = yield* rejected(Projects.create(untyped<Projects.CreateRequest>({ name: 424242 })))
      expect(name.message).toBe("name: expected string, received number")
      const missing = yield* rejected(Projects.create(untyped<Projects.CreateRequest>({})))
      expect(missing.message).toBe("name: is missing")
    }).pipe(withFake))
})

describe("a key spelt like a field (snake_case, another casing) says which field was meant", () => {
  it.effect("a path parameter", () =>
    Effect.gen(function*() {
      const error = yield* rejected(Environments.getAll(untyped<Environments.GetAllRequest>({ project_slug: "x" })))
      expect(error).toMatchObject({
        kind: "MissingPathParameter",
        field: "projectSlug",
        message: "project_slug: no such field; did you mean projectSlug?"
      })
      const id = yield* rejected(Secrets.get(untyped<Secrets.GetRequest>({ projectSlug: "p", environmentSlug: "e", secretId: "s" })))
      expect(id.message).toBe("secretId: no such field; did you mean secretID?")
    }).pipe(withFake))

  it.effect("an optional body field (which schemas would silently drop) and a nested one", () =>
    Effect.gen(function*() {
      const body = yield* rejected(Projects.create(untyped<Projects.CreateRequest>({ name: "x", project_slug: "chosen" })))
      expect(body).toMatchObject({ kind: "Body", field: "projectSlug", message: "project_slug: no such field; did you mean projectSlug?" })
      const nested = yield* rejected(EventLogStreaming.create(untyped<EventLogStreaming.CreateRequest>({
        projectSlug: "p",
        environmentSlug: "e",
        destinationType: "DATADOG",
        destinationConfig: { datadog: { api_key: "k", site: "US" } }
      })))
      expect(nested).toMatchObject({
        field: "destinationConfig.datadog.apiKey",
        message: "destinationConfig.datadog.api_key: no such field; did you mean apiKey?"
      })
    }).pipe(withFake))

  it.effect("a query field", () =>
    Effect.gen(function*() {
      const error = yield* rejected(RedirectURLs.delete(untyped<RedirectURLs.DeleteRequest>({
        projectSlug: "p",
        environmentSlug: "e",
        url: "https://example.com",
        do_not_promote_defaults: true
      })))
      expect(error.message).toBe("do_not_promote_defaults: no such field; did you mean doNotPromoteDefaults?")
    }).pipe(withFake))

  it.effect("keys of free-form JSON are data, never checked", () =>
    Effect.gen(function*() {
      const { project } = yield* Projects.create({ name: "P" })
      const scope = { projectSlug: project.projectSlug, environmentSlug: "production" }
      yield* Environments.create({ ...scope, name: "production", type: "LIVE" })
      const attributeMapping = { project_slug: "sub", environment_slug: "env" }
      const { profile } = yield* TrustedTokenProfiles.create({
        ...scope,
        name: "free-form",
        audience: "a",
        issuer: "https://issuer.example.com",
        jwksURL: "https://issuer.example.com/jwks.json",
        publicKeyType: "JWK",
        pemFiles: [],
        canJitProvision: false,
        attributeMapping
      })
      expect(profile.attributeMapping).toEqual(attributeMapping)
    }).pipe(withFake))

  it.effect("both spellings, or a key that is no field's: no error (unknown keys are ignored as before)", () =>
    Effect.gen(function*() {
      const { project } = yield* Projects.create(untyped<Projects.CreateRequest>({ name: "x", projectSlug: "p1", project_slug: "p1" }))
      expect(project.projectSlug).toBe("p1")
      const other = yield* Projects.create(untyped<Projects.CreateRequest>({ name: "y", createdBy: "me" }))
      expect(other.project.name).toBe("y")
    }).pipe(withFake))
})

describe("config errors name what to set, never an empty path", () => {
  const withEnv = (env: Record<string, string>) =>
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))
  const configError = Effect.flip(Layer.build(StytchManagement.layerConfig())).pipe(Effect.scoped)

  it.effect("layerConfig without any variable", () =>
    Effect.gen(function*() {
      const text = String(yield* configError)
      expect(text).toBe(
        `(Missing data at STYTCH_WORKSPACE_KEY_ID: "Stytch credentials are missing: ` +
          `set STYTCH_WORKSPACE_KEY_ID and STYTCH_WORKSPACE_KEY_SECRET, or STYTCH_ACCESS_TOKEN")`
      )
      expect(text).not.toContain("at :")
    }).pipe(withEnv({})))

  it.effect("layerConfig with half a workspace key names the other half", () =>
    Effect.gen(function*() {
      const text = String(yield* configError)
      expect(text).toContain(`Missing data at STYTCH_WORKSPACE_KEY_SECRET: "STYTCH_WORKSPACE_KEY_SECRET is not set (STYTCH_WORKSPACE_KEY_ID is)`)
      expect(text).not.toContain("env-id")
    }).pipe(withEnv({ STYTCH_WORKSPACE_KEY_ID: "env-id" })))

  it.effect("StytchProject.layerConfig without its variables names them", () =>
    Effect.gen(function*() {
      const text = String(yield* Effect.flip(Layer.build(StytchProject.layerConfig())).pipe(Effect.scoped))
      expect(text).toContain("Missing data at STYTCH_PROJECT_ID:")
      expect(text).toContain("Missing data at STYTCH_PROJECT_SECRET:")
      expect(text).not.toContain("at :")
    }).pipe(withEnv({})))

  it.effect("as a program run with the layer prints it", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(Projects.getAll().pipe(Effect.provide(StytchManagement.layerConfig())))
      expect(Exit.isFailure(exit) && Cause.pretty(exit.cause)).toContain("Missing data at STYTCH_WORKSPACE_KEY_ID:")
    }).pipe(withEnv({})))
})

describe("a timeout after retries says how many attempts were made, over how long", () => {
  const everyQuarterSecond = RetryPolicy.layerPolicy({
    decide: ({ attempt }) => Effect.succeed(attempt <= 2 ? Option.some(Duration.millis(250)) : Option.none())
  })

  it.effect("3 attempts of 1s with 2 waits of 250ms: 3.5s", () =>
    Effect.gen(function*() {
      yield* Projects.create({ name: "P", projectSlug: "p" })
      const fake = yield* FakeManagementApi.FakeManagementApi
      yield* fake.inject(Fault.latency("5 minutes"), { operation: "projects.get", times: 3 })
      const fiber = yield* Effect.fork(Effect.flip(Projects.get({ projectSlug: "p" })))
      yield* TestClock.adjust("1 minute")
      const error = yield* Fiber.join(fiber)
      expect(error._tag === "TransportError" && error.reason).toBe("Timeout")
      expect(error.message).toMatch(
        /^request timed out after 1s: GET \S+\/pwa\/v3\/projects\/p \(3 attempts over 3s 500ms, waits between them included\)$/
      )
    }).pipe(Effect.provide(FakeManagementApi.layer({ timeout: "1 second" })), Effect.provide(everyQuarterSecond)))

  it.effect("a single attempt keeps the plain message", () =>
    Effect.gen(function*() {
      yield* Projects.create({ name: "P", projectSlug: "p" })
      const fake = yield* FakeManagementApi.FakeManagementApi
      yield* fake.inject(Fault.latency("5 minutes"), { operation: "projects.get" })
      const fiber = yield* Effect.fork(Effect.flip(Projects.get({ projectSlug: "p" })))
      yield* TestClock.adjust("1 minute")
      expect((yield* Fiber.join(fiber)).message).toMatch(/^request timed out after 1s: GET \S+$/)
    }).pipe(Effect.provide(FakeManagementApi.layer({ timeout: "1 second" })), Effect.provide(RetryPolicy.none)))
})
