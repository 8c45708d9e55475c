/**
 * SDK configuration of an environment: which Stytch frontend/mobile SDK
 * features are enabled, for the project's vertical. A Consumer project's
 * environments have a {@link ConsumerConfig}, a B2B project's a
 * {@link B2BConfig}; asking for the other vertical's configuration fails.
 *
 * A set replaces what it sends: inside a section, an omitted field is its
 * zero value (`false`, `0`, `[]`, `""`), as the API treats it; an omitted
 * section (or an omitted DFPPA setting) is left unchanged.
 *
 * Config types come in two forms built from one field list: the request form
 * (`ConsumerConfig`, `B2BConfig`, `DFPPAConfig`, …) takes only the known enum
 * values; the response form (`ConsumerConfigOpen`, `B2BConfigOpen`,
 * `DFPPAConfigOpen`, …) decodes any value the server may add. Sub-configs
 * without enums are shared by both.
 *
 * @since 0.1.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as Wire from "@stytch-effect/core/Wire"
import * as Schema from "effect/Schema"
import { environmentScope, PE } from "./internal/scope.js"

// ---------------------------------------------------------------------------
// enums
// ---------------------------------------------------------------------------

/**
 * The schema of {@link DFPPASetting}, closed (the request form);
 * `DFPPASetting.open` is the response form.
 *
 * @since 0.1.0
 * @category enums
 */
export const DFPPASetting = Wire.Enum("DFPPASetting", "ENABLED", "PASSIVE", "DISABLED")

/**
 * Device Fingerprinting Protected Auth mode.
 *
 * @since 0.1.0
 * @category enums
 */
export type DFPPASetting = typeof DFPPASetting.Type

/**
 * The schema of {@link DFPPAOnChallengeAction}, closed (the request form);
 * `DFPPAOnChallengeAction.open` is the response form.
 *
 * @since 0.1.0
 * @category enums
 */
export const DFPPAOnChallengeAction = Wire.Enum("DFPPAOnChallengeAction", "ALLOW", "BLOCK", "TRIGGER_CAPTCHA")

/**
 * What DFPPA does on a challenge verdict.
 *
 * @since 0.1.0
 * @category enums
 */
export type DFPPAOnChallengeAction = typeof DFPPAOnChallengeAction.Type

/**
 * The schema of {@link CookiesHttpOnly}, closed (the request form);
 * `CookiesHttpOnly.open` is the response form.
 *
 * @since 0.1.0
 * @category enums
 */
export const CookiesHttpOnly = Wire.Enum("CookiesHttpOnly", "DISABLED", "ENABLED", "ENFORCED")

/**
 * HttpOnly cookie mode. Without custom domains (CNAMEs) only `DISABLED` is
 * accepted by the API.
 *
 * @since 0.1.0
 * @category enums
 */
export type CookiesHttpOnly = typeof CookiesHttpOnly.Type

/**
 * The schema of {@link SMSAutofillMetadataType}, closed (the request form);
 * `SMSAutofillMetadataType.open` is the response form.
 *
 * @since 0.1.0
 * @category enums
 */
export const SMSAutofillMetadataType = Wire.Enum("SMSAutofillMetadataType", "domain", "hash")

/**
 * Kind of SMS autofill metadata (lower-case on the wire).
 *
 * @since 0.1.0
 * @category enums
 */
export type SMSAutofillMetadataType = typeof SMSAutofillMetadataType.Type

// ---------------------------------------------------------------------------
// fields: a field the API requires decodes as its zero value when absent
// (Go omits false/0/""/empty lists), and is always sent.
// ---------------------------------------------------------------------------

const describe = (description: string) => ({ description })
const flag = <const Key extends string>(key: Key, description: string) =>
  Schema.optionalWith(Schema.Boolean.annotations(describe(description)), { default: () => false }).pipe(
    Schema.fromKey(key)
  )
const count = <const Key extends string>(key: Key, description: string) =>
  Schema.optionalWith(Schema.Number.annotations(describe(description)), { default: () => 0 }).pipe(
    Schema.fromKey(key)
  )
const text = <const Key extends string>(key: Key, description: string) =>
  Schema.optionalWith(Schema.String.annotations(describe(description)), { default: () => "" }).pipe(
    Schema.fromKey(key)
  )
const list = <const Key extends string, S extends Schema.Schema.Any>(key: Key, item: S, description: string) =>
  Schema.optionalWith(Schema.Array(item).annotations(describe(description)), { default: () => [] }).pipe(
    Schema.fromKey(key)
  )

// ---------------------------------------------------------------------------
// sub-configs shared by both verticals and both forms
// ---------------------------------------------------------------------------

const SessionsConfig_ = Schema.Struct({
  maxSessionDurationMinutes: count(
    "max_session_duration_minutes",
    "Maximum session length the SDK may create, in minutes."
  )
})
/**
 * Session settings (Consumer and B2B).
 *
 * @since 0.1.0
 * @category models
 */
