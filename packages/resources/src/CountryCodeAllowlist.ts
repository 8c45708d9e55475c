/**
 * Country code allowlists of an environment: the countries phone numbers may
 * belong to for SMS and for WhatsApp one-time passcodes. A new environment
 * allows `["CA", "US"]` for both. Setting a list replaces it whole. WhatsApp
 * is not supported for B2B projects: its operations fail there with the
 * error type `country_code_allowlist_b2b_whatsapp_not_supported`.
 *
 * @since 0.1.0
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
 * The input of {@link getAllowedSMSCountryCodes}: the environment (`projectSlug`, `environmentSlug`); nothing
 * else.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetAllowedSMSCountryCodesRequest
  extends Schema.Schema.Type<typeof GetAllowedSMSCountryCodesRequest_>
{}
/**
 * The schema of {@link GetAllowedSMSCountryCodesRequest}. {@link getAllowedSMSCountryCodes} encodes its input
 * with it: a value that does not fit fails with an `InvalidRequestError` and nothing is sent; otherwise it
 * sends `projectSlug` and `environmentSlug` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetAllowedSMSCountryCodesRequest: Schema.Schema<
  GetAllowedSMSCountryCodesRequest,
  typeof GetAllowedSMSCountryCodesRequest_.Encoded
> = GetAllowedSMSCountryCodesRequest_

const GetAllowedSMSCountryCodesResponse_ = Wire.Response({ countryCodes: countryCodesResponse })
/**
 * What {@link getAllowedSMSCountryCodes} succeeds with: `countryCodes` (ISO 3166-1 alpha-2 codes; a
 * list the server leaves out decodes as `[]`), beside the `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetAllowedSMSCountryCodesResponse
  extends Schema.Schema.Type<typeof GetAllowedSMSCountryCodesResponse_>
{}
/**
 * The schema of {@link GetAllowedSMSCountryCodesResponse}: decodes the JSON body of a successful {@link
 * getAllowedSMSCountryCodes} (snake_case keys) into it; a body that does not fit fails with an
 * `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetAllowedSMSCountryCodesResponse: Schema.Schema<
  GetAllowedSMSCountryCodesResponse,
  typeof GetAllowedSMSCountryCodesResponse_.Encoded
> = GetAllowedSMSCountryCodesResponse_

const GetAllowedWhatsAppCountryCodesRequest_ = Schema.Struct(environmentScope)
/**
 * The input of {@link getAllowedWhatsAppCountryCodes}: the environment (`projectSlug`, `environmentSlug`);
 * nothing else.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetAllowedWhatsAppCountryCodesRequest
  extends Schema.Schema.Type<typeof GetAllowedWhatsAppCountryCodesRequest_>
{}
/**
 * The schema of {@link GetAllowedWhatsAppCountryCodesRequest}. {@link getAllowedWhatsAppCountryCodes} encodes
 * its input with it: a value that does not fit fails with an `InvalidRequestError` and nothing is sent;
 * otherwise it sends `projectSlug` and `environmentSlug` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetAllowedWhatsAppCountryCodesRequest: Schema.Schema<
  GetAllowedWhatsAppCountryCodesRequest,
  typeof GetAllowedWhatsAppCountryCodesRequest_.Encoded
> = GetAllowedWhatsAppCountryCodesRequest_

const GetAllowedWhatsAppCountryCodesResponse_ = Wire.Response({ countryCodes: countryCodesResponse })
/**
 * What {@link getAllowedWhatsAppCountryCodes} succeeds with: `countryCodes` (ISO 3166-1 alpha-2 codes; a
 * list the server leaves out decodes as `[]`), beside the `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetAllowedWhatsAppCountryCodesResponse
  extends Schema.Schema.Type<typeof GetAllowedWhatsAppCountryCodesResponse_>
{}
/**
 * The schema of {@link GetAllowedWhatsAppCountryCodesResponse}: decodes the JSON body of a successful {@link
 * getAllowedWhatsAppCountryCodes} (snake_case keys) into it; a body that does not fit fails with an
 * `UnexpectedResponseError`.
 *
 * @since 0.1.0
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
 * @since 0.1.0
 * @category models
 */
export interface SetAllowedSMSCountryCodesRequest
  extends Schema.Schema.Type<typeof SetAllowedSMSCountryCodesRequest_>
{}
/**
 * The schema of {@link SetAllowedSMSCountryCodesRequest}. {@link setAllowedSMSCountryCodes} encodes its input
 * with it: a value that does not fit fails with an `InvalidRequestError` and nothing is sent; otherwise it
 * sends `projectSlug` and `environmentSlug` in the path and `countryCodes` in the JSON body, with snake_case
 * wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetAllowedSMSCountryCodesRequest: Schema.Schema<
  SetAllowedSMSCountryCodesRequest,
  typeof SetAllowedSMSCountryCodesRequest_.Encoded
> = SetAllowedSMSCountryCodesRequest_

const SetAllowedSMSCountryCodesResponse_ = Wire.Response({ countryCodes: countryCodesResponse })
/**
 * What {@link setAllowedSMSCountryCodes} succeeds with: `countryCodes` (ISO 3166-1 alpha-2 codes; a
 * list the server leaves out decodes as `[]`), beside the `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface SetAllowedSMSCountryCodesResponse
  extends Schema.Schema.Type<typeof SetAllowedSMSCountryCodesResponse_>
{}
/**
 * The schema of {@link SetAllowedSMSCountryCodesResponse}: decodes the JSON body of a successful {@link
 * setAllowedSMSCountryCodes} (snake_case keys) into it; a body that does not fit fails with an
 * `UnexpectedResponseError`.
 *
 * @since 0.1.0
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
 * @since 0.1.0
 * @category models
 */
