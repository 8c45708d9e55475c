/**
 * Country code allowlists of an environment: the countries phone numbers may
 * belong to for SMS and for WhatsApp one-time passcodes. A new environment
 * allows `["CA", "US"]` for both. Setting a list replaces it whole. WhatsApp
 * is not supported for B2B projects: its operations fail there with the
 * error type `country_code_allowlist_b2b_whatsapp_not_supported`.
 *
 * @since 0.2.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as Wire from "@stytch-effect/core/Wire"
import * as Schema from "effect/Schema"
import { environmentScope, PE } from "./internal/scope.js"

const note = "ISO country codes (tests use e.g. CA, MX, US)."

// Lenient (D5): an absent list (protobuf's empty repeated field) decodes as empty.
const countryCodesResponse = Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] })
  .annotations({ description: note })
  .pipe(Schema.fromKey("country_codes"))

const GetAllowedSMSCountryCodesRequest_ = Schema.Struct(environmentScope)
/**
 * @since 0.2.0
 * @category models
 */
export interface GetAllowedSMSCountryCodesRequest
  extends Schema.Schema.Type<typeof GetAllowedSMSCountryCodesRequest_>
{}
/**
 * @since 0.2.0
 * @category schemas
 */
export const GetAllowedSMSCountryCodesRequest: Schema.Schema<
  GetAllowedSMSCountryCodesRequest,
  typeof GetAllowedSMSCountryCodesRequest_.Encoded
> = GetAllowedSMSCountryCodesRequest_

const GetAllowedSMSCountryCodesResponse_ = Wire.Response({ countryCodes: countryCodesResponse })
/**
 * @since 0.2.0
 * @category models
 */
export interface GetAllowedSMSCountryCodesResponse
  extends Schema.Schema.Type<typeof GetAllowedSMSCountryCodesResponse_>
{}
/**
 * @since 0.2.0
 * @category schemas
 */
export const GetAllowedSMSCountryCodesResponse: Schema.Schema<
  GetAllowedSMSCountryCodesResponse,
  typeof GetAllowedSMSCountryCodesResponse_.Encoded
> = GetAllowedSMSCountryCodesResponse_

const GetAllowedWhatsAppCountryCodesRequest_ = Schema.Struct(environmentScope)
/**
 * @since 0.2.0
 * @category models
 */
export interface GetAllowedWhatsAppCountryCodesRequest
  extends Schema.Schema.Type<typeof GetAllowedWhatsAppCountryCodesRequest_>
{}
/**
 * @since 0.2.0
 * @category schemas
 */
export const GetAllowedWhatsAppCountryCodesRequest: Schema.Schema<
  GetAllowedWhatsAppCountryCodesRequest,
  typeof GetAllowedWhatsAppCountryCodesRequest_.Encoded
> = GetAllowedWhatsAppCountryCodesRequest_

const GetAllowedWhatsAppCountryCodesResponse_ = Wire.Response({ countryCodes: countryCodesResponse })
/**
 * @since 0.2.0
 * @category models
 */
export interface GetAllowedWhatsAppCountryCodesResponse
  extends Schema.Schema.Type<typeof GetAllowedWhatsAppCountryCodesResponse_>
{}
/**
 * @since 0.2.0
 * @category schemas
 */
export const GetAllowedWhatsAppCountryCodesResponse: Schema.Schema<
  GetAllowedWhatsAppCountryCodesResponse,
  typeof GetAllowedWhatsAppCountryCodesResponse_.Encoded
> = GetAllowedWhatsAppCountryCodesResponse_

const SetAllowedSMSCountryCodesRequest_ = Schema.Struct({
  ...environmentScope,
  countryCodes: Wire.field("country_codes", Schema.Array(Schema.String), note)
})
/**
 * The new SMS allowlist; it replaces the current one whole.
 *
 * @since 0.2.0
 * @category models
 */
export interface SetAllowedSMSCountryCodesRequest
  extends Schema.Schema.Type<typeof SetAllowedSMSCountryCodesRequest_>
{}
/**
 * @since 0.2.0
 * @category schemas
 */
export const SetAllowedSMSCountryCodesRequest: Schema.Schema<
  SetAllowedSMSCountryCodesRequest,
  typeof SetAllowedSMSCountryCodesRequest_.Encoded
> = SetAllowedSMSCountryCodesRequest_

const SetAllowedSMSCountryCodesResponse_ = Wire.Response({ countryCodes: countryCodesResponse })
/**
 * @since 0.2.0
 * @category models
 */
export interface SetAllowedSMSCountryCodesResponse
  extends Schema.Schema.Type<typeof SetAllowedSMSCountryCodesResponse_>
{}
/**
 * @since 0.2.0
 * @category schemas
 */
