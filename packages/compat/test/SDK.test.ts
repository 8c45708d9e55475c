import { ClientError, ManagementStytchError, type sdk } from "@stytch-effect/compat"
import { Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { liveProject, rejection, testEnvironment, useServedFake } from "./utils.js"

const { client, server } = useServedFake()

/** Every section filled, with the values of the official SDKs' tests. */
const consumerConfig: sdk.ConsumerConfig = {
  basic: { enabled: true, domains: ["https://example.com"], bundleIDs: ["com.example.app"] },
  sessions: { maxSessionDurationMinutes: 120 },
  magicLinks: { loginOrCreateEnabled: true, sendEnabled: false, pkceRequired: true },
  otps: {
    smsLoginOrCreateEnabled: true,
    whatsappLoginOrCreateEnabled: true,
    emailLoginOrCreateEnabled: false,
    smsSendEnabled: true,
    whatsappSendEnabled: false,
    emailSendEnabled: true,
    smsAutofillMetadata: [{ metadataType: "domain", metadataValue: "example.com", bundleID: "com.example.app" }]
  },
  oauth: { enabled: false, pkceRequired: true },
  totps: { createTotps: true, enabled: true },
  webauthn: { createWebauthns: true, enabled: true },
  cryptoWallets: { enabled: false, siweRequired: true },
  dfppa: { enabled: "DISABLED", onChallenge: "ALLOW" },
  biometrics: { createBiometricsEnabled: false, enabled: true },
  passwords: { enabled: true, pkceRequiredForPasswordResets: true },
  cookies: { httpOnly: "DISABLED" },
  userImpersonation: { enabled: false }
}

const b2bConfig: sdk.B2BConfig = {
  basic: {
    enabled: true,
    allowSelfOnboarding: false,
    enableMemberPermissions: true,
    domains: [{ domain: "https://myb2bapp.com", slugPattern: "https://{{slug}}.myb2bapp.com" }],
    bundleIDs: ["com.myb2bapp.app"]
  },
  sessions: { maxSessionDurationMinutes: 180 },
  magicLinks: { enabled: true, pkceRequired: true },
  oauth: { enabled: true, pkceRequired: false },
  totps: { createTotps: true, enabled: false },
  sso: { enabled: true, pkceRequired: true },
  otps: {
    smsEnabled: false,
    smsAutofillMetadata: [{ metadataType: "hash", metadataValue: "a1b2c3d4e5f", bundleID: "com.myb2bapp.app" }],
    emailEnabled: true
  },
  dfppa: { enabled: "ENABLED", onChallenge: "BLOCK" },
  passwords: { enabled: false, pkceRequiredForPasswordResets: false },
  cookies: { httpOnly: "DISABLED" },
  userImpersonation: { enabled: false }
}

/** A raw request to the served fake, as another SDK would send it. */
const raw = async (method: string, path: string, body?: unknown) => {
  const s = server()
  const response = await fetch(`${s.url}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      authorization: `Basic ${btoa(`${s.credentials.keyID}:${Redacted.value(s.credentials.keySecret)}`)}`
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe("client.sdk", () => {
  it("setConsumerConfig / getConsumerConfig round-trip every section", async () => {
    const c = client()
    const scope = await liveProject(c, "CONSUMER")
    const set = await c.sdk.setConsumerConfig({ ...scope, config: consumerConfig })
    expect(set.config).toEqual(consumerConfig)
    expect(set.requestID).not.toBe("")
    expect((await c.sdk.getConsumerConfig(scope)).config).toEqual(consumerConfig)
  })

  it("setB2BConfig / getB2BConfig round-trip every section", async () => {
    const c = client()
    const scope = await liveProject(c, "B2B")
    const set: sdk.SetB2BConfigResponse = await c.sdk.setB2BConfig({ ...scope, config: b2bConfig })
    expect(set.config).toEqual(b2bConfig)
    expect((await c.sdk.getB2BConfig(scope)).config).toEqual(b2bConfig)
  })

  it("a new environment has the default configuration of its vertical", async () => {
    const c = client()
    const consumer = (await c.sdk.getConsumerConfig(await testEnvironment(c, "CONSUMER"))).config
    expect(consumer.dfppa).toEqual({ enabled: "DISABLED", onChallenge: "ALLOW" })
    expect(consumer.cookies).toEqual({ httpOnly: "DISABLED" })
    expect(consumer.sessions).toEqual({ maxSessionDurationMinutes: 60 })
    const b2b = (await c.sdk.getB2BConfig(await testEnvironment(c, "B2B"))).config
    expect(b2b.dfppa).toEqual({ enabled: "ENABLED", onChallenge: "BLOCK" })
    expect(b2b.cookies).toEqual({ httpOnly: "DISABLED" })
    expect(b2b.userImpersonation).toEqual({ enabled: false })
  })

  it("the other vertical's configuration is a 400 sdk_config_vertical_mismatch", async () => {
    const c = client()
    const consumer = await liveProject(c, "CONSUMER")
    const b2b = await liveProject(c, "B2B")
    const calls = [
      () => c.sdk.setB2BConfig({ ...consumer, config: b2bConfig }),
      () => c.sdk.getB2BConfig(consumer),
      () => c.sdk.setConsumerConfig({ ...b2b, config: consumerConfig }),
      () => c.sdk.getConsumerConfig(b2b)
    ]
    for (const call of calls) {
      const error = await rejection(call())
      expect(error).toBeInstanceOf(ManagementStytchError)
      const e = error as ManagementStytchError
      expect(e.status_code).toBe(400)
      expect(e.error_type).toBe("sdk_config_vertical_mismatch")
      expect(e.request_id).not.toBe("")
    }
  })

  it("MISSING_PATH_PARAMETER for an empty path parameter, before any request", async () => {
    const c = client()
    const cases: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
      ["projectSlug", () => c.sdk.getConsumerConfig({ projectSlug: "", environmentSlug: "e" })],
      ["environmentSlug", () => c.sdk.setConsumerConfig({ projectSlug: "p", environmentSlug: "", config: consumerConfig })],
      ["environmentSlug", () => c.sdk.getB2BConfig({ projectSlug: "p", environmentSlug: "" })],
      ["projectSlug", () => c.sdk.setB2BConfig({ projectSlug: "", environmentSlug: "e", config: b2bConfig })]
    ]
    for (const [field, call] of cases) {
      const error = await rejection(call())
      expect(error).toBeInstanceOf(ClientError)
      expect((error as ClientError).code).toBe("MISSING_PATH_PARAMETER")
      expect((error as ClientError).field).toBe(field)
    }
    expect(server().requests()).toEqual([])
  })

  it("an unknown enum value is an INVALID_REQUEST ClientError, before any request", async () => {
    const error = await rejection(
      client().sdk.setB2BConfig({
        projectSlug: "p",
        environmentSlug: "e",
        config: { dfppa: { enabled: "ENABLED", onChallenge: "CAPTCHA" as sdk.DFPPAOnChallengeAction } }
      })
    )
    expect(error).toBeInstanceOf(ClientError)
    expect((error as ClientError).code).toBe("INVALID_REQUEST")
    expect(server().requests()).toEqual([])
  })
})

describe("the fake's SDK configuration on the wire", () => {
  it("reads omitted fields of a sent section as zero values (Go's omitempty) and the Node SDK's `DFPPA` key", async () => {
    const c = client()
    const { projectSlug, environmentSlug } = await liveProject(c, "B2B")
    // TRIGGER_CAPTCHA leaves the DFPPA defaults: only once Stytch enabled DFPPA for the project.
    server().setProjectFeatures(projectSlug, { dfppa: true })
    const path = `/pwa/v3/projects/${projectSlug}/environments/${environmentSlug}/sdk/b2b`
    await c.sdk.setB2BConfig({ projectSlug, environmentSlug, config: b2bConfig })
    const set = await raw("PUT", path, {
      config: {
        basic: { enabled: true, domains: [{ slug_pattern: "https://{{slug}}.myb2bapp.com" }] },
        sessions: {},
        DFPPA: { on_challenge: "TRIGGER_CAPTCHA" }
      }
    })
    expect(set.status).toBe(200)
    const config = set.body.config as Record<string, unknown>
    expect(config.basic).toEqual({
      enabled: true,
      allow_self_onboarding: false,
      enable_member_permissions: false,
      domains: [{ domain: "", slug_pattern: "https://{{slug}}.myb2bapp.com" }],
      bundle_ids: []
    })
    expect(config.sessions).toEqual({ max_session_duration_minutes: 0 })
    // The fake answers with the lower-case key; an omitted DFPPA setting keeps its value.
    expect(config.dfppa).toEqual({ enabled: "ENABLED", on_challenge: "TRIGGER_CAPTCHA" })
    expect(config).not.toHaveProperty("DFPPA")
    // Sections left out are unchanged.
    expect(config.sso).toEqual({ enabled: true, pkce_required: true })
    expect((await raw("GET", path)).body.config).toEqual(config)
  })

  it("answers an unknown enum value with a 400", async () => {
    const c = client()
    const { projectSlug, environmentSlug } = await liveProject(c, "CONSUMER")
    const response = await raw("PUT", `/pwa/v3/projects/${projectSlug}/environments/${environmentSlug}/sdk/consumer`, {
      config: { cookies: { http_only: "SOMETIMES" } }
    })
    expect(response.status).toBe(400)
    expect(response.body).toMatchObject({ status_code: 400, error_type: "bad_request" })
  })
})
