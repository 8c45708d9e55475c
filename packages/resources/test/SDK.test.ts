import { it } from "@effect/vitest"
import { Environments, SDK } from "@stytch-effect/resources"
import { Fault, FakeManagementApi } from "@stytch-effect/testing"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import { liveProject, testEnvironment, withFake } from "./utils.js"

/** Every section filled, with the values of the official SDKs' tests. */
const consumerConfig: SDK.ConsumerConfig = {
  basic: { enabled: true, domains: ["https://example.com"], bundleIDs: ["com.example.app"] },
  sessions: { maxSessionDurationMinutes: 120 },
  magicLinks: { loginOrCreateEnabled: true, sendEnabled: true, pkceRequired: false },
  otps: {
    smsLoginOrCreateEnabled: true,
    whatsappLoginOrCreateEnabled: false,
    emailLoginOrCreateEnabled: true,
    smsSendEnabled: false,
    whatsappSendEnabled: true,
    emailSendEnabled: false,
    smsAutofillMetadata: [{ metadataType: "domain", metadataValue: "example.com", bundleID: "com.example.app" }]
  },
  oauth: { enabled: true, pkceRequired: true },
  totps: { createTotps: true, enabled: true },
  webauthn: { createWebauthns: false, enabled: true },
  cryptoWallets: { enabled: true, siweRequired: false },
  dfppa: { enabled: "DISABLED", onChallenge: "ALLOW" },
  biometrics: { createBiometricsEnabled: true, enabled: false },
  passwords: { enabled: true, pkceRequiredForPasswordResets: false },
  cookies: { httpOnly: "DISABLED" },
  userImpersonation: { enabled: false }
}

const b2bConfig: SDK.B2BConfig = {
  basic: {
    enabled: true,
    allowSelfOnboarding: true,
    enableMemberPermissions: false,
    domains: [{ domain: "https://myb2bapp.com", slugPattern: "https://{{slug}}.myb2bapp.com" }],
    bundleIDs: ["com.myb2bapp.app"]
  },
  sessions: { maxSessionDurationMinutes: 180 },
  magicLinks: { enabled: true, pkceRequired: false },
  oauth: { enabled: true, pkceRequired: true },
  totps: { createTotps: false, enabled: true },
  sso: { enabled: true, pkceRequired: false },
  otps: {
    smsEnabled: true,
    smsAutofillMetadata: [{ metadataType: "hash", metadataValue: "a1b2c3d4e5f", bundleID: "com.myb2bapp.app" }],
    emailEnabled: false
  },
  dfppa: { enabled: "ENABLED", onChallenge: "BLOCK" },
  passwords: { enabled: true, pkceRequiredForPasswordResets: true },
  cookies: { httpOnly: "DISABLED" },
  userImpersonation: { enabled: false }
}

