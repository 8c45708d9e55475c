import { it } from "@effect/vitest"
import { PasswordStrengthConfig } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Effect, Schema } from "effect"
import { describe, expect } from "vitest"
import { failureOf, raw, type Scope, testEnvironment, withFake } from "./utils.js"

const pathOf = (scope: Scope) =>
  `/pwa/v3/projects/${scope.projectSlug}/environments/${scope.environmentSlug}/password_strength_config`

const luds = {
  checkBreachOnCreation: true,
  checkBreachOnAuthentication: true,
  validateOnAuthentication: true,
  validationPolicy: "LUDS",
  ludsMinPasswordLength: 10,
  ludsMinPasswordComplexity: 3
} as const

describe("PasswordStrengthConfig", () => {
  it.effect("a fresh Consumer TEST environment has a default config with a validation policy", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("CONSUMER")
      const got = yield* PasswordStrengthConfig.get(scope)
      expect(got.requestID).not.toBe("")
      expect(got.passwordStrengthConfig.validationPolicy).toBe("ZXCVBN")
      expect(got.passwordStrengthConfig).toEqual(
        new PasswordStrengthConfig.PasswordStrengthConfig({
          checkBreachOnCreation: true,
          checkBreachOnAuthentication: true,
          validateOnAuthentication: true,
          validationPolicy: "ZXCVBN"
        })
      )
    }).pipe(withFake))

  it.effect("set LUDS {true, true, true, 10, 3} echoes every value; get returns the same", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("CONSUMER")
      const set = yield* PasswordStrengthConfig.set({ ...scope, ...luds })
      expect(set.passwordStrengthConfig).toEqual(new PasswordStrengthConfig.PasswordStrengthConfig(luds))
      const got = yield* PasswordStrengthConfig.get(scope)
      expect(got.passwordStrengthConfig).toEqual(set.passwordStrengthConfig)
    }).pipe(withFake))

  it.effect("set ZXCVBN {false, false, false} echoes false values and no luds settings", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const scope = yield* testEnvironment("CONSUMER")
      yield* PasswordStrengthConfig.set({ ...scope, ...luds })
      const set = yield* PasswordStrengthConfig.set({
        ...scope,
        checkBreachOnCreation: false,
        checkBreachOnAuthentication: false,
        validateOnAuthentication: false,
        validationPolicy: "ZXCVBN"
      })
      const config = set.passwordStrengthConfig
      expect(config.checkBreachOnCreation).toBe(false)
      expect(config.checkBreachOnAuthentication).toBe(false)
      expect(config.validateOnAuthentication).toBe(false)
      expect(config.validationPolicy).toBe("ZXCVBN")
      expect("ludsMinPasswordLength" in config).toBe(false)
      expect("ludsMinPasswordComplexity" in config).toBe(false)
      // false is sent as false, not left out
      expect((yield* fake.requests).at(-1)!.body).toEqual({
        check_breach_on_creation: false,
        check_breach_on_authentication: false,
        validate_on_authentication: false,
        validation_policy: "ZXCVBN"
      })
      // and the wire carries no luds keys
      const wire = yield* raw("GET", pathOf(scope))
      expect(Object.keys(wire.body.password_strength_config).sort()).toEqual([
        "check_breach_on_authentication",
        "check_breach_on_creation",
        "validate_on_authentication",
        "validation_policy"
      ])
      expect((yield* PasswordStrengthConfig.get(scope)).passwordStrengthConfig).toEqual(config)
    }).pipe(withFake))

  it.effect("a missing key in set is the zero value, not 'unchanged' (Go omits false)", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("CONSUMER")
      yield* PasswordStrengthConfig.set({ ...scope, ...luds })
      const response = yield* raw("PUT", pathOf(scope), { validation_policy: "ZXCVBN" })
      expect(response.status).toBe(200)
      expect(response.body.password_strength_config).toEqual({
        check_breach_on_creation: false,
        check_breach_on_authentication: false,
        validate_on_authentication: false,
        validation_policy: "ZXCVBN"
      })
      const got = yield* PasswordStrengthConfig.get(scope)
      expect(got.passwordStrengthConfig.checkBreachOnCreation).toBe(false)
    }).pipe(withFake))

  it.effect("without a policy, set uses the default ZXCVBN; luds settings are ignored under ZXCVBN", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const set = yield* PasswordStrengthConfig.set({
        ...scope,
        checkBreachOnCreation: true,
        checkBreachOnAuthentication: false,
        validateOnAuthentication: false,
        ludsMinPasswordLength: 12,
        ludsMinPasswordComplexity: 2
      })
      expect(set.passwordStrengthConfig).toEqual(
        new PasswordStrengthConfig.PasswordStrengthConfig({
          checkBreachOnCreation: true,
          checkBreachOnAuthentication: false,
          validateOnAuthentication: false,
          validationPolicy: "ZXCVBN"
        })
      )
    }).pipe(withFake))

  it.effect("LUDS needs a length of 8–32 and a complexity of 1–4 (400 otherwise); the config is unchanged", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("CONSUMER")
      const cases = [
        [{ ludsMinPasswordLength: 7, ludsMinPasswordComplexity: 3 }, "invalid_luds_min_password_length"],
        [{ ludsMinPasswordLength: 33, ludsMinPasswordComplexity: 3 }, "invalid_luds_min_password_length"],
        [{ ludsMinPasswordComplexity: 3 }, "invalid_luds_min_password_length"],
        [{ ludsMinPasswordLength: 10, ludsMinPasswordComplexity: 5 }, "invalid_luds_min_password_complexity"],
        [{ ludsMinPasswordLength: 10 }, "invalid_luds_min_password_complexity"]
      ] as const
      for (const [settings, errorType] of cases) {
        const error = yield* failureOf(
          PasswordStrengthConfig.set({
            ...scope,
            checkBreachOnCreation: false,
            checkBreachOnAuthentication: false,
            validateOnAuthentication: false,
            validationPolicy: "LUDS",
            ...settings
          })
        )
        expect(error._tag === "StytchApiError" && [error.statusCode, error.errorType]).toEqual([400, errorType])
      }
      expect((yield* PasswordStrengthConfig.get(scope)).passwordStrengthConfig.validationPolicy).toBe("ZXCVBN")
    }).pipe(withFake))

  it.effect("an unknown environment is a 404 environment_not_found", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("CONSUMER")
      const error = yield* failureOf(PasswordStrengthConfig.get({ ...scope, environmentSlug: "nope" }))
      expect(error._tag === "StytchApiError" && error.errorType).toBe("environment_not_found")
    }).pipe(withFake))

  it.effect("empty path parameters and an unknown policy are InvalidRequestErrors; nothing is sent", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const base = { checkBreachOnCreation: true, checkBreachOnAuthentication: true, validateOnAuthentication: true }
      const empty = yield* failureOf(PasswordStrengthConfig.get({ projectSlug: "p", environmentSlug: "" }))
      expect(empty._tag === "InvalidRequestError" && [empty.kind, empty.field]).toEqual([
        "MissingPathParameter",
        "environmentSlug"
      ])
      const emptySet = yield* failureOf(PasswordStrengthConfig.set({ projectSlug: " ", environmentSlug: "e", ...base }))
      expect(emptySet._tag === "InvalidRequestError" && emptySet.field).toBe("projectSlug")
      const typo = yield* failureOf(
        PasswordStrengthConfig.set({
          projectSlug: "p",
          environmentSlug: "e",
          ...base,
          validationPolicy: "ValidationPolicyLUDS" as PasswordStrengthConfig.ValidationPolicy
        })
      )
      expect(typo._tag === "InvalidRequestError" && typo.field).toBe("validationPolicy")
      expect(yield* fake.requests).toEqual([])
    }).pipe(withFake))

  it("responses decode leniently: absent booleans are false, null luds settings are absent", () => {
    const decoded = Schema.decodeUnknownSync(PasswordStrengthConfig.GetResponse)({
      request_id: "r",
      status_code: 200,
      password_strength_config: {
        validation_policy: "ZXCVBN",
        luds_min_password_length: null,
        luds_min_password_complexity: null
      }
    })
    expect(decoded.passwordStrengthConfig).toEqual(
      new PasswordStrengthConfig.PasswordStrengthConfig({
        checkBreachOnCreation: false,
        checkBreachOnAuthentication: false,
        validateOnAuthentication: false,
        validationPolicy: "ZXCVBN"
      })
    )
  })
})
