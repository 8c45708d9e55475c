import type { CountryCodeAllowlist } from "@stytch-effect/resources"
import { badRequest } from "../errors.js"
import { type EnvironmentState, slot } from "../state.js"
import { environmentOf, type Handlers } from "./common.js"

/** A new environment allows Canada and the United States, for SMS and WhatsApp alike. */
const DEFAULT: ReadonlyArray<string> = ["CA", "US"]

const smsOf = slot((_: EnvironmentState) => ({ countryCodes: DEFAULT }))
const whatsAppOf = slot((_: EnvironmentState) => ({ countryCodes: DEFAULT }))

/** The environment, if its project may use WhatsApp (B2B projects may not). */
const whatsAppEnvironment = (state: EnvironmentState): EnvironmentState => {
  if (state.project.project.vertical === "B2B") {
    throw badRequest(
      "country_code_allowlist_b2b_whatsapp_not_supported",
      "WhatsApp country code allowlists are not supported for B2B projects."
    )
  }
  return state
}

/** ISO 3166-1 alpha-2 shape: two upper-case letters. */
const validated = (countryCodes: ReadonlyArray<string>): ReadonlyArray<string> => {
  const invalid = countryCodes.find((code) => !/^[A-Z]{2}$/.test(code))
  if (invalid !== undefined) {
    throw badRequest(
      "invalid_country_code",
      `Invalid country code: ${JSON.stringify(invalid)}. Use ISO 3166-1 alpha-2 codes such as "US".`
    )
  }
  return [...countryCodes]
}

/** @internal */
export const countryCodeAllowlist: Handlers<typeof CountryCodeAllowlist> = {
  getAllowedSMSCountryCodes: (request, { workspace }) => ({
    countryCodes: smsOf(environmentOf(workspace, request)).countryCodes
  }),
  getAllowedWhatsAppCountryCodes: (request, { workspace }) => ({
    countryCodes: whatsAppOf(whatsAppEnvironment(environmentOf(workspace, request))).countryCodes
  }),
  setAllowedSMSCountryCodes: (request, { workspace }) => {
    const allowlist = smsOf(environmentOf(workspace, request))
    allowlist.countryCodes = validated(request.countryCodes)
    return { countryCodes: allowlist.countryCodes }
  },
  setAllowedWhatsAppCountryCodes: (request, { workspace }) => {
    const allowlist = whatsAppOf(whatsAppEnvironment(environmentOf(workspace, request)))
    allowlist.countryCodes = validated(request.countryCodes)
    return { countryCodes: allowlist.countryCodes }
  }
}