describe("SDK (Consumer)", () => {
  it.effect("setConsumerConfig with every section returns what was sent; getConsumerConfig returns the same", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject("CONSUMER")
      const set = yield* SDK.setConsumerConfig({ ...scope, config: consumerConfig })
      expect(set.config).toEqual(consumerConfig)
      expect(set.requestID).not.toBe("")
      const got = yield* SDK.getConsumerConfig(scope)
      expect(got.config).toEqual(consumerConfig)
    }).pipe(withFake))

  it.effect("a new environment has the default configuration", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("CONSUMER")
      const { config } = yield* SDK.getConsumerConfig(scope)
      expect(config.dfppa).toEqual({ enabled: "DISABLED", onChallenge: "ALLOW" })
      expect(config.cookies).toEqual({ httpOnly: "DISABLED" })
      expect(config.sessions).toEqual({ maxSessionDurationMinutes: 60 })
      expect(config.basic).toEqual({ enabled: false, domains: [], bundleIDs: [] })
      expect(config.userImpersonation).toEqual({ enabled: false })
      expect(Object.keys(config).sort()).toEqual(Object.keys(consumerConfig).sort())
    }).pipe(withFake))

  it.effect("a set replaces the sections it sends and leaves the others; a config is per environment", () =>
    Effect.gen(function*() {
      const live = yield* liveProject("CONSUMER")
      yield* SDK.setConsumerConfig({ ...live, config: consumerConfig })
      const { config } = yield* SDK.setConsumerConfig({
        ...live,
        config: { sessions: { maxSessionDurationMinutes: 30 }, dfppa: { onChallenge: "ALLOW" } }
      })
      expect(config).toEqual({ ...consumerConfig, sessions: { maxSessionDurationMinutes: 30 } })
      const unchanged = yield* SDK.setConsumerConfig(live)
      expect(unchanged.config).toEqual(config)

      const { environment } = yield* Environments.create({ projectSlug: live.projectSlug, name: "other", type: "TEST" })
      const other = yield* SDK.getConsumerConfig({ projectSlug: live.projectSlug, environmentSlug: environment.environmentSlug })
      expect(other.config.sessions).toEqual({ maxSessionDurationMinutes: 60 })
    }).pipe(withFake))

  it.effect("setConsumerConfig and getConsumerConfig fail on a B2B project's environment", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject("B2B")
      for (const call of [SDK.setConsumerConfig({ ...scope, config: consumerConfig }), SDK.getConsumerConfig(scope)]) {
        const error = yield* Effect.flip(call)
        expect(error._tag).toBe("StytchApiError")
        if (error._tag !== "StytchApiError") continue
        expect(error.statusCode).toBe(400)
        expect(error.errorType).toBe("sdk_config_vertical_mismatch")
      }
      // The B2B configuration is untouched.
      expect((yield* SDK.getB2BConfig(scope)).config.sessions).toEqual({ maxSessionDurationMinutes: 60 })
    }).pipe(withFake))
})

describe("SDK (B2B)", () => {
  it.effect("setB2BConfig with every section returns what was sent; getB2BConfig returns the same", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject("B2B")
      const set = yield* SDK.setB2BConfig({ ...scope, config: b2bConfig })
      expect(set.config).toEqual(b2bConfig)
      const got = yield* SDK.getB2BConfig(scope)
      expect(got.config).toEqual(b2bConfig)
    }).pipe(withFake))

  it.effect("a new environment has the default configuration", () =>
    Effect.gen(function*() {
      const scope = yield* testEnvironment("B2B")
      const { config } = yield* SDK.getB2BConfig(scope)
      expect(config.dfppa).toEqual({ enabled: "ENABLED", onChallenge: "BLOCK" })
      expect(config.cookies).toEqual({ httpOnly: "DISABLED" })
      expect(config.sessions).toEqual({ maxSessionDurationMinutes: 60 })
      expect(config.basic).toEqual({
        enabled: false,
        allowSelfOnboarding: false,
        enableMemberPermissions: false,
        domains: [],
        bundleIDs: []
      })
      expect(Object.keys(config).sort()).toEqual(Object.keys(b2bConfig).sort())
    }).pipe(withFake))

  it.effect("setB2BConfig and getB2BConfig fail on a Consumer project's environment", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject("CONSUMER")
      for (const call of [SDK.setB2BConfig({ ...scope, config: b2bConfig }), SDK.getB2BConfig(scope)]) {
        const error = yield* Effect.flip(call)
        expect(error._tag === "StytchApiError" && [error.statusCode, error.errorType]).toEqual([
          400,
          "sdk_config_vertical_mismatch"
        ])
      }
    }).pipe(withFake))

  it.effect("an ALL project's environment has both configurations", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject("ALL")
      expect((yield* SDK.setB2BConfig({ ...scope, config: b2bConfig })).config).toEqual(b2bConfig)
      expect((yield* SDK.setConsumerConfig({ ...scope, config: consumerConfig })).config).toEqual(consumerConfig)
    }).pipe(withFake))
})