export interface SessionsConfig extends Schema.Schema.Type<typeof SessionsConfig_> {}
/**
 * The schema of {@link SessionsConfig}; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const SessionsConfig: Schema.Schema<SessionsConfig, typeof SessionsConfig_.Encoded> = SessionsConfig_

const OAuthConfig_ = Schema.Struct({
  enabled: flag("enabled", "OAuth endpoints enabled."),
  pkceRequired: flag("pkce_required", "PKCE required for these flows.")
})
/**
 * OAuth settings (Consumer and B2B).
 *
 * @since 0.1.0
 * @category models
 */
export interface OAuthConfig extends Schema.Schema.Type<typeof OAuthConfig_> {}
/**
 * The schema of {@link OAuthConfig}; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const OAuthConfig: Schema.Schema<OAuthConfig, typeof OAuthConfig_.Encoded> = OAuthConfig_

const TOTPsConfig_ = Schema.Struct({
  createTotps: flag("create_totps", "TOTP creation enabled."),
  enabled: flag("enabled", "TOTP endpoints enabled.")
})
/**
 * TOTP settings (Consumer and B2B).
 *
 * @since 0.1.0
 * @category models
 */
export interface TOTPsConfig extends Schema.Schema.Type<typeof TOTPsConfig_> {}
/**
 * The schema of {@link TOTPsConfig}; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TOTPsConfig: Schema.Schema<TOTPsConfig, typeof TOTPsConfig_.Encoded> = TOTPsConfig_

const PasswordsConfig_ = Schema.Struct({
  enabled: flag("enabled", "Password endpoints enabled."),
  pkceRequiredForPasswordResets: flag("pkce_required_for_password_resets", "PKCE required for password resets.")
})
/**
 * Passwords settings (Consumer and B2B).
 *
 * @since 0.1.0
 * @category models
 */
export interface PasswordsConfig extends Schema.Schema.Type<typeof PasswordsConfig_> {}
/**
 * The schema of {@link PasswordsConfig}; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PasswordsConfig: Schema.Schema<PasswordsConfig, typeof PasswordsConfig_.Encoded> = PasswordsConfig_

const UserImpersonationConfig_ = Schema.Struct({
  enabled: flag("enabled", "Allow the SDK to authenticate impersonation tokens into a full session.")
})
/**
 * User (Consumer) or member (B2B) impersonation settings.
 *
 * @since 0.1.0
 * @category models
 */
export interface UserImpersonationConfig extends Schema.Schema.Type<typeof UserImpersonationConfig_> {}
/**
 * The schema of {@link UserImpersonationConfig}; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const UserImpersonationConfig: Schema.Schema<
  UserImpersonationConfig,
  typeof UserImpersonationConfig_.Encoded
> = UserImpersonationConfig_

// ---------------------------------------------------------------------------
// sub-configs with enums: one field list, a request (closed) and a response
// (open) form
// ---------------------------------------------------------------------------

const dfppaFields = <Setting extends Schema.Schema.Any, Action extends Schema.Schema.Any>(
  setting: Setting,
  action: Action
) => ({
  enabled: Wire.optionalField("enabled", setting, "DFPPA mode."),
  onChallenge: Wire.optionalField("on_challenge", action, "Action on a challenge verdict.")
})

const DFPPAConfig_ = Schema.Struct(dfppaFields(DFPPASetting, DFPPAOnChallengeAction))
/**
 * Device Fingerprinting Protected Auth settings, as sent. A setting left out
 * is left unchanged. DFPPA cannot be changed from its defaults unless Stytch
 * enabled it for the project.
 *
 * @since 0.1.0
 * @category models
 */
export interface DFPPAConfig extends Schema.Schema.Type<typeof DFPPAConfig_> {}
/**
 * The schema of {@link DFPPAConfig}, the request form (closed enums).
 *
 * @since 0.1.0
 * @category schemas
 */
export const DFPPAConfig: Schema.Schema<DFPPAConfig, typeof DFPPAConfig_.Encoded> = DFPPAConfig_

const DFPPAConfigOpen_ = Schema.Struct(dfppaFields(DFPPASetting.open, DFPPAOnChallengeAction.open))
/**
 * {@link DFPPAConfig} as the server returns it (enums open).
 *
 * @since 0.1.0
 * @category models
 */
export interface DFPPAConfigOpen extends Schema.Schema.Type<typeof DFPPAConfigOpen_> {}
/**
 * The schema of {@link DFPPAConfigOpen}, the response form (open enums).
 *
 * @since 0.1.0
 * @category schemas
 */
export const DFPPAConfigOpen: Schema.Schema<DFPPAConfigOpen, typeof DFPPAConfigOpen_.Encoded> = DFPPAConfigOpen_

const cookiesFields = <HttpOnly extends Schema.Schema.Any>(httpOnly: HttpOnly) => ({
  httpOnly: Wire.field("http_only", httpOnly, "HttpOnly cookie mode.")
})

const CookiesConfig_ = Schema.Struct(cookiesFields(CookiesHttpOnly))
/**
 * Cookie settings, as sent.
 *
 * @since 0.1.0
 * @category models
 */
