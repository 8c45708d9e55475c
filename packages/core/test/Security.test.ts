import { it } from "@effect/vitest"
import { Credentials, RetryPolicy, type StytchManagement } from "@stytch-effect/core"
import { Projects, Secrets } from "@stytch-effect/resources"
import { FakeManagementApi, Fault } from "@stytch-effect/testing"
import { Cause, Effect, Inspectable, Logger, Redacted, Tracer } from "effect"
import { describe, expect } from "vitest"
import { recordSpansInto, renderings } from "../../resources/test/utils.js"

const SECRET = "wsk-secret-3c1f9a7e-never-print-me"
const credentials = Credentials.workspaceKey("workspace-key-test-1", SECRET)


describe("credentials stay secret", () => {
  it("Credentials print as <redacted>", () => {
    for (const text of renderings(credentials)) expect(text).not.toContain(SECRET)
    expect(String(credentials.keySecret)).toBe("<redacted>")
    const token = Credentials.accessToken("tok-abcdef-123456")
    expect(Inspectable.format(token)).not.toContain("tok-abcdef-123456")
  })

  it("sends Basic base64(id:secret) and Bearer <token>", () => {
    expect(Redacted.value(Credentials.authorization(credentials))).toBe(
      `Basic ${btoa(`workspace-key-test-1:${SECRET}`)}`
    )
    expect(Redacted.value(Credentials.authorization(Credentials.accessToken("t")))).toBe("Bearer t")
  })

  const logs: Array<string> = []
  const logger = Logger.make(({ cause, message }) => logs.push(`${Inspectable.format(message)} ${Cause.pretty(cause)}`))
  const spans: Array<Tracer.Span> = []

  it.effect("no error, log line or span attribute contains the workspace key secret", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      yield* fake.inject(Fault.status(503), { times: 10 })
      const errors: Array<unknown> = []
      const run = <A, E>(effect: Effect.Effect<A, E, StytchManagement.StytchManagement>) =>
        effect.pipe(
          Effect.tapErrorCause((cause) => Effect.logError("operation failed", cause)),
          Effect.catchAll((error) => Effect.sync(() => errors.push(error)))
        )
      yield* run(Projects.get({ projectSlug: "p" }).pipe(Effect.provide(FakeManagementApi.layer({ credentials }))))
      yield* run(Projects.get({ projectSlug: "" }))
      yield* run(Projects.getAll())
      yield* run(Secrets.get({ projectSlug: "p", environmentSlug: "e", secretID: "s" }))
      // Wrong credentials: a 401 from the fake, logged.
      yield* run(Projects.getAll().pipe(Effect.provide(FakeManagementApi.layer({ credentials }))))
      expect(errors.length).toBeGreaterThanOrEqual(4)
      const attributes = spans.flatMap((span) => Array.from(span.attributes.values(), (v) => String(v)))
      for (const text of [...errors.flatMap(renderings), ...logs, ...attributes]) {
        expect(text).not.toContain(SECRET)
        expect(text).not.toContain(btoa(`workspace-key-test-1:${SECRET}`))
      }
      expect(logs.length).toBeGreaterThan(0)
      expect(spans.some((s) => s.name === "stytch.projects.get")).toBe(true)
    }).pipe(
      Effect.provide(FakeManagementApi.layer()),
      Effect.provide(RetryPolicy.none),
      recordSpansInto(spans),
      Effect.provide(Logger.replace(Logger.defaultLogger, logger))
    ))

  it.effect("the fake rejects wrong credentials with the real 401 body", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Projects.getAll())
      expect(error._tag === "StytchApiError" && error.statusCode).toBe(401)
      expect(error._tag === "StytchApiError" && error.errorType).toBe("unauthorized_credentials")
      expect(error.message).not.toContain(SECRET)
    }).pipe(Effect.provide(FakeManagementApi.layer({ credentials }))))
})