describe("SDK (wire)", () => {
  it.effect("unknown environments are 404 environment_not_found", () =>
    Effect.gen(function*() {
      const { projectSlug } = yield* liveProject("B2B")
      const error = yield* Effect.flip(SDK.getB2BConfig({ projectSlug, environmentSlug: "nope" }))
      expect(error._tag === "StytchApiError" && [error.statusCode, error.errorType]).toEqual([
        404,
        "environment_not_found"
      ])
    }).pipe(withFake))

  it.effect("the request body is snake_case, `dfppa` lower-case, every field of a sent section explicit", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const scope = yield* liveProject("B2B")
      yield* SDK.setB2BConfig({
        ...scope,
        config: { dfppa: b2bConfig.dfppa!, otps: b2bConfig.otps!, userImpersonation: { enabled: false } }
      })
      const sent = (yield* fake.requests).at(-1)!
      expect(sent).toMatchObject({ method: "PUT", operation: "sdk.setB2BConfig" })
      expect(sent.path).toBe(`/pwa/v3/projects/${scope.projectSlug}/environments/production/sdk/b2b`)
      expect(sent.body).toEqual({
        config: {
          dfppa: { enabled: "ENABLED", on_challenge: "BLOCK" },
          otps: {
            sms_enabled: true,
            sms_autofill_metadata: [{ metadata_type: "hash", metadata_value: "a1b2c3d4e5f", bundle_id: "com.myb2bapp.app" }],
            email_enabled: false
          },
          user_impersonation: { enabled: false }
        }
      })
    }).pipe(withFake))

  it.effect("empty path params are an InvalidRequestError, nothing is sent", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const calls = [
        ["projectSlug", Effect.asVoid(SDK.getConsumerConfig({ projectSlug: "", environmentSlug: "e" }))],
        [
          "environmentSlug",
          Effect.asVoid(SDK.setConsumerConfig({ projectSlug: "p", environmentSlug: "", config: consumerConfig }))
        ],
        ["projectSlug", Effect.asVoid(SDK.getB2BConfig({ projectSlug: " ", environmentSlug: "e" }))],
        ["environmentSlug", Effect.asVoid(SDK.setB2BConfig({ projectSlug: "p", environmentSlug: "" }))]
      ] as const
      for (const [field, call] of calls) {
        const error = yield* Effect.flip(call)
        expect(error._tag).toBe("InvalidRequestError")
        expect(error._tag === "InvalidRequestError" && error.field).toBe(field)
      }
      expect(yield* fake.requests).toEqual([])
    }).pipe(withFake))

  it.effect("an unknown request enum value is an InvalidRequestError, nothing is sent", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const scope = { projectSlug: "p", environmentSlug: "e" }
      const bad = [
        Effect.asVoid(SDK.setConsumerConfig({ ...scope, config: { dfppa: { enabled: "ON" as SDK.DFPPASetting } } })),
        Effect.asVoid(SDK.setB2BConfig({ ...scope, config: { cookies: { httpOnly: "YES" as SDK.CookiesHttpOnly } } })),
        Effect.asVoid(SDK.setB2BConfig({
          ...scope,
          config: {
            otps: {
              smsEnabled: true,
              emailEnabled: true,
              smsAutofillMetadata: [{ metadataType: "DOMAIN" as SDK.SMSAutofillMetadataType, metadataValue: "x", bundleID: "y" }]
            }
          }
        }))
      ]
      for (const call of bad) {
        const error = yield* Effect.flip(call)
        expect(error._tag).toBe("InvalidRequestError")
      }
      expect(yield* fake.requests).toEqual([])
    }).pipe(withFake))

  it.effect("responses decode enum values the SDK does not know, and the Node SDK's `DFPPA` key", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const scope = yield* liveProject("CONSUMER")
      yield* fake.inject(
        Fault.rewrite((body) => {
          const { dfppa, ...config } = body.config as Record<string, unknown>
          return {
            ...body,
            config: { ...config, DFPPA: { ...(dfppa as object), enabled: "SHADOW" }, cookies: { http_only: "STRICT" } }
          }
        })
      )
      const { config } = yield* SDK.getConsumerConfig(scope)
      expect(config.dfppa).toEqual({ enabled: "SHADOW", onChallenge: "ALLOW" })
      expect(config.cookies).toEqual({ httpOnly: "STRICT" })
    }).pipe(withFake))
})