export interface CookiesConfig extends Schema.Schema.Type<typeof CookiesConfig_> {}
/**
 * The schema of {@link CookiesConfig}, the request form (closed `httpOnly`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CookiesConfig: Schema.Schema<CookiesConfig, typeof CookiesConfig_.Encoded> = CookiesConfig_

const CookiesConfigOpen_ = Schema.Struct(cookiesFields(CookiesHttpOnly.open))
/**
 * {@link CookiesConfig} as the server returns it (enum open).
 *
 * @since 0.1.0
 * @category models
 */
export interface CookiesConfigOpen extends Schema.Schema.Type<typeof CookiesConfigOpen_> {}
/**
 * The schema of {@link CookiesConfigOpen}, the response form (open `httpOnly`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CookiesConfigOpen: Schema.Schema<CookiesConfigOpen, typeof CookiesConfigOpen_.Encoded> =
  CookiesConfigOpen_

const smsAutofillMetadataFields = <Type extends Schema.Schema.Any>(metadataType: Type) => ({
  metadataType: Wire.field("metadata_type", metadataType, "Kind of autofill metadata."),
  metadataValue: text("metadata_value", "Associated domain (type domain) or app hash (type hash)."),
  bundleID: text("bundle_id", "Associated bundle id.")
})

const SMSAutofillMetadata_ = Schema.Struct(smsAutofillMetadataFields(SMSAutofillMetadataType))
/**
 * Metadata for SMS OTP autofill, as sent.
 *
 * @since 0.1.0
 * @category models
 */
export interface SMSAutofillMetadata extends Schema.Schema.Type<typeof SMSAutofillMetadata_> {}
/**
 * The schema of {@link SMSAutofillMetadata}, the request form (closed
 * `metadataType`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const SMSAutofillMetadata: Schema.Schema<SMSAutofillMetadata, typeof SMSAutofillMetadata_.Encoded> =
  SMSAutofillMetadata_

const SMSAutofillMetadataOpen_ = Schema.Struct(smsAutofillMetadataFields(SMSAutofillMetadataType.open))
/**
 * {@link SMSAutofillMetadata} as the server returns it (enum open).
 *
 * @since 0.1.0
 * @category models
 */
export interface SMSAutofillMetadataOpen extends Schema.Schema.Type<typeof SMSAutofillMetadataOpen_> {}
/**
 * The schema of {@link SMSAutofillMetadataOpen}, the response form (open
 * `metadataType`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const SMSAutofillMetadataOpen: Schema.Schema<
  SMSAutofillMetadataOpen,
  typeof SMSAutofillMetadataOpen_.Encoded
> = SMSAutofillMetadataOpen_

// ---------------------------------------------------------------------------
// Consumer sub-configs
// ---------------------------------------------------------------------------

const ConsumerBasicConfig_ = Schema.Struct({
  enabled: flag("enabled", "Whether the Consumer SDK may manage user and session data."),
  domains: list("domains", Schema.String, "Authorized domains (plain strings, unlike B2B)."),
  bundleIDs: list("bundle_ids", Schema.String, "Authorized mobile bundle ids.")
})
/**
 * Basic Consumer SDK settings: whether the SDK is enabled, and the web
 * `domains` (plain strings) and mobile `bundleIDs` it may be used from.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConsumerBasicConfig extends Schema.Schema.Type<typeof ConsumerBasicConfig_> {}
/**
 * The schema of {@link ConsumerBasicConfig}; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConsumerBasicConfig: Schema.Schema<ConsumerBasicConfig, typeof ConsumerBasicConfig_.Encoded> =
  ConsumerBasicConfig_

const ConsumerMagicLinksConfig_ = Schema.Struct({
  loginOrCreateEnabled: flag("login_or_create_enabled", "Login-or-create magic links enabled."),
  sendEnabled: flag("send_enabled", "Magic-link send endpoint enabled."),
  pkceRequired: flag("pkce_required", "PKCE required for these flows.")
})
/**
 * Consumer magic link settings: login-or-create and send endpoints, and
 * whether PKCE is required.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConsumerMagicLinksConfig extends Schema.Schema.Type<typeof ConsumerMagicLinksConfig_> {}
/**
 * The schema of {@link ConsumerMagicLinksConfig}; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConsumerMagicLinksConfig: Schema.Schema<
  ConsumerMagicLinksConfig,
  typeof ConsumerMagicLinksConfig_.Encoded
> = ConsumerMagicLinksConfig_

const consumerOTPsFields = <Metadata extends Schema.Schema.Any>(metadata: Metadata) => ({
  smsLoginOrCreateEnabled: flag("sms_login_or_create_enabled", "SMS OTP login-or-create enabled."),
  whatsappLoginOrCreateEnabled: flag("whatsapp_login_or_create_enabled", "WhatsApp OTP login-or-create enabled."),
  emailLoginOrCreateEnabled: flag("email_login_or_create_enabled", "Email OTP login-or-create enabled."),
  smsSendEnabled: flag("sms_send_enabled", "SMS OTP send enabled."),
  whatsappSendEnabled: flag("whatsapp_send_enabled", "WhatsApp OTP send enabled."),
  emailSendEnabled: flag("email_send_enabled", "Email OTP send enabled."),
  smsAutofillMetadata: list("sms_autofill_metadata", metadata, "Metadata for SMS OTP autofill.")
})

const ConsumerOTPsConfig_ = Schema.Struct(consumerOTPsFields(SMSAutofillMetadata))
/**
 * Consumer OTP settings, as sent.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConsumerOTPsConfig extends Schema.Schema.Type<typeof ConsumerOTPsConfig_> {}
/**
 * The schema of {@link ConsumerOTPsConfig}, the request form; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConsumerOTPsConfig: Schema.Schema<ConsumerOTPsConfig, typeof ConsumerOTPsConfig_.Encoded> =
  ConsumerOTPsConfig_

const ConsumerOTPsConfigOpen_ = Schema.Struct(consumerOTPsFields(SMSAutofillMetadataOpen))
/**
 * {@link ConsumerOTPsConfig} as the server returns it (enums open).
 *
 * @since 0.1.0
 * @category models
 */
