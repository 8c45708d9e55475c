import { inspect } from "node:util"
import * as HttpClient from "@effect/platform/HttpClient"
import { it } from "@effect/vitest"
import { Credentials, StytchManagement } from "@stytch-effect/core"
import { Environments, Projects, Secrets } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import { ConfigProvider, Effect, Layer } from "effect"
import { describe, expect } from "vitest"

const TOKEN = "tok-3f9a1c-secret-value"

/** Builds the service over an HttpClient that fails the test if it is ever called. */
const build = (options: unknown) =>
  Layer.build(
    StytchManagement.layerWithHttpClient(options as StytchManagement.Options).pipe(
      Layer.provide(Layer.succeed(HttpClient.HttpClient, HttpClient.make(() => Effect.die("no request may be sent"))))
    )
  ).pipe(Effect.scoped, Effect.flip)

const renderings = (error: unknown) => [String(error), inspect(error, { depth: 10 }), JSON.stringify(error)]

describe("credentials are checked where they enter", () => {
  it.effect("unusable values are a ConfigError naming the field, never the value", () =>
    Effect.gen(function*() {
      const cases: ReadonlyArray<readonly [unknown, string]> = [
        [Credentials.workspaceKey(undefined as never, undefined as never), "credentials.keyID"],
        [Credentials.workspaceKey("id", null as never), "credentials.keySecret"],
        [Credentials.workspaceKey("id", "   "), "credentials.keySecret"],
        [Credentials.workspaceKey("id", 42 as never), "credentials.keySecret"],
        [Credentials.workspaceKey("id:with-colon", TOKEN), "credentials.keyID"],
        [Credentials.workspaceKey("id", `${TOKEN}\r\nx-injected: 1`), "credentials.keySecret"],
        [Credentials.accessToken(`${TOKEN}\n`), "credentials.token"],
        [Credentials.accessToken(`${TOKEN}\u0000`), "credentials.token"],
        [Credentials.accessToken(`${TOKEN} with space`), "credentials.token"],
        [Credentials.accessToken(""), "credentials.token"],
        [undefined, "credentials"]
      ]
      for (const [credentials, field] of cases) {
        const error = yield* build({ credentials })
        expect(error._tag).toBe("ConfigError")
        expect(String(error)).toContain(field)
        for (const text of renderings(error)) expect(text).not.toContain(TOKEN)
      }
    }))

  it.effect("layerConfig rejects a control character in a variable, naming the variable only", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(StytchManagement.config)
      expect(String(error)).toContain("STYTCH_ACCESS_TOKEN")
      expect(String(error)).toContain("control characters")
      for (const text of renderings(error)) expect(text).not.toContain(TOKEN)
    }).pipe(
      Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["STYTCH_ACCESS_TOKEN", `${TOKEN}\r\n`]])))
    ))

  it.effect("a base URL that does not parse is not echoed", () =>
    Effect.gen(function*() {
      const error = yield* build({ credentials: Credentials.accessToken("t"), baseURL: `not a url ${TOKEN}` })
      for (const text of renderings(error)) expect(text).not.toContain(TOKEN)
    }))
})

describe("requests that cannot be sent faithfully are rejected before the network", () => {
  it.effect("a path param with a lone surrogate is an InvalidRequestError, not a defect", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const cut = "😀".slice(0, 1)
      for (const run of [
        Projects.get({ projectSlug: `abc${cut}` }),
        Secrets.get({ projectSlug: "p", environmentSlug: "e", secretID: `${cut}x` }),
        Projects.delete({ projectSlug: "😀".slice(1) })
      ]) {
        const error = yield* Effect.flip(run)
        expect(error._tag).toBe("InvalidRequestError")
        expect(error._tag === "InvalidRequestError" && error.kind).toBe("InvalidPathParameter")
      }
      // A well-formed emoji is fine (encoded and sent).
      const notFound = yield* Effect.flip(Projects.get({ projectSlug: "😀" }))
      expect(notFound._tag).toBe("StytchApiError")
      expect((yield* fake.requests).map((r) => r.path)).toEqual([`/pwa/v3/projects/${encodeURIComponent("😀")}`])
    }).pipe(Effect.provide(FakeManagementApi.layer())))

  it.effect("NaN and Infinity in number fields are rejected, naming the field", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        const error = yield* Effect.flip(
          Environments.create({ projectSlug: "p", name: "n", type: "LIVE", userLockThreshold: value })
        )
        expect(error._tag).toBe("InvalidRequestError")
        expect(error._tag === "InvalidRequestError" && error.field).toBe("userLockThreshold")
      }
      expect(yield* fake.requests).toEqual([])
    }).pipe(Effect.provide(FakeManagementApi.layer())))
})
