import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { it } from "@effect/vitest"
import { Credentials, RetryPolicy, StytchManagement } from "@stytch-effect/core"
import { Environments, Projects, Secrets } from "@stytch-effect/resources"
import { FakeManagementApi, Fault } from "@stytch-effect/testing"
import { Effect, Layer } from "effect"
import { describe, expect } from "vitest"

const withFake = Effect.provide(FakeManagementApi.layer())

/** A client whose every response is `status` + `body`, to check mapping against an exact body. */
const fixed = (status: number, body: unknown) =>
  StytchManagement.layerWithHttpClient({ credentials: Credentials.workspaceKey("id", "secret") }).pipe(
    Layer.provide(Layer.succeed(
      HttpClient.HttpClient,
      HttpClient.make((request) =>
        Effect.succeed(HttpClientResponse.fromWeb(request, new Response(JSON.stringify(body), { status })))
      )
    ))
  )

describe("StytchApiError", () => {
  it.effect("carries errorType, statusCode, requestID and errorURL from the body", () =>
    Effect.gen(function*() {
      const body = {
        status_code: 404,
        request_id: "request-id-test-123",
        error_type: "project_not_found",
        error_message: "Project not found.",
        error_url: "https://stytch.com/docs/api/errors/404#project_not_found"
      }
      const error = yield* Effect.flip(Projects.get({ projectSlug: "nope" })).pipe(Effect.provide(fixed(404, body)))
      expect(error._tag).toBe("StytchApiError")
      if (error._tag !== "StytchApiError") return
      expect(error.statusCode).toBe(404)
      expect(error.requestID).toBe("request-id-test-123")
      expect(error.errorType).toBe("project_not_found")
      expect(error.errorMessage).toBe("Project not found.")
      expect(error.errorURL).toBe(body.error_url)
      expect(error.message).toContain("project_not_found")
    }))

  it.effect("an unknown project from the fake is a 404 with a not_found type", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Projects.get({ projectSlug: "invalid-slug" }))
      expect(error._tag).toBe("StytchApiError")
      if (error._tag !== "StytchApiError") return
      expect(error.statusCode).toBe(404)
      expect(error.errorType).toContain("not_found")
      expect(error.requestID).toMatch(/^request-id-test-/)
    }).pipe(withFake))

  it.effect("an error status without a Stytch body is an UnexpectedResponseError with the status", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Projects.getAll()).pipe(
        Effect.provide(Layer.merge(fixed(502, { oops: true }), RetryPolicy.none))
      )
      expect(error._tag).toBe("UnexpectedResponseError")
      expect(error._tag === "UnexpectedResponseError" && error.statusCode).toBe(502)
    }))
})

describe("InvalidRequestError", () => {
  const cases: ReadonlyArray<[string, string]> = [["empty", ""], ["blank", "  "], ["dot segment", ".."]]
  for (const [label, value] of cases) {
    it.effect(`a ${label} path param is rejected before any request`, () =>
      Effect.gen(function*() {
        const fake = yield* FakeManagementApi.FakeManagementApi
        const error = yield* Effect.flip(Secrets.get({ projectSlug: "p", environmentSlug: value, secretID: "s" }))
        expect(error._tag).toBe("InvalidRequestError")
        if (error._tag !== "InvalidRequestError") return
        expect(error.kind).toBe(value === ".." ? "InvalidPathParameter" : "MissingPathParameter")
        expect(error.field).toBe("environmentSlug")
        expect(error.message).toMatch(/^environmentSlug /)
        expect(yield* fake.requests).toEqual([])
      }).pipe(withFake))
  }

  it.effect("a missing path param (untyped callers) says it cannot be empty", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const error = yield* Effect.flip(Projects.get({} as Projects.GetRequest))
      expect(error.message).toBe("projectSlug cannot be empty")
      expect(yield* fake.requests).toEqual([])
    }).pipe(withFake))

  it.effect("a body that does not encode is rejected before any request, naming the field", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const error = yield* Effect.flip(Projects.create({ name: 42 } as unknown as Projects.CreateRequest))
      expect(error._tag).toBe("InvalidRequestError")
      expect(error._tag === "InvalidRequestError" && error.kind).toBe("Body")
      expect(error._tag === "InvalidRequestError" && error.field).toBe("name")
      expect(error.message).not.toContain("42")
      expect(yield* fake.requests).toEqual([])
    }).pipe(withFake))
})