export interface ConsumerOTPsConfigOpen extends Schema.Schema.Type<typeof ConsumerOTPsConfigOpen_> {}
/**
 * The schema of {@link ConsumerOTPsConfigOpen}, the response form; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConsumerOTPsConfigOpen: Schema.Schema<ConsumerOTPsConfigOpen, typeof ConsumerOTPsConfigOpen_.Encoded> =
  ConsumerOTPsConfigOpen_

const ConsumerWebAuthnConfig_ = Schema.Struct({
  createWebauthns: flag("create_webauthns", "WebAuthn registration enabled."),
  enabled: flag("enabled", "WebAuthn endpoints enabled.")
})
/**
 * Consumer WebAuthn settings: the endpoints, and whether the SDK may register
 * new WebAuthn devices.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConsumerWebAuthnConfig extends Schema.Schema.Type<typeof ConsumerWebAuthnConfig_> {}
/**
 * The schema of {@link ConsumerWebAuthnConfig}; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConsumerWebAuthnConfig: Schema.Schema<ConsumerWebAuthnConfig, typeof ConsumerWebAuthnConfig_.Encoded> =
  ConsumerWebAuthnConfig_

const ConsumerCryptoWalletsConfig_ = Schema.Struct({
  enabled: flag("enabled", "Crypto-wallet endpoints enabled."),
  siweRequired: flag("siwe_required", "Sign-In With Ethereum required.")
})
/**
 * Consumer crypto wallet settings: the endpoints, and whether Sign-In With
 * Ethereum (SIWE) is required.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConsumerCryptoWalletsConfig extends Schema.Schema.Type<typeof ConsumerCryptoWalletsConfig_> {}
/**
 * The schema of {@link ConsumerCryptoWalletsConfig}; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConsumerCryptoWalletsConfig: Schema.Schema<
  ConsumerCryptoWalletsConfig,
  typeof ConsumerCryptoWalletsConfig_.Encoded
> = ConsumerCryptoWalletsConfig_

const ConsumerBiometricsConfig_ = Schema.Struct({
  createBiometricsEnabled: flag("create_biometrics_enabled", "Biometric registration enabled."),
  enabled: flag("enabled", "Biometrics endpoints enabled.")
})
/**
 * Consumer biometrics settings (mobile SDKs): the endpoints, and whether the
 * SDK may register new biometric keys.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConsumerBiometricsConfig extends Schema.Schema.Type<typeof ConsumerBiometricsConfig_> {}
/**
 * The schema of {@link ConsumerBiometricsConfig}; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConsumerBiometricsConfig: Schema.Schema<
  ConsumerBiometricsConfig,
  typeof ConsumerBiometricsConfig_.Encoded
> = ConsumerBiometricsConfig_

// ---------------------------------------------------------------------------
// B2B sub-configs
// ---------------------------------------------------------------------------

const AuthorizedB2BDomain_ = Schema.Struct({
  domain: text("domain", "Domain (same-origin matching)."),
  slugPattern: text(
    "slug_pattern",
    "Per-organization URL pattern; must contain the {{slug}} placeholder, e.g. https://{{slug}}.example.com."
  )
})
/**
 * A domain the B2B SDK may be used from, with an optional per-organization
 * `slugPattern` (`https://{{slug}}.example.com`).
 *
 * @since 0.1.0
 * @category models
 */
export interface AuthorizedB2BDomain extends Schema.Schema.Type<typeof AuthorizedB2BDomain_> {}
/**
 * The schema of {@link AuthorizedB2BDomain}; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const AuthorizedB2BDomain: Schema.Schema<AuthorizedB2BDomain, typeof AuthorizedB2BDomain_.Encoded> =
  AuthorizedB2BDomain_

const B2BBasicConfig_ = Schema.Struct({
  enabled: flag("enabled", "Whether the B2B SDK may manage member and session data."),
  allowSelfOnboarding: flag("allow_self_onboarding", "Whether members may self-onboard via the SDK."),
  enableMemberPermissions: flag("enable_member_permissions", "Whether member-permission RBAC is enabled in the SDK."),
  domains: list("domains", AuthorizedB2BDomain, "Authorized domains."),
  bundleIDs: list("bundle_ids", Schema.String, "Authorized mobile bundle ids.")
})
/**
 * Basic B2B SDK settings: whether the SDK is enabled, self-onboarding,
 * member permissions, and the {@link AuthorizedB2BDomain}s and mobile
 * `bundleIDs` it may be used from.
 *
 * @since 0.1.0
 * @category models
 */
