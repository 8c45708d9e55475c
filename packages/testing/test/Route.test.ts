import { it } from "@effect/vitest"
import { Api } from "@stytch-effect/resources"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import { FakeError } from "../src/internal/errors.js"
import { answer, compileRoute } from "../src/internal/route.js"

const endpoint = Api.endpoints.find((e) => e.group === "publicTokens" && e.name === "get")!
const route = compileRoute(endpoint, undefined)
const token = { public_token: "public-token-test-1", created_at: "2026-12-02T00:00:00Z" }

describe("the fakes' answer (both servers)", () => {
  it.effect("encodes the handler's payload with the route's response schema", () =>
    Effect.gen(function*() {
      const body = yield* answer(route, "request-1", () => ({
        publicToken: { publicToken: "public-token-test-1", createdAt: "2026-12-02T00:00:00Z" }
      }))
      expect(body).toEqual({ request_id: "request-1", status_code: 200, public_token: token })
    }))

  it.effect("a FakeError the handler throws is the answer", () =>
    Effect.gen(function*() {
      const thrown = new FakeError(404, "public_token_not_found", "Public token not found.")
      const error = yield* Effect.flip(answer(route, "request-1", () => {
        throw thrown
      }))
      expect(error).toBe(thrown)
    }))

  it.effect("anything else thrown, or a payload the schema refuses, is a 500", () =>
    Effect.gen(function*() {
      const crashed = yield* Effect.flip(answer(route, "request-1", () => {
        throw new TypeError("boom")
      }))
      expect(crashed).toMatchObject({ status: 500, errorType: "internal_server_error" })
      expect(crashed.errorMessage).toContain("The fake failed: TypeError: boom")
      const invalid = yield* Effect.flip(answer(route, "request-1", () => ({ publicToken: { publicToken: 42 } })))
      expect(invalid).toMatchObject({ status: 500, errorType: "internal_server_error" })
      expect(invalid.errorMessage).toContain("The fake sent an invalid response")
    }))
})
