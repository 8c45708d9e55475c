import type { CountryCodeAllowlist } from "@stytch-effect/resources"
import type { Handlers } from "./common.js"

/** @internal */
export const countryCodeAllowlist: Handlers<typeof CountryCodeAllowlist> = {}