export interface B2BBasicConfig extends Schema.Schema.Type<typeof B2BBasicConfig_> {}
/**
 * The schema of {@link B2BBasicConfig}; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const B2BBasicConfig: Schema.Schema<B2BBasicConfig, typeof B2BBasicConfig_.Encoded> = B2BBasicConfig_

const B2BMagicLinksConfig_ = Schema.Struct({
  enabled: flag("enabled", "Magic-link endpoints enabled."),
  pkceRequired: flag("pkce_required", "PKCE required for these flows.")
})
/**
 * B2B magic link settings: the endpoints, and whether PKCE is required.
 *
 * @since 0.1.0
 * @category models
 */
export interface B2BMagicLinksConfig extends Schema.Schema.Type<typeof B2BMagicLinksConfig_> {}
/**
 * The schema of {@link B2BMagicLinksConfig}; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const B2BMagicLinksConfig: Schema.Schema<B2BMagicLinksConfig, typeof B2BMagicLinksConfig_.Encoded> =
  B2BMagicLinksConfig_

const B2BSSOConfig_ = Schema.Struct({
  enabled: flag("enabled", "SSO endpoints enabled."),
  pkceRequired: flag("pkce_required", "PKCE required for these flows.")
})
/**
 * B2B SSO settings: the endpoints, and whether PKCE is required.
 *
 * @since 0.1.0
 * @category models
 */
export interface B2BSSOConfig extends Schema.Schema.Type<typeof B2BSSOConfig_> {}
/**
 * The schema of {@link B2BSSOConfig}; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const B2BSSOConfig: Schema.Schema<B2BSSOConfig, typeof B2BSSOConfig_.Encoded> = B2BSSOConfig_

const b2bOTPsFields = <Metadata extends Schema.Schema.Any>(metadata: Metadata) => ({
  smsEnabled: flag("sms_enabled", "SMS OTP endpoints enabled."),
  smsAutofillMetadata: list("sms_autofill_metadata", metadata, "Metadata for SMS OTP autofill."),
  emailEnabled: flag("email_enabled", "Email OTP endpoints enabled.")
})

const B2BOTPsConfig_ = Schema.Struct(b2bOTPsFields(SMSAutofillMetadata))
/**
 * B2B OTP settings, as sent.
 *
 * @since 0.1.0
 * @category models
 */
export interface B2BOTPsConfig extends Schema.Schema.Type<typeof B2BOTPsConfig_> {}
/**
 * The schema of {@link B2BOTPsConfig}, the request form; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const B2BOTPsConfig: Schema.Schema<B2BOTPsConfig, typeof B2BOTPsConfig_.Encoded> = B2BOTPsConfig_

const B2BOTPsConfigOpen_ = Schema.Struct(b2bOTPsFields(SMSAutofillMetadataOpen))
/**
 * {@link B2BOTPsConfig} as the server returns it (enums open).
 *
 * @since 0.1.0
 * @category models
 */
export interface B2BOTPsConfigOpen extends Schema.Schema.Type<typeof B2BOTPsConfigOpen_> {}
/**
 * The schema of {@link B2BOTPsConfigOpen}, the response form; a field the server leaves out decodes as its zero value (`false`, `0`, `""`, `[]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const B2BOTPsConfigOpen: Schema.Schema<B2BOTPsConfigOpen, typeof B2BOTPsConfigOpen_.Encoded> =
  B2BOTPsConfigOpen_

// ---------------------------------------------------------------------------
// the configs
// ---------------------------------------------------------------------------

/**
 * Accepts the Node SDK's upper-case `DFPPA` key besides `dfppa` when decoding
 * (`dfppa` wins when both are present); always encodes `dfppa`.
 */
const acceptingUpperCaseDFPPA = <Config extends Schema.Schema.AnyNoContext, DFPPA extends Schema.Schema.AnyNoContext>(
  config: Config,
  dfppa: DFPPA
): Schema.Schema<
  Schema.Schema.Type<Config>,
  Schema.Schema.Encoded<Config> & { readonly DFPPA?: Schema.Schema.Encoded<DFPPA> }
> => {
  const to = config as unknown as Schema.Schema<unknown, { readonly dfppa?: unknown }>
  const from = Schema.extend(
    Schema.encodedSchema(to),
    Schema.Struct({
      DFPPA: Wire.optionalField(
        "DFPPA",
        Schema.encodedSchema(dfppa),
        "The Node SDK's spelling of `dfppa`: accepted, never sent."
      )
    })
  )
  const schema = Schema.transform(from, to, {
    strict: true,
    decode: ({ DFPPA, ...wire }) => DFPPA !== undefined && wire.dfppa === undefined ? { ...wire, dfppa: DFPPA } : wire,
    encode: (wire) => wire
  })
  return schema as unknown as Schema.Schema<
    Schema.Schema.Type<Config>,
    Schema.Schema.Encoded<Config> & { readonly DFPPA?: Schema.Schema.Encoded<DFPPA> }
  >
}

const consumerConfigFields = <
  OTPs extends Schema.Schema.Any,
  DFPPA extends Schema.Schema.Any,
  Cookies extends Schema.Schema.Any