export interface SetAllowedWhatsAppCountryCodesRequest
  extends Schema.Schema.Type<typeof SetAllowedWhatsAppCountryCodesRequest_>
{}
/**
 * The schema of {@link SetAllowedWhatsAppCountryCodesRequest}. {@link setAllowedWhatsAppCountryCodes} encodes
 * its input with it: a value that does not fit fails with an `InvalidRequestError` and nothing is sent;
 * otherwise it sends `projectSlug` and `environmentSlug` in the path and `countryCodes` in the JSON body,
 * with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetAllowedWhatsAppCountryCodesRequest: Schema.Schema<
  SetAllowedWhatsAppCountryCodesRequest,
  typeof SetAllowedWhatsAppCountryCodesRequest_.Encoded
> = SetAllowedWhatsAppCountryCodesRequest_

const SetAllowedWhatsAppCountryCodesResponse_ = Wire.Response({ countryCodes: countryCodesResponse })
/**
 * What {@link setAllowedWhatsAppCountryCodes} succeeds with: `countryCodes` (ISO 3166-1 alpha-2 codes; a
 * list the server leaves out decodes as `[]`), beside the `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface SetAllowedWhatsAppCountryCodesResponse
  extends Schema.Schema.Type<typeof SetAllowedWhatsAppCountryCodesResponse_>
{}
/**
 * The schema of {@link SetAllowedWhatsAppCountryCodesResponse}: decodes the JSON body of a successful {@link
 * setAllowedWhatsAppCountryCodes} (snake_case keys) into it; a body that does not fit fails with an
 * `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetAllowedWhatsAppCountryCodesResponse: Schema.Schema<
  SetAllowedWhatsAppCountryCodesResponse,
  typeof SetAllowedWhatsAppCountryCodesResponse_.Encoded
> = SetAllowedWhatsAppCountryCodesResponse_

/**
 * The endpoint definitions of this group.
 *
 * @since 0.1.0
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
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CountryCodeAllowlist } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { countryCodes } = yield* CountryCodeAllowlist.getAllowedSMSCountryCodes({
 *     projectSlug: "my-project",
 *     environmentSlug: "production"
 *   })
 *   return countryCodes // ["CA", "US"] for a new environment
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const getAllowedSMSCountryCodes = Endpoint.operation(endpoints.getAllowedSMSCountryCodes)

/**
 * Gets the environment's WhatsApp country code allowlist (`["CA", "US"]` for
 * a new environment). Fails for B2B projects with the error type
 * `country_code_allowlist_b2b_whatsapp_not_supported`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CountryCodeAllowlist } from "@stytch-effect/resources"
 *
 * const program = CountryCodeAllowlist.getAllowedWhatsAppCountryCodes({
 *   projectSlug: "my-consumer-app",
 *   environmentSlug: "production"
 * }).pipe(Effect.map(({ countryCodes }) => countryCodes.includes("MX")))
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const getAllowedWhatsAppCountryCodes = Endpoint.operation(endpoints.getAllowedWhatsAppCountryCodes)

/**
 * Replaces the environment's SMS country code allowlist and returns it.
 *
 * @example
 * ```ts
 * import { CountryCodeAllowlist } from "@stytch-effect/resources"
 *
 * const program = CountryCodeAllowlist.setAllowedSMSCountryCodes({
 *   projectSlug: "my-project",
 *   environmentSlug: "production",
 *   countryCodes: ["CA", "MX", "US"]
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const setAllowedSMSCountryCodes = Endpoint.operation(endpoints.setAllowedSMSCountryCodes)

/**
 * Replaces the environment's WhatsApp country code allowlist and returns it.
 * Fails for B2B projects with the error type
 * `country_code_allowlist_b2b_whatsapp_not_supported`.
 *
 * @example
 * ```ts
 * import { CountryCodeAllowlist } from "@stytch-effect/resources"
 *
 * const program = CountryCodeAllowlist.setAllowedWhatsAppCountryCodes({
 *   projectSlug: "my-consumer-app",
 *   environmentSlug: "production",
 *   countryCodes: ["BR", "MX"]
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const setAllowedWhatsAppCountryCodes = Endpoint.operation(endpoints.setAllowedWhatsAppCountryCodes)
