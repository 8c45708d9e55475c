import { it } from "@effect/vitest"
import { CountryCodeAllowlist } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { describe, expect } from "vitest"
import { liveProject, testEnvironment, withFake } from "./utils.js"

const {
  getAllowedSMSCountryCodes,
  getAllowedWhatsAppCountryCodes,
  setAllowedSMSCountryCodes,
  setAllowedWhatsAppCountryCodes
} = CountryCodeAllowlist

describe("CountryCodeAllowlist", () => {
  it.effect("a new environment allows CA and US for SMS (both verticals) and WhatsApp (Consumer)", () =>
    Effect.gen(function*() {
      const b2b = yield* testEnvironment("B2B")
      const consumer = yield* testEnvironment("CONSUMER")
      expect((yield* getAllowedSMSCountryCodes(b2b)).countryCodes).toEqual(["CA", "US"])
      expect((yield* getAllowedSMSCountryCodes(consumer)).countryCodes).toEqual(["CA", "US"])
      const whatsApp = yield* getAllowedWhatsAppCountryCodes(consumer)
      expect(whatsApp.countryCodes).toEqual(["CA", "US"])
      expect(whatsApp.requestID).not.toBe("")
      expect(whatsApp.statusCode).toBe(200)
    }).pipe(withFake))

  it.effect("set SMS replaces the whole list and returns it; get returns it in the same order", () =>
    Effect.gen(function*() {
      for (const vertical of ["B2B", "CONSUMER"] as const) {
        const scope = yield* testEnvironment(vertical)
        const set = yield* setAllowedSMSCountryCodes({ ...scope, countryCodes: ["CA", "MX", "US"] })
        expect(set.countryCodes).toEqual(["CA", "MX", "US"])
        expect((yield* getAllowedSMSCountryCodes(scope)).countryCodes).toEqual(["CA", "MX", "US"])
        yield* setAllowedSMSCountryCodes({ ...scope, countryCodes: ["US", "GB"] })
        expect((yield* getAllowedSMSCountryCodes(scope)).countryCodes).toEqual(["US", "GB"])
        // WhatsApp's list (Consumer) is separate and unchanged.
        if (vertical === "CONSUMER") {
          expect((yield* getAllowedWhatsAppCountryCodes(scope)).countryCodes).toEqual(["CA", "US"])
        }
      }
    }).pipe(withFake))

  it.effect("set WhatsApp (Consumer) replaces the whole list and returns it; get returns it in the same order", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("CONSUMER")
      const set = yield* setAllowedWhatsAppCountryCodes({ ...scope, countryCodes: ["CA", "MX", "US"] })
      expect(set.countryCodes).toEqual(["CA", "MX", "US"])
      expect((yield* getAllowedWhatsAppCountryCodes(scope)).countryCodes).toEqual(["CA", "MX", "US"])
      yield* setAllowedWhatsAppCountryCodes({ ...scope, countryCodes: ["MX"] })
      expect((yield* getAllowedWhatsAppCountryCodes(scope)).countryCodes).toEqual(["MX"])
      expect((yield* getAllowedSMSCountryCodes(scope)).countryCodes).toEqual(["CA", "US"])
    }).pipe(withFake))

  it.effect("each environment has its own lists", () =>
    Effect.gen(function*() {
      const live = yield* liveProject("CONSUMER")
      const other = yield* liveProject("CONSUMER")
      yield* setAllowedSMSCountryCodes({ ...live, countryCodes: ["FR"] })
      expect((yield* getAllowedSMSCountryCodes(other)).countryCodes).toEqual(["CA", "US"])
    }).pipe(withFake))

  it.effect("WhatsApp get and set on a B2B project fail with country_code_allowlist_b2b_whatsapp_not_supported", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      for (
        const failing of [
          getAllowedWhatsAppCountryCodes(scope),
          setAllowedWhatsAppCountryCodes({ ...scope, countryCodes: ["CA", "MX", "US"] })
        ]
      ) {
        const error = yield* Effect.flip(failing)
        expect(error._tag).toBe("StytchApiError")
        if (error._tag !== "StytchApiError") return
        expect(error.statusCode).toBe(400)
        expect(error.errorType).toBe("country_code_allowlist_b2b_whatsapp_not_supported")
      }
      // SMS still works on the same environment.
      expect((yield* setAllowedSMSCountryCodes({ ...scope, countryCodes: ["MX"] })).countryCodes).toEqual(["MX"])
    }).pipe(withFake))

  it.effect("an invalid country code is a 400 invalid_country_code and leaves the list unchanged", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("CONSUMER")
      for (const bad of ["us", "USA", "U", "", "1A"]) {
        const error = yield* Effect.flip(setAllowedSMSCountryCodes({ ...scope, countryCodes: ["CA", bad] }))
        expect(error._tag === "StytchApiError" && [error.statusCode, error.errorType]).toEqual([
          400,
          "invalid_country_code"
        ])
      }
      const whatsApp = yield* Effect.flip(setAllowedWhatsAppCountryCodes({ ...scope, countryCodes: ["mx"] }))
      expect(whatsApp._tag === "StytchApiError" && whatsApp.errorType).toBe("invalid_country_code")
      expect((yield* getAllowedSMSCountryCodes(scope)).countryCodes).toEqual(["CA", "US"])
      expect((yield* getAllowedWhatsAppCountryCodes(scope)).countryCodes).toEqual(["CA", "US"])
    }).pipe(withFake))

  it.effect("every operation on an unknown project is a 404 not_found", () =>
    Effect.gen(function*() {
      const scope = { projectSlug: "project-does-not-exist", environmentSlug: "test" }
      for (
        const failing of [
          getAllowedSMSCountryCodes(scope),
          getAllowedWhatsAppCountryCodes(scope),
          setAllowedSMSCountryCodes({ ...scope, countryCodes: ["CA", "MX", "US"] }),
          setAllowedWhatsAppCountryCodes({ ...scope, countryCodes: ["CA", "MX", "US"] })
        ]
      ) {
        const error = yield* Effect.flip(failing)
        expect(error._tag).toBe("StytchApiError")
        if (error._tag !== "StytchApiError") return
        expect(error.statusCode).toBe(404)
        expect(error.errorType).toBe("project_not_found")
      }
    }).pipe(withFake))

  it.effect("an empty path parameter or a body that does not encode is an InvalidRequestError; nothing is sent", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const cases = [
        ["projectSlug", getAllowedSMSCountryCodes({ projectSlug: "", environmentSlug: "e" })],
        ["environmentSlug", getAllowedWhatsAppCountryCodes({ projectSlug: "p", environmentSlug: "" })],
        ["projectSlug", setAllowedSMSCountryCodes({ projectSlug: " ", environmentSlug: "e", countryCodes: ["US"] })],
        ["environmentSlug", setAllowedWhatsAppCountryCodes({ projectSlug: "p", environmentSlug: "", countryCodes: [] })]
      ] as const
      for (const [field, operation] of cases) {
        const error = yield* Effect.flip(operation)
        expect(error._tag === "InvalidRequestError" && [error.kind, error.field]).toEqual(["MissingPathParameter", field])
      }
      // An untyped caller sending a string instead of a list.
      const body = yield* Effect.flip(
        setAllowedSMSCountryCodes({ projectSlug: "p", environmentSlug: "e", countryCodes: "US" as unknown as Array<string> })
      )
      expect(body._tag === "InvalidRequestError" && [body.kind, body.field]).toEqual(["Body", "countryCodes"])
      expect(yield* fake.requests).toEqual([])
    }).pipe(withFake))

  it("a response without country_codes (an empty list the server left out) decodes as an empty list", () => {
    const decoded = Schema.decodeUnknownSync(CountryCodeAllowlist.GetAllowedSMSCountryCodesResponse)({
      request_id: "request-id-1",
      status_code: 200
    })
    expect(decoded.countryCodes).toEqual([])
  })
})