>(otps: OTPs, dfppa: DFPPA, cookies: Cookies) => ({
  basic: Wire.optionalField("basic", ConsumerBasicConfig, "Basic settings, incl. enabling the SDK."),
  sessions: Wire.optionalField("sessions", SessionsConfig, "Session settings."),
  magicLinks: Wire.optionalField("magic_links", ConsumerMagicLinksConfig, "Magic links settings."),
  otps: Wire.optionalField("otps", otps, "OTP settings."),
  oauth: Wire.optionalField("oauth", OAuthConfig, "OAuth settings."),
  totps: Wire.optionalField("totps", TOTPsConfig, "TOTP settings."),
  webauthn: Wire.optionalField("webauthn", ConsumerWebAuthnConfig, "WebAuthn settings."),
  cryptoWallets: Wire.optionalField("crypto_wallets", ConsumerCryptoWalletsConfig, "Crypto wallets settings."),
  dfppa: Wire.optionalField("dfppa", dfppa, "Device Fingerprinting Protected Auth settings (the Node SDK spells the key `DFPPA`)."),
  biometrics: Wire.optionalField("biometrics", ConsumerBiometricsConfig, "Biometrics settings."),
  passwords: Wire.optionalField("passwords", PasswordsConfig, "Passwords settings."),
  cookies: Wire.optionalField("cookies", cookies, "Cookie settings."),
  userImpersonation: Wire.optionalField("user_impersonation", UserImpersonationConfig, "Impersonation settings.")
})

const ConsumerConfig_ = acceptingUpperCaseDFPPA(
  Schema.Struct(consumerConfigFields(ConsumerOTPsConfig, DFPPAConfig, CookiesConfig)),
  DFPPAConfig
)
/**
 * A Consumer project environment's SDK configuration, as sent to
 * {@link setConsumerConfig}. Every section is optional: one left out is
 * left unchanged.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConsumerConfig extends Schema.Schema.Type<typeof ConsumerConfig_> {}
/**
 * The schema of {@link ConsumerConfig}, the request form. It always sends
 * the key `dfppa`; decoding also accepts the Node SDK's `DFPPA`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConsumerConfig: Schema.Schema<ConsumerConfig, typeof ConsumerConfig_.Encoded> = ConsumerConfig_

const ConsumerConfigOpen_ = acceptingUpperCaseDFPPA(
  Schema.Struct(consumerConfigFields(ConsumerOTPsConfigOpen, DFPPAConfigOpen, CookiesConfigOpen)),
  DFPPAConfigOpen
)
/**
 * {@link ConsumerConfig} as the server returns it: enum values the SDK does
 * not know still decode.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConsumerConfigOpen extends Schema.Schema.Type<typeof ConsumerConfigOpen_> {}
/**
 * The schema of {@link ConsumerConfigOpen}, the response form; decoding
 * accepts `dfppa` or the Node SDK's `DFPPA`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConsumerConfigOpen: Schema.Schema<ConsumerConfigOpen, typeof ConsumerConfigOpen_.Encoded> =
  ConsumerConfigOpen_

const b2bConfigFields = <
  OTPs extends Schema.Schema.Any,
  DFPPA extends Schema.Schema.Any,
  Cookies extends Schema.Schema.Any
>(otps: OTPs, dfppa: DFPPA, cookies: Cookies) => ({
  basic: Wire.optionalField("basic", B2BBasicConfig, "Basic settings, incl. enabling the SDK."),
  sessions: Wire.optionalField("sessions", SessionsConfig, "Session settings."),
  magicLinks: Wire.optionalField("magic_links", B2BMagicLinksConfig, "Magic links settings."),
  oauth: Wire.optionalField("oauth", OAuthConfig, "OAuth settings."),
  totps: Wire.optionalField("totps", TOTPsConfig, "TOTP settings."),
  sso: Wire.optionalField("sso", B2BSSOConfig, "SSO settings."),
  otps: Wire.optionalField("otps", otps, "OTP settings."),
  dfppa: Wire.optionalField("dfppa", dfppa, "Device Fingerprinting Protected Auth settings (the Node SDK spells the key `DFPPA`)."),
  passwords: Wire.optionalField("passwords", PasswordsConfig, "Passwords settings."),
  cookies: Wire.optionalField("cookies", cookies, "Cookie settings."),
  userImpersonation: Wire.optionalField("user_impersonation", UserImpersonationConfig, "Member impersonation settings.")
})

const B2BConfig_ = acceptingUpperCaseDFPPA(
  Schema.Struct(b2bConfigFields(B2BOTPsConfig, DFPPAConfig, CookiesConfig)),
  DFPPAConfig
)
/**
 * A B2B project environment's SDK configuration, as sent to
 * {@link setB2BConfig}. Every section is optional: one left out is left
 * unchanged.
 *
 * @since 0.1.0
 * @category models
 */
