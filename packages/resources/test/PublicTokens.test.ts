import { it } from "@effect/vitest"
import { Environments, PublicTokens } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import { describe, expect } from "vitest"
import { liveProject, testEnvironment, withFake } from "./utils.js"

describe("PublicTokens", () => {
  it.effect("a new environment lists one default token, created with the environment", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("CONSUMER")
      const { environment } = yield* Environments.get(scope)
      yield* TestClock.adjust("1 hour")
      const { publicTokens } = yield* PublicTokens.getAll(scope)
      expect(publicTokens).toHaveLength(1)
      expect(publicTokens[0]!.publicToken.length).toBeGreaterThan(10)
      expect(publicTokens[0]!.createdAt).toBe(environment.createdAt)
    }).pipe(withFake))

  it.effect("create returns a token and created_at; get returns exactly it; getAll contains it", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject("B2B")
      const created = yield* PublicTokens.create(scope)
      expect(created.publicToken.publicToken.length).toBeGreaterThan(10)
      expect(created.publicToken.createdAt).toBeDefined()
      expect(created.requestID).not.toBe("")
      expect(created.statusCode).toBe(200)

      const got = yield* PublicTokens.get({ ...scope, publicToken: created.publicToken.publicToken })
      expect(got.publicToken).toEqual(created.publicToken)

      const second = yield* PublicTokens.create(scope)
      const { publicTokens } = yield* PublicTokens.getAll(scope)
      expect(publicTokens.length).toBeGreaterThanOrEqual(2)
      expect(publicTokens).toContainEqual(created.publicToken)
      expect(publicTokens).toContainEqual(second.publicToken)
      expect(publicTokens.every((t) => t.createdAt !== undefined)).toBe(true)
    }).pipe(withFake))

  it.effect("create sends an empty JSON object", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const scope = yield* liveProject("B2B")
      yield* PublicTokens.create(scope)
      const sent = (yield* fake.requests).find((r) => r.operation === "publicTokens.create")
      expect(sent?.method).toBe("POST")
      expect(sent?.body).toEqual({})
    }).pipe(withFake))

  it.effect("delete removes a token from getAll; get afterwards is a 404", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const first = yield* PublicTokens.create(scope)
      const second = yield* PublicTokens.create(scope)
      const deleted = yield* PublicTokens.delete({ ...scope, publicToken: first.publicToken.publicToken })
      expect(deleted.requestID).not.toBe("")
      const { publicTokens } = yield* PublicTokens.getAll(scope)
      const listed = publicTokens.map((t) => t.publicToken)
      expect(listed).not.toContain(first.publicToken.publicToken)
      expect(listed).toContain(second.publicToken.publicToken)
      const gone = yield* Effect.flip(PublicTokens.get({ ...scope, publicToken: first.publicToken.publicToken }))
      expect(gone._tag === "StytchApiError" && gone.statusCode).toBe(404)
    }).pipe(withFake))

  it.effect("the last public token of an environment cannot be deleted", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("CONSUMER")
      const created = yield* PublicTokens.create(scope)
      const [initial] = (yield* PublicTokens.getAll(scope)).publicTokens.filter(
        (t) => t.publicToken !== created.publicToken.publicToken
      )
      yield* PublicTokens.delete({ ...scope, publicToken: initial!.publicToken })
      const error = yield* Effect.flip(PublicTokens.delete({ ...scope, publicToken: created.publicToken.publicToken }))
      expect(error._tag).toBe("StytchApiError")
      if (error._tag !== "StytchApiError") return
      expect(error.statusCode).toBe(400)
      expect(error.errorType).toBe("cannot_delete_last_public_token")
      const { publicTokens } = yield* PublicTokens.getAll(scope)
      expect(publicTokens).toEqual([created.publicToken])
    }).pipe(withFake))

  it.effect("an unknown token, environment or project is a 404 not_found", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject("B2B")
      const token = { ...scope, publicToken: "public-token-does-not-exist" }
      for (
        const failing of [
          PublicTokens.get(token),
          PublicTokens.delete(token),
          PublicTokens.getAll({ ...scope, environmentSlug: "does-not-exist" }),
          PublicTokens.create({ projectSlug: "project-does-not-exist", environmentSlug: "test" })
        ]
      ) {
        const error = yield* Effect.flip(failing)
        expect(error._tag).toBe("StytchApiError")
        if (error._tag !== "StytchApiError") return
        expect(error.statusCode).toBe(404)
        expect(error.errorType).toContain("not_found")
      }
      const notFound = yield* Effect.flip(PublicTokens.get(token))
      expect(notFound._tag === "StytchApiError" && notFound.errorType).toBe("public_token_not_found")
    }).pipe(withFake))

  it.effect("an empty path parameter is an InvalidRequestError and nothing is sent", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const scope = { projectSlug: "p", environmentSlug: "e" }
      const cases = [
        ["projectSlug", PublicTokens.create({ ...scope, projectSlug: "" })],
        ["environmentSlug", PublicTokens.getAll({ ...scope, environmentSlug: " " })],
        ["publicToken", PublicTokens.get({ ...scope, publicToken: "" })],
        ["publicToken", PublicTokens.delete({ ...scope, publicToken: "" })]
      ] as const
      for (const [field, operation] of cases) {
        const error = yield* Effect.flip(operation)
        expect(error._tag).toBe("InvalidRequestError")
        if (error._tag !== "InvalidRequestError") return
        expect(error.kind).toBe("MissingPathParameter")
        expect(error.field).toBe(field)
      }
      expect(yield* fake.requests).toEqual([])
    }).pipe(withFake))

  it("a token without created_at and a list without public_tokens still decode", () => {
    const all = Schema.decodeUnknownSync(PublicTokens.GetAllResponse)({ request_id: "request-id-1", status_code: 200 })
    expect(all.publicTokens).toEqual([])
    const got = Schema.decodeUnknownSync(PublicTokens.GetResponse)({
      request_id: "request-id-2",
      status_code: 200,
      public_token: { public_token: "public-token-test-1234567890" }
    })
    expect(got.publicToken).toEqual(new PublicTokens.PublicToken({ publicToken: "public-token-test-1234567890" }))
  })
})