export const SetAllowedSMSCountryCodesResponse: Schema.Schema<
  SetAllowedSMSCountryCodesResponse,
  typeof SetAllowedSMSCountryCodesResponse_.Encoded
> = SetAllowedSMSCountryCodesResponse_

const SetAllowedWhatsAppCountryCodesRequest_ = Schema.Struct({
  ...environmentScope,
  countryCodes: Wire.field("country_codes", Schema.Array(Schema.String), note)
})
/**
 * The new WhatsApp allowlist; it replaces the current one whole.
 *
 * @since 0.2.0
 * @category models
 */
export interface SetAllowedWhatsAppCountryCodesRequest
  extends Schema.Schema.Type<typeof SetAllowedWhatsAppCountryCodesRequest_>
{}
/**
 * @since 0.2.0
 * @category schemas
 */
export const SetAllowedWhatsAppCountryCodesRequest: Schema.Schema<
  SetAllowedWhatsAppCountryCodesRequest,
  typeof SetAllowedWhatsAppCountryCodesRequest_.Encoded
> = SetAllowedWhatsAppCountryCodesRequest_

const SetAllowedWhatsAppCountryCodesResponse_ = Wire.Response({ countryCodes: countryCodesResponse })
/**
 * @since 0.2.0
 * @category models
 */
export interface SetAllowedWhatsAppCountryCodesResponse
  extends Schema.Schema.Type<typeof SetAllowedWhatsAppCountryCodesResponse_>
{}
/**
 * @since 0.2.0
 * @category schemas
 */
export const SetAllowedWhatsAppCountryCodesResponse: Schema.Schema<
  SetAllowedWhatsAppCountryCodesResponse,
  typeof SetAllowedWhatsAppCountryCodesResponse_.Encoded
> = SetAllowedWhatsAppCountryCodesResponse_

/**
 * The endpoint definitions of this group.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const endpoints = Endpoint.group("countryCodeAllowlist", {
  getAllowedSMSCountryCodes: {
    method: "GET",
    path: `${PE}/allowed_country_codes/sms`,
    request: GetAllowedSMSCountryCodesRequest,
    response: GetAllowedSMSCountryCodesResponse,
    description: "Gets the environment's SMS country code allowlist."
  },
  getAllowedWhatsAppCountryCodes: {
    method: "GET",
    path: `${PE}/allowed_country_codes/whatsapp`,
    request: GetAllowedWhatsAppCountryCodesRequest,
    response: GetAllowedWhatsAppCountryCodesResponse,
    description: "Gets the environment's WhatsApp country code allowlist. Fails for B2B projects."
  },
  setAllowedSMSCountryCodes: {
    method: "POST",
    path: `${PE}/allowed_country_codes/sms`,
    request: SetAllowedSMSCountryCodesRequest,
    response: SetAllowedSMSCountryCodesResponse,
    description: "Replaces the environment's SMS country code allowlist."
  },
  setAllowedWhatsAppCountryCodes: {
    method: "POST",
    path: `${PE}/allowed_country_codes/whatsapp`,
    request: SetAllowedWhatsAppCountryCodesRequest,
    response: SetAllowedWhatsAppCountryCodesResponse,
    description: "Replaces the environment's WhatsApp country code allowlist. Fails for B2B projects."
  }
})

/**
 * Gets the environment's SMS country code allowlist (`["CA", "US"]` for a new
 * environment). Works for every vertical.
 *
 * @since 0.2.0
 * @category operations
 */
export const getAllowedSMSCountryCodes = Endpoint.operation(endpoints.getAllowedSMSCountryCodes)

/**
 * Gets the environment's WhatsApp country code allowlist (`["CA", "US"]` for
 * a new environment). Fails for B2B projects with the error type
 * `country_code_allowlist_b2b_whatsapp_not_supported`.
 *
 * @since 0.2.0
 * @category operations
 */
export const getAllowedWhatsAppCountryCodes = Endpoint.operation(endpoints.getAllowedWhatsAppCountryCodes)

/**
 * Replaces the environment's SMS country code allowlist and returns it.
 *
 * @since 0.2.0
 * @category operations
 */
export const setAllowedSMSCountryCodes = Endpoint.operation(endpoints.setAllowedSMSCountryCodes)

/**
 * Replaces the environment's WhatsApp country code allowlist and returns it.
 * Fails for B2B projects with the error type
 * `country_code_allowlist_b2b_whatsapp_not_supported`.
 *
 * @since 0.2.0
 * @category operations
 */
export const setAllowedWhatsAppCountryCodes = Endpoint.operation(endpoints.setAllowedWhatsAppCountryCodes)