export interface B2BConfig extends Schema.Schema.Type<typeof B2BConfig_> {}
/**
 * The schema of {@link B2BConfig}, the request form. It always sends the
 * key `dfppa`; decoding also accepts the Node SDK's `DFPPA`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const B2BConfig: Schema.Schema<B2BConfig, typeof B2BConfig_.Encoded> = B2BConfig_

const B2BConfigOpen_ = acceptingUpperCaseDFPPA(
  Schema.Struct(b2bConfigFields(B2BOTPsConfigOpen, DFPPAConfigOpen, CookiesConfigOpen)),
  DFPPAConfigOpen
)
/**
 * {@link B2BConfig} as the server returns it: enum values the SDK does not
 * know still decode.
 *
 * @since 0.1.0
 * @category models
 */
export interface B2BConfigOpen extends Schema.Schema.Type<typeof B2BConfigOpen_> {}
/**
 * The schema of {@link B2BConfigOpen}, the response form; decoding accepts
 * `dfppa` or the Node SDK's `DFPPA`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const B2BConfigOpen: Schema.Schema<B2BConfigOpen, typeof B2BConfigOpen_.Encoded> = B2BConfigOpen_

// ---------------------------------------------------------------------------
// requests and responses
// ---------------------------------------------------------------------------

const GetConsumerConfigRequest_ = Schema.Struct(environmentScope)
/**
 * The input of {@link getConsumerConfig}: the environment (`projectSlug`, `environmentSlug`); nothing else.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetConsumerConfigRequest extends Schema.Schema.Type<typeof GetConsumerConfigRequest_> {}
/**
 * The schema of {@link GetConsumerConfigRequest}. {@link getConsumerConfig} encodes its input with it: a
 * value that does not fit fails with an `InvalidRequestError` and nothing is sent; otherwise it sends
 * `projectSlug` and `environmentSlug` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetConsumerConfigRequest: Schema.Schema<
  GetConsumerConfigRequest,
  typeof GetConsumerConfigRequest_.Encoded
> = GetConsumerConfigRequest_

const GetConsumerConfigResponse_ = Wire.Response({
  config: Wire.field("config", ConsumerConfigOpen, "Consumer SDK config.")
})
/**
 * What {@link getConsumerConfig} succeeds with: `config` ({@link ConsumerConfigOpen}), beside the `requestID`
 * and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetConsumerConfigResponse extends Schema.Schema.Type<typeof GetConsumerConfigResponse_> {}
/**
 * The schema of {@link GetConsumerConfigResponse}: decodes the JSON body of a successful {@link
 * getConsumerConfig} (snake_case keys) into it; a body that does not fit fails with an
 * `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetConsumerConfigResponse: Schema.Schema<
  GetConsumerConfigResponse,
  typeof GetConsumerConfigResponse_.Encoded
> = GetConsumerConfigResponse_

const SetConsumerConfigRequest_ = Schema.Struct({
  ...environmentScope,
  config: Wire.optionalField("config", ConsumerConfig, "Config to store (nested under the config key).")
})
/**
 * The input of {@link setConsumerConfig}: the environment (`projectSlug`, `environmentSlug`), and optionally
 * `config`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SetConsumerConfigRequest extends Schema.Schema.Type<typeof SetConsumerConfigRequest_> {}
/**
 * The schema of {@link SetConsumerConfigRequest}. {@link setConsumerConfig} encodes its input with it: a
 * value that does not fit fails with an `InvalidRequestError` and nothing is sent; otherwise it sends
 * `projectSlug` and `environmentSlug` in the path and `config` in the JSON body, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetConsumerConfigRequest: Schema.Schema<
  SetConsumerConfigRequest,
  typeof SetConsumerConfigRequest_.Encoded
> = SetConsumerConfigRequest_

const SetConsumerConfigResponse_ = Wire.Response({
  config: Wire.field("config", ConsumerConfigOpen, "Stored config.")
})
/**
 * What {@link setConsumerConfig} succeeds with: `config` ({@link ConsumerConfigOpen}), beside the `requestID`
 * and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface SetConsumerConfigResponse extends Schema.Schema.Type<typeof SetConsumerConfigResponse_> {}
/**
 * The schema of {@link SetConsumerConfigResponse}: decodes the JSON body of a successful {@link
 * setConsumerConfig} (snake_case keys) into it; a body that does not fit fails with an
 * `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetConsumerConfigResponse: Schema.Schema<
  SetConsumerConfigResponse,
  typeof SetConsumerConfigResponse_.Encoded
> = SetConsumerConfigResponse_

const GetB2BConfigRequest_ = Schema.Struct(environmentScope)
/**
 * The input of {@link getB2BConfig}: the environment (`projectSlug`, `environmentSlug`); nothing else.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetB2BConfigRequest extends Schema.Schema.Type<typeof GetB2BConfigRequest_> {}
/**
 * The schema of {@link GetB2BConfigRequest}. {@link getB2BConfig} encodes its input with it: a value that
 * does not fit fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and
 * `environmentSlug` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetB2BConfigRequest: Schema.Schema<GetB2BConfigRequest, typeof GetB2BConfigRequest_.Encoded> =
  GetB2BConfigRequest_

const GetB2BConfigResponse_ = Wire.Response({
  config: Wire.field("config", B2BConfigOpen, "B2B SDK config.")
})
/**
 * What {@link getB2BConfig} succeeds with: `config` ({@link B2BConfigOpen}), beside the `requestID` and
 * `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetB2BConfigResponse extends Schema.Schema.Type<typeof GetB2BConfigResponse_> {}
/**
 * The schema of {@link GetB2BConfigResponse}: decodes the JSON body of a successful {@link getB2BConfig}
 * (snake_case keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetB2BConfigResponse: Schema.Schema<GetB2BConfigResponse, typeof GetB2BConfigResponse_.Encoded> =
  GetB2BConfigResponse_

const SetB2BConfigRequest_ = Schema.Struct({
  ...environmentScope,
  config: Wire.optionalField("config", B2BConfig, "Config to store (nested under the config key).")
})
/**
 * The input of {@link setB2BConfig}: the environment (`projectSlug`, `environmentSlug`), and optionally
 * `config`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SetB2BConfigRequest extends Schema.Schema.Type<typeof SetB2BConfigRequest_> {}
/**
 * The schema of {@link SetB2BConfigRequest}. {@link setB2BConfig} encodes its input with it: a value that
 * does not fit fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and
 * `environmentSlug` in the path and `config` in the JSON body, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetB2BConfigRequest: Schema.Schema<SetB2BConfigRequest, typeof SetB2BConfigRequest_.Encoded> =
  SetB2BConfigRequest_

const SetB2BConfigResponse_ = Wire.Response({
  config: Wire.field("config", B2BConfigOpen, "Stored config.")
})
/**
 * What {@link setB2BConfig} succeeds with: `config` ({@link B2BConfigOpen}), beside the `requestID` and
 * `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface SetB2BConfigResponse extends Schema.Schema.Type<typeof SetB2BConfigResponse_> {}
/**
 * The schema of {@link SetB2BConfigResponse}: decodes the JSON body of a successful {@link setB2BConfig}
 * (snake_case keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetB2BConfigResponse: Schema.Schema<SetB2BConfigResponse, typeof SetB2BConfigResponse_.Encoded> =
  SetB2BConfigResponse_

/**
 * The endpoint definitions of this group.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints = Endpoint.group("sdk", {
  getConsumerConfig: {
    method: "GET",
    path: `${PE}/sdk/consumer`,
    request: GetConsumerConfigRequest,
    response: GetConsumerConfigResponse,
    description: "Gets the Consumer SDK configuration of a Consumer project's environment."
  },
  setConsumerConfig: {
    method: "PUT",
    path: `${PE}/sdk/consumer`,
    request: SetConsumerConfigRequest,
    response: SetConsumerConfigResponse,
    description:
      "Sets the Consumer SDK configuration of a Consumer project's environment (fails on a B2B project's environment)."
  },
  getB2BConfig: {
    method: "GET",
    path: `${PE}/sdk/b2b`,
    request: GetB2BConfigRequest,
    response: GetB2BConfigResponse,
    description: "Gets the B2B SDK configuration of a B2B project's environment."
  },
  setB2BConfig: {
    method: "PUT",
    path: `${PE}/sdk/b2b`,
    request: SetB2BConfigRequest,
    response: SetB2BConfigResponse,
    description:
      "Sets the B2B SDK configuration of a B2B project's environment (fails on a Consumer project's environment)."
  }
})

/**
 * Gets the Consumer SDK configuration. Fails on a B2B project's environment.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { SDK } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { config } = yield* SDK.getConsumerConfig({ projectSlug: "my-consumer-app", environmentSlug: "production" })
 *   return config.basic?.domains ?? []
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const getConsumerConfig = Endpoint.operation(endpoints.getConsumerConfig)

/**
 * Sets the Consumer SDK configuration and returns what is stored. Fails on a
 * B2B project's environment.
 *
 * @example
 * ```ts
 * import { SDK } from "@stytch-effect/resources"
 *
 * const program = SDK.setConsumerConfig({
 *   projectSlug: "my-consumer-app",
 *   environmentSlug: "production",
 *   config: {
 *     basic: { enabled: true, domains: ["https://app.example.com"], bundleIDs: [] },
 *     magicLinks: { loginOrCreateEnabled: true, sendEnabled: true, pkceRequired: true }
 *   }
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const setConsumerConfig = Endpoint.operation(endpoints.setConsumerConfig)

/**
 * Gets the B2B SDK configuration. Fails on a Consumer project's environment.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { SDK } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { config } = yield* SDK.getB2BConfig({ projectSlug: "my-b2b-app", environmentSlug: "production" })
 *   return config.sso?.enabled === true
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const getB2BConfig = Endpoint.operation(endpoints.getB2BConfig)

/**
 * Sets the B2B SDK configuration and returns what is stored. Fails on a
 * Consumer project's environment.
 *
 * @example
 * ```ts
 * import { SDK } from "@stytch-effect/resources"
 *
 * const program = SDK.setB2BConfig({
 *   projectSlug: "my-b2b-app",
 *   environmentSlug: "production",
 *   config: {
 *     sso: { enabled: true, pkceRequired: true },
 *     magicLinks: { enabled: true, pkceRequired: true }
 *   }
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const setB2BConfig = Endpoint.operation(endpoints.setB2BConfig)
