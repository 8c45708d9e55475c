import { it } from "@effect/vitest"
import { Api, Environments, Projects } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Effect } from "effect"
import { describe, expect } from "vitest"

describe("the registry", () => {
  it("keys every resource module by the group name of its endpoints", () => {
    for (const [key, module] of Object.entries(Api.groups)) {
      for (const [name, endpoint] of Object.entries(module.endpoints)) {
        expect(endpoint.group).toBe(key)
        expect(endpoint.name).toBe(name)
        expect(typeof (module as unknown as Record<string, unknown>)[name]).toBe("function")
      }
    }
    expect(Api.endpoints).toHaveLength(
      Object.values(Api.groups).reduce((n, module) => n + Object.keys(module.endpoints).length, 0)
    )
  })
})

describe("closed request enums", () => {
  it.effect("an unknown request enum value from an untyped caller is an InvalidRequestError, nothing is sent", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const error = yield* Effect.flip(
        Projects.create({ name: "Typo", vertical: "B2C_TYPO" as Projects.Vertical })
      )
      expect(error._tag).toBe("InvalidRequestError")
      expect(error._tag === "InvalidRequestError" && error.field).toBe("vertical")
      const { project } = yield* Projects.create({ name: "Fine", vertical: "B2B" })
      const envError = yield* Effect.flip(
        Environments.create({ projectSlug: project.projectSlug, name: "x", type: "LIEV" as Environments.EnvironmentType })
      )
      expect(envError._tag).toBe("InvalidRequestError")
      expect((yield* fake.requests).map((r) => r.operation)).toEqual(["projects.create"])
    }).pipe(Effect.provide(FakeManagementApi.layer())))

  it.scopedLive("the fake answers an unknown request enum value with the API's 400 error body", () =>
    Effect.gen(function*() {
      const served = yield* FakeManagementApi.serve()
      const response = yield* Effect.promise(() =>
        fetch(`${served.url}/pwa/v3/projects`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            authorization: `Basic ${btoa(`${served.credentials.keyID}:fake-workspace-secret-do-not-use`)}`
          },
          body: JSON.stringify({ name: "Typo", vertical: "B2C_TYPO" })
        })
      )
      expect(response.status).toBe(400)
      const body = yield* Effect.promise(() => response.json() as Promise<Record<string, unknown>>)
      expect(body).toMatchObject({ status_code: 400, error_type: "bad_request" })
      expect(typeof body.request_id).toBe("string")
    }))
})
