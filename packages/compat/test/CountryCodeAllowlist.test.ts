import { ClientError, type country_code_allowlist, ManagementStytchError } from "@stytch-effect/compat"
import { describe, expect, it } from "vitest"
import { rejection, testEnvironment, useServedFake } from "./utils.js"

const { client, server } = useServedFake()

const apiError = async (promise: Promise<unknown>) => {
  const error = await rejection(promise)
  expect(error).toBeInstanceOf(ManagementStytchError)
  const e = error as ManagementStytchError
  return { status: e.status_code, type: e.error_type }
}

describe("client.countryCodeAllowlist over loopback HTTP", () => {
  it("exposes exactly the four operations", () => {
    expect(Object.keys(client().countryCodeAllowlist).sort()).toEqual([
      "getAllowedSMSCountryCodes",
      "getAllowedWhatsAppCountryCodes",
      "setAllowedSMSCountryCodes",
      "setAllowedWhatsAppCountryCodes"
    ])
  })

  it("Consumer: defaults CA, US; set replaces the list and get returns it in order (SMS and WhatsApp)", async () => {
    const c = client()
    const scope = await testEnvironment(c, "CONSUMER")
    const sms: country_code_allowlist.GetAllowedSMSCountryCodesResponse = await c.countryCodeAllowlist
      .getAllowedSMSCountryCodes(scope)
    expect(sms.countryCodes).toEqual(["CA", "US"])
    const whatsApp: country_code_allowlist.GetAllowedWhatsAppCountryCodesResponse = await c.countryCodeAllowlist
      .getAllowedWhatsAppCountryCodes(scope)
    expect(whatsApp.countryCodes).toEqual(["CA", "US"])

    const setSMS: country_code_allowlist.SetAllowedSMSCountryCodesResponse = await c.countryCodeAllowlist
      .setAllowedSMSCountryCodes({ ...scope, countryCodes: ["CA", "MX", "US"] })
    expect(setSMS.countryCodes).toEqual(["CA", "MX", "US"])
    expect((await c.countryCodeAllowlist.getAllowedSMSCountryCodes(scope)).countryCodes).toEqual(["CA", "MX", "US"])

    const setWhatsApp: country_code_allowlist.SetAllowedWhatsAppCountryCodesResponse = await c.countryCodeAllowlist
      .setAllowedWhatsAppCountryCodes({ ...scope, countryCodes: ["US", "MX"] })
    expect(setWhatsApp.countryCodes).toEqual(["US", "MX"])
    expect((await c.countryCodeAllowlist.getAllowedWhatsAppCountryCodes(scope)).countryCodes).toEqual(["US", "MX"])

    const sent = server().requests().find((r) => r.operation === "countryCodeAllowlist.setAllowedSMSCountryCodes")
    expect(sent?.body).toEqual({ country_codes: ["CA", "MX", "US"] })
  })

  it("B2B: SMS works, WhatsApp get and set fail with country_code_allowlist_b2b_whatsapp_not_supported", async () => {
    const c = client()
    const scope = await testEnvironment(c, "B2B")
    expect((await c.countryCodeAllowlist.getAllowedSMSCountryCodes(scope)).countryCodes).toEqual(["CA", "US"])
    const set = await c.countryCodeAllowlist.setAllowedSMSCountryCodes({ ...scope, countryCodes: ["CA", "MX", "US"] })
    expect(set.countryCodes).toEqual(["CA", "MX", "US"])
    const expected = { status: 400, type: "country_code_allowlist_b2b_whatsapp_not_supported" }
    expect(await apiError(c.countryCodeAllowlist.getAllowedWhatsAppCountryCodes(scope))).toEqual(expected)
    expect(
      await apiError(c.countryCodeAllowlist.setAllowedWhatsAppCountryCodes({ ...scope, countryCodes: ["CA", "MX", "US"] }))
    ).toEqual(expected)
  })

  it("an invalid country code is a 400 invalid_country_code", async () => {
    const c = client()
    const scope = await testEnvironment(c, "CONSUMER")
    expect(await apiError(c.countryCodeAllowlist.setAllowedSMSCountryCodes({ ...scope, countryCodes: ["usa"] })))
      .toEqual({ status: 400, type: "invalid_country_code" })
    expect((await c.countryCodeAllowlist.getAllowedSMSCountryCodes(scope)).countryCodes).toEqual(["CA", "US"])
  })

  it("every operation on an unknown project is a 404", async () => {
    const c = client()
    const scope = { projectSlug: "project-does-not-exist", environmentSlug: "test" }
    const ops = c.countryCodeAllowlist
    const calls = [
      () => ops.getAllowedSMSCountryCodes(scope),
      () => ops.getAllowedWhatsAppCountryCodes(scope),
      () => ops.setAllowedSMSCountryCodes({ ...scope, countryCodes: ["CA", "MX", "US"] }),
      () => ops.setAllowedWhatsAppCountryCodes({ ...scope, countryCodes: ["CA", "MX", "US"] })
    ]
    for (const call of calls) {
      expect(await apiError(call())).toEqual({ status: 404, type: "project_not_found" })
    }
  })

  it("an empty path parameter is a MISSING_PATH_PARAMETER ClientError, before any request", async () => {
    const ops = client().countryCodeAllowlist
    const cases: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
      ["projectSlug", () => ops.getAllowedSMSCountryCodes({ projectSlug: "", environmentSlug: "e" })],
      ["environmentSlug", () => ops.getAllowedWhatsAppCountryCodes({ projectSlug: "p", environmentSlug: "" })],
      ["projectSlug", () => ops.setAllowedSMSCountryCodes({ projectSlug: "", environmentSlug: "e", countryCodes: ["US"] })],
      [
        "environmentSlug",
        () => ops.setAllowedWhatsAppCountryCodes({ projectSlug: "p", environmentSlug: " ", countryCodes: [] })
      ]
    ]
    for (const [field, call] of cases) {
      const error = await rejection(call())
      expect(error).toBeInstanceOf(ClientError)
      expect((error as ClientError).code).toBe("MISSING_PATH_PARAMETER")
      expect((error as ClientError).message).toBe(`${field} cannot be empty`)
    }
    const invalid = await rejection(
      ops.setAllowedSMSCountryCodes({ projectSlug: "p", environmentSlug: "e", countryCodes: [42] as unknown as Array<string> })
    )
    expect(invalid).toBeInstanceOf(ClientError)
    expect((invalid as ClientError).code).toBe("INVALID_REQUEST")
    expect(server().requests()).toEqual([])
  })
})
