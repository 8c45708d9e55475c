import { it } from "@effect/vitest"
import { JWTTemplates } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Effect, Schema } from "effect"
import { describe, expect } from "vitest"
import { failureOf, raw, type Scope, testEnvironment, withFake } from "./utils.js"

const SESSION_CONTENT = `{"custom_user_id": "user-123", "custom_email": "test@example.com"}`
const M2M_CONTENT = `{"custom_org_id": "org-456", "custom_name": "Test Organization"}`

const pathOf = (scope: Scope, type: string) =>
  `/pwa/v3/projects/${scope.projectSlug}/environments/${scope.environmentSlug}/jwt_templates/${type}`

describe("JWTTemplates", () => {
  it.effect("set SESSION on a Consumer TEST environment echoes it; get returns the same", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("CONSUMER")
      const set = yield* JWTTemplates.set({
        ...scope,
        jwtTemplateType: "SESSION",
        templateContent: SESSION_CONTENT,
        customAudience: "my-custom-audience"
      })
      expect(set.jwtTemplate).toEqual(
        new JWTTemplates.JWTTemplate({
          templateContent: SESSION_CONTENT,
          customAudience: "my-custom-audience",
          jwtTemplateType: "SESSION"
        })
      )
      expect(set.requestID).not.toBe("")
      const got = yield* JWTTemplates.get({ ...scope, jwtTemplateType: "SESSION" })
      expect(got.jwtTemplate).toEqual(set.jwtTemplate)
    }).pipe(withFake))

  it.effect("set M2M on a B2B TEST environment echoes it; get returns the same", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const set = yield* JWTTemplates.set({
        ...scope,
        jwtTemplateType: "M2M",
        templateContent: M2M_CONTENT,
        customAudience: "m2m-audience"
      })
      expect(set.jwtTemplate.templateContent).toBe(M2M_CONTENT)
      expect(set.jwtTemplate.customAudience).toBe("m2m-audience")
      expect(set.jwtTemplate.jwtTemplateType).toBe("M2M")
      const got = yield* JWTTemplates.get({ ...scope, jwtTemplateType: "M2M" })
      expect(got.jwtTemplate).toEqual(set.jwtTemplate)
    }).pipe(withFake))

  it.effect("the path carries the type; the body only the content and audience", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const scope = yield* testEnvironment("B2B")
      yield* JWTTemplates.set({ ...scope, jwtTemplateType: "M2M", templateContent: "{}", customAudience: "" })
      const last = (yield* fake.requests).at(-1)!
      expect(last.method).toBe("PUT")
      expect(last.path).toBe(pathOf(scope, "M2M"))
      expect(last.body).toEqual({ template_content: "{}", custom_audience: "" })
    }).pipe(withFake))

  it.effect("before any set, get returns an empty template of the requested type", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("CONSUMER")
      for (const type of ["SESSION", "M2M"] as const) {
        const { jwtTemplate } = yield* JWTTemplates.get({ ...scope, jwtTemplateType: type })
        expect(jwtTemplate).toEqual(
          new JWTTemplates.JWTTemplate({ templateContent: "", customAudience: "", jwtTemplateType: type })
        )
      }
    }).pipe(withFake))

  it.effect("both types exist in both verticals and are independent; set replaces", () =>
    Effect.gen(function*() {
      for (const vertical of ["B2B", "CONSUMER"] as const) {
        const scope = yield* testEnvironment(vertical)
        yield* JWTTemplates.set({ ...scope, jwtTemplateType: "SESSION", templateContent: "{\"a\":1}", customAudience: "aud" })
        yield* JWTTemplates.set({ ...scope, jwtTemplateType: "M2M", templateContent: "{\"b\":2}", customAudience: "" })
        const replaced = yield* JWTTemplates.set({
          ...scope,
          jwtTemplateType: "SESSION",
          templateContent: "{\"c\":3}",
          customAudience: ""
        })
        expect(replaced.jwtTemplate.customAudience).toBe("")
        const session = yield* JWTTemplates.get({ ...scope, jwtTemplateType: "SESSION" })
        expect(session.jwtTemplate.templateContent).toBe("{\"c\":3}")
        expect(session.jwtTemplate.customAudience).toBe("")
        const m2m = yield* JWTTemplates.get({ ...scope, jwtTemplateType: "M2M" })
        expect(m2m.jwtTemplate.templateContent).toBe("{\"b\":2}")
      }
    }).pipe(withFake))

  it.effect("a Go-style body without custom_audience (empty string omitted) stores an empty audience", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("CONSUMER")
      yield* JWTTemplates.set({ ...scope, jwtTemplateType: "SESSION", templateContent: "{}", customAudience: "old" })
      const response = yield* raw("PUT", pathOf(scope, "SESSION"), { template_content: SESSION_CONTENT })
      expect(response.status).toBe(200)
      expect(response.body.jwt_template).toEqual({
        template_content: SESSION_CONTENT,
        custom_audience: "",
        jwt_template_type: "SESSION"
      })
      const got = yield* JWTTemplates.get({ ...scope, jwtTemplateType: "SESSION" })
      expect(got.jwtTemplate.customAudience).toBe("")
    }).pipe(withFake))

  it.effect("the fake answers an unknown template type in the path with a 400", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("CONSUMER")
      const response = yield* raw("GET", pathOf(scope, "ACCESS"))
      expect(response.status).toBe(400)
      expect(response.body).toMatchObject({ status_code: 400, error_type: "bad_request" })
    }).pipe(withFake))

  it.effect("an unknown environment is a 404 environment_not_found", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const error = yield* failureOf(
        JWTTemplates.get({ projectSlug: scope.projectSlug, environmentSlug: "nope", jwtTemplateType: "SESSION" })
      )
      expect(error._tag === "StytchApiError" && [error.statusCode, error.errorType]).toEqual([
        404,
        "environment_not_found"
      ])
    }).pipe(withFake))

  it.effect("empty path parameters are an InvalidRequestError and nothing is sent", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const untyped = "" as JWTTemplates.JWTTemplateType
      const cases = [
        [JWTTemplates.get({ projectSlug: "p", environmentSlug: "e", jwtTemplateType: untyped }), "jwtTemplateType"],
        [
          JWTTemplates.set({
            projectSlug: "p",
            environmentSlug: "e",
            jwtTemplateType: untyped,
            templateContent: "{}",
            customAudience: ""
          }),
          "jwtTemplateType"
        ],
        [JWTTemplates.get({ projectSlug: "p", environmentSlug: "", jwtTemplateType: "SESSION" }), "environmentSlug"],
        [
          JWTTemplates.set({
            projectSlug: "",
            environmentSlug: "e",
            jwtTemplateType: "M2M",
            templateContent: "{}",
            customAudience: ""
          }),
          "projectSlug"
        ]
      ] as const
      for (const [operation, field] of cases) {
        const error = yield* failureOf(operation)
        expect(error._tag).toBe("InvalidRequestError")
        if (error._tag === "InvalidRequestError") {
          expect(error.kind).toBe("MissingPathParameter")
          expect(error.field).toBe(field)
        }
      }
      expect(yield* fake.requests).toEqual([])
    }).pipe(withFake))

  it.effect("an unknown template type is an InvalidRequestError and nothing is sent", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const error = yield* failureOf(
        JWTTemplates.get({ projectSlug: "p", environmentSlug: "e", jwtTemplateType: "ACCESS" as JWTTemplates.JWTTemplateType })
      )
      expect(error._tag).toBe("InvalidRequestError")
      expect(error._tag === "InvalidRequestError" && error.field).toBe("jwtTemplateType")
      expect(yield* fake.requests).toEqual([])
    }).pipe(withFake))

  it("responses decode leniently: absent strings are empty, an unknown type still decodes", () => {
    const decoded = Schema.decodeUnknownSync(JWTTemplates.GetResponse)({
      request_id: "r",
      status_code: 200,
      jwt_template: { jwt_template_type: "ACCESS" }
    })
    expect(decoded.jwtTemplate).toEqual(
      new JWTTemplates.JWTTemplate({ templateContent: "", customAudience: "", jwtTemplateType: "ACCESS" })
    )
  })
})
