import { ClientError, ManagementStytchError, type passwordStrengthConfig } from "@stytch-effect/compat"
import { Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { rejection, testEnvironment, useServedFake } from "./utils.js"

const { client, server } = useServedFake()

describe("client.passwordStrengthConfig", () => {
  it("a fresh Consumer TEST environment has a default config with a validation policy", async () => {
    const c = client()
    const scope = await testEnvironment(c, "CONSUMER")
    const got = await c.passwordStrengthConfig.get(scope)
    expect(got.requestID).not.toBe("")
    expect(got.passwordStrengthConfig.validationPolicy).toBeTruthy()
  })

  it("set LUDS echoes every value; set ZXCVBN with false values echoes them and no luds settings", async () => {
    const c = client()
    const scope = await testEnvironment(c, "CONSUMER")
    const luds: passwordStrengthConfig.SetRequest = {
      ...scope,
      checkBreachOnCreation: true,
      checkBreachOnAuthentication: true,
      validateOnAuthentication: true,
      validationPolicy: "LUDS",
      ludsMinPasswordLength: 10,
      ludsMinPasswordComplexity: 3
    }
    const set = await c.passwordStrengthConfig.set(luds)
    expect(set.passwordStrengthConfig).toMatchObject({
      checkBreachOnCreation: true,
      checkBreachOnAuthentication: true,
      validateOnAuthentication: true,
      validationPolicy: "LUDS",
      ludsMinPasswordLength: 10,
      ludsMinPasswordComplexity: 3
    })
    expect((await c.passwordStrengthConfig.get(scope)).passwordStrengthConfig).toEqual(set.passwordStrengthConfig)

    const zxcvbn = await c.passwordStrengthConfig.set({
      ...scope,
      checkBreachOnCreation: false,
      checkBreachOnAuthentication: false,
      validateOnAuthentication: false,
      validationPolicy: "ZXCVBN"
    })
    const config = zxcvbn.passwordStrengthConfig
    expect([config.checkBreachOnCreation, config.checkBreachOnAuthentication, config.validateOnAuthentication]).toEqual([
      false,
      false,
      false
    ])
    expect(config.validationPolicy).toBe("ZXCVBN")
    expect(config.ludsMinPasswordLength).toBeUndefined()
    expect(config.ludsMinPasswordComplexity).toBeUndefined()
  })

  it("a Go-style body that leaves out false values sets them to false", async () => {
    const c = client()
    const scope = await testEnvironment(c, "CONSUMER")
    const s = server()
    const response = await fetch(
      `${s.url}/pwa/v3/projects/${scope.projectSlug}/environments/${scope.environmentSlug}/password_strength_config`,
      {
        method: "PUT",
        headers: {
          "content-type": "application/json",
          authorization: `Basic ${btoa(`${s.credentials.keyID}:${Redacted.value(s.credentials.keySecret)}`)}`
        },
        body: JSON.stringify({ validation_policy: "ZXCVBN" })
      }
    )
    expect(response.status).toBe(200)
    const { passwordStrengthConfig: config } = await c.passwordStrengthConfig.get(scope)
    expect(config).toMatchObject({
      checkBreachOnCreation: false,
      checkBreachOnAuthentication: false,
      validateOnAuthentication: false,
      validationPolicy: "ZXCVBN"
    })
  })

  it("LUDS out of bounds is a ManagementStytchError (400)", async () => {
    const c = client()
    const scope = await testEnvironment(c, "B2B")
    const error = await rejection(
      c.passwordStrengthConfig.set({
        ...scope,
        checkBreachOnCreation: true,
        checkBreachOnAuthentication: true,
        validateOnAuthentication: true,
        validationPolicy: "LUDS",
        ludsMinPasswordLength: 4,
        ludsMinPasswordComplexity: 3
      })
    )
    expect(error).toBeInstanceOf(ManagementStytchError)
    expect((error as ManagementStytchError).status_code).toBe(400)
    expect((error as ManagementStytchError).error_type).toBe("invalid_luds_min_password_length")
  })

  it("MISSING_PATH_PARAMETER and INVALID_REQUEST (unknown policy) before any request", async () => {
    const c = client()
    const missing = await rejection(c.passwordStrengthConfig.get({ projectSlug: "p", environmentSlug: "" }))
    expect(missing).toBeInstanceOf(ClientError)
    expect((missing as ClientError).code).toBe("MISSING_PATH_PARAMETER")
    expect((missing as ClientError).message).toBe("environmentSlug cannot be empty")
    const typo = await rejection(
      c.passwordStrengthConfig.set({
        projectSlug: "p",
        environmentSlug: "e",
        checkBreachOnCreation: true,
        checkBreachOnAuthentication: true,
        validateOnAuthentication: true,
        validationPolicy: "ValidationPolicyZXCVBN" as passwordStrengthConfig.ValidationPolicy
      })
    )
    expect(typo).toBeInstanceOf(ClientError)
    expect((typo as ClientError).code).toBe("INVALID_REQUEST")
    expect((typo as ClientError).field).toBe("validationPolicy")
    expect(server().requests()).toEqual([])
  })
})