describe("wire encoding", () => {
  it.effect("path params are percent-encoded, so a/b?c stays one segment", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const error = yield* Effect.flip(Projects.get({ projectSlug: "a/b?c d" }))
      expect(error._tag === "StytchApiError" && error.errorType).toBe("project_not_found")
      const [request] = yield* fake.requests
      expect(request?.path).toBe("/pwa/v3/projects/a%2Fb%3Fc%20d")
      expect(request?.operation).toBe("projects.get")
    }).pipe(withFake))

  it.effect("bodies are snake_case; omitted optional fields are not sent; DELETE has no body", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const { project } = yield* Projects.create({ name: "P", projectSlug: "p-1" })
      yield* Environments.create({ projectSlug: project.projectSlug, name: "production", type: "LIVE", userLockTtl: 60 })
      yield* Projects.delete({ projectSlug: "p-1" })
      const [create, env, del] = yield* fake.requests
      expect(create?.body).toEqual({ name: "P", project_slug: "p-1" })
      expect(env?.body).toEqual({ name: "production", type: "LIVE", user_lock_ttl: 60 })
      expect(del?.body).toBeUndefined()
    }).pipe(withFake))

  it.effect("a bodiless POST sends {}", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      yield* Projects.create({ name: "P", projectSlug: "p" })
      yield* Environments.create({ projectSlug: "p", name: "production", type: "LIVE", environmentSlug: "production" })
      yield* Secrets.create({ projectSlug: "p", environmentSlug: "production" })
      const requests = yield* fake.requests
      expect(requests.at(-1)?.body).toEqual({})
    }).pipe(withFake))
})

describe("forward compatibility", () => {
  it.effect("an unknown enum value and unknown fields still decode", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const { project } = yield* Projects.create({ name: "P", vertical: "B2B" })
      yield* fake.inject(
        Fault.rewrite((body) => ({
          ...body,
          brand_new_top_level: [1, 2, 3],
          project: { ...(body.project as object), vertical: "GALAXY", brand_new_field: { nested: true } }
        })),
        { operation: "projects.get" }
      )
      const got = yield* Projects.get({ projectSlug: project.projectSlug })
      expect(got.project.vertical).toBe("GALAXY")
      expect(got.project.projectSlug).toBe(project.projectSlug)
      expect(got.project).not.toHaveProperty("brand_new_field")
    }).pipe(withFake))

  it.effect("a 2xx body that does not match is an UnexpectedResponseError that hides values", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      yield* Projects.create({ name: "P", projectSlug: "p" })
      yield* Environments.create({ projectSlug: "p", name: "production", type: "LIVE", environmentSlug: "production" })
      yield* fake.inject(
        Fault.rewrite((body) => ({ ...body, secret: { secret_id: 7, secret: "sk-very-secret-value" } })),
        { operation: "secrets.create" }
      )
      const error = yield* Effect.flip(Secrets.create({ projectSlug: "p", environmentSlug: "production" }))
      expect(error._tag).toBe("UnexpectedResponseError")
      expect(error.message).toContain("secret_id")
      expect(error.message).not.toContain("sk-very-secret-value")
      expect(error._tag === "UnexpectedResponseError" && error.requestID).toMatch(/^request-id-test-/)
    }).pipe(withFake))

  it.effect("a 2xx JSON body that is not an object (null, an array) is an UnexpectedResponseError", () =>
    Effect.gen(function*() {
      for (const body of [null, [1, 2]]) {
        const error = yield* Effect.flip(Projects.getAll()).pipe(Effect.provide(fixed(200, body)))
        expect(error._tag).toBe("UnexpectedResponseError")
        expect(error._tag === "UnexpectedResponseError" && error.statusCode).toBe(200)
      }
    }))

  it.effect("a 2xx body that is not JSON is an UnexpectedResponseError", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      yield* fake.inject(Fault.malformed(200))
      const error = yield* Effect.flip(Projects.getAll())
      expect(error._tag).toBe("UnexpectedResponseError")
    }).pipe(withFake))
})
