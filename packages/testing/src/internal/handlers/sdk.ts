import type { SDK } from "@stytch-effect/resources"
import { badRequest } from "../errors.js"
import { type EnvironmentState, type ProjectFeatures, slot } from "../state.js"
import { environmentOf, type Handlers } from "./common.js"

/** A vertical's DFPPA defaults: what a project without DFPPA enabled by Stytch must keep. */
const DFPPA_DEFAULTS = {
  CONSUMER: { enabled: "DISABLED", onChallenge: "ALLOW" },
  B2B: { enabled: "ENABLED", onChallenge: "BLOCK" }
} as const satisfies Record<string, SDK.DFPPAConfigOpen>

/** A new environment's Consumer SDK configuration: the SDK off, sessions up to an hour. */
const defaultConsumerConfig = (): SDK.ConsumerConfigOpen => ({
  basic: { enabled: false, domains: [], bundleIDs: [] },
  sessions: { maxSessionDurationMinutes: 60 },
  magicLinks: { loginOrCreateEnabled: false, sendEnabled: false, pkceRequired: false },
  otps: {
    smsLoginOrCreateEnabled: false,
    whatsappLoginOrCreateEnabled: false,
    emailLoginOrCreateEnabled: false,
    smsSendEnabled: false,
    whatsappSendEnabled: false,
    emailSendEnabled: false,
    smsAutofillMetadata: []
  },
  oauth: { enabled: false, pkceRequired: false },
  totps: { createTotps: false, enabled: false },
  webauthn: { createWebauthns: false, enabled: false },
  cryptoWallets: { enabled: false, siweRequired: false },
  dfppa: { ...DFPPA_DEFAULTS.CONSUMER },
  biometrics: { createBiometricsEnabled: false, enabled: false },
  passwords: { enabled: false, pkceRequiredForPasswordResets: false },
  cookies: { httpOnly: "DISABLED" },
  userImpersonation: { enabled: false }
})

/** A new environment's B2B SDK configuration: the SDK off, sessions up to an hour. */
const defaultB2BConfig = (): SDK.B2BConfigOpen => ({
  basic: { enabled: false, allowSelfOnboarding: false, enableMemberPermissions: false, domains: [], bundleIDs: [] },
  sessions: { maxSessionDurationMinutes: 60 },
  magicLinks: { enabled: false, pkceRequired: false },
  oauth: { enabled: false, pkceRequired: false },
  totps: { createTotps: false, enabled: false },
  sso: { enabled: false, pkceRequired: false },
  otps: { smsEnabled: false, smsAutofillMetadata: [], emailEnabled: false },
  dfppa: { ...DFPPA_DEFAULTS.B2B },
  passwords: { enabled: false, pkceRequiredForPasswordResets: false },
  cookies: { httpOnly: "DISABLED" },
  userImpersonation: { enabled: false }
})

const consumerConfigOf = slot((_: EnvironmentState) => ({ config: defaultConsumerConfig() }))
const b2bConfigOf = slot((_: EnvironmentState) => ({ config: defaultB2BConfig() }))

/**
 * A B2B project's environments have only a B2B configuration and a Consumer
 * project's only a Consumer one; an `ALL` project has both.
 */
const requireVertical = (environment: EnvironmentState, wanted: "CONSUMER" | "B2B"): EnvironmentState => {
  const vertical = environment.project.project.vertical
  const other = wanted === "B2B" ? "CONSUMER" : "B2B"
  if (vertical === other) {
    const label = (v: string) => v === "B2B" ? "B2B" : "Consumer"
    throw badRequest(
      "sdk_config_vertical_mismatch",
      `${label(wanted)} SDK configuration is not available for a ${label(other)} project's environment.`
    )
  }
  return environment
}

/**
 * A set replaces each section it sends (its omitted fields were decoded as
 * zero values) and leaves omitted sections alone; DFPPA settings are
 * optional one by one, so an omitted one keeps its value.
 */
const apply = <
  C extends { readonly dfppa?: SDK.DFPPAConfigOpen | undefined }
>(current: C, sent: Partial<C> | undefined): C => {
  if (sent === undefined) return current
  const next: Record<string, unknown> = { ...current }
  for (const [key, value] of Object.entries(sent)) {
    if (value !== undefined && key !== "dfppa") next[key] = value
  }
  if (sent.dfppa !== undefined) {
    const dfppa: Record<string, unknown> = { ...current.dfppa }
    for (const [key, value] of Object.entries(sent.dfppa)) if (value !== undefined) dfppa[key] = value
    next.dfppa = dfppa
  }
  return next as C
}

interface Checked {
  readonly dfppa?: SDK.DFPPAConfigOpen | undefined
  readonly cookies?: { readonly httpOnly: string } | undefined
}

/**
 * The rules a new real project enforces on a set (docs/decisions.md):
 * DFPPA settings stay at the vertical's defaults unless Stytch enabled DFPPA
 * for the project, and `cookies.http_only` stays `DISABLED` without custom
 * domains (CNAMEs). Checked on what a set sends, before anything is stored.
 */
const checkFeatures = (
  features: ProjectFeatures,
  vertical: "CONSUMER" | "B2B",
  sent: Checked | undefined,
  next: Checked
): void => {
  const defaults = DFPPA_DEFAULTS[vertical]
  if (
    sent?.dfppa !== undefined && !features.dfppa &&
    (next.dfppa?.enabled !== defaults.enabled || next.dfppa?.onChallenge !== defaults.onChallenge)
  ) {
    throw badRequest(
      "dfppa_not_enabled",
      `DFPPA settings cannot be changed from their defaults (enabled ${defaults.enabled}, on_challenge ${defaults.onChallenge}) ` +
        "unless Stytch has enabled DFPPA for the project."
    )
  }
  const httpOnly = sent?.cookies?.httpOnly
  if (httpOnly !== undefined && httpOnly !== "DISABLED" && !features.customDomains) {
    throw badRequest(
      "cname_invalid_for_http_only_cookies",
      `cookies.http_only ${httpOnly} needs a custom domain (CNAME) for the project; DISABLED is the only value allowed without one.`
    )
  }
}

/** A B2B domain's `slug_pattern`, when set, must contain the `{{slug}}` placeholder. */
const checkSlugPatterns = (sent: Partial<SDK.B2BConfig> | undefined): void => {
  for (const { slugPattern } of sent?.basic?.domains ?? []) {
    if (slugPattern !== "" && !slugPattern.includes("{{slug}}")) {
      throw badRequest(
        "invalid_slug_pattern",
        `slug_pattern ${JSON.stringify(slugPattern)} must contain the {{slug}} placeholder.`
      )
    }
  }
}

/** @internal */
export const sdk: Handlers<typeof SDK> = {
  getConsumerConfig: (request, { workspace }) => ({
    config: consumerConfigOf(requireVertical(environmentOf(workspace, request), "CONSUMER")).config
  }),
  setConsumerConfig: (request, { workspace }) => {
    const environment = requireVertical(environmentOf(workspace, request), "CONSUMER")
    const state = consumerConfigOf(environment)
    const next = apply(state.config, request.config)
    checkFeatures(environment.project.features, "CONSUMER", request.config, next)
    state.config = next
    return { config: state.config }
  },
  getB2BConfig: (request, { workspace }) => ({
    config: b2bConfigOf(requireVertical(environmentOf(workspace, request), "B2B")).config
  }),
  setB2BConfig: (request, { workspace }) => {
    const environment = requireVertical(environmentOf(workspace, request), "B2B")
    const state = b2bConfigOf(environment)
    const next = apply(state.config, request.config)
    checkFeatures(environment.project.features, "B2B", request.config, next)
    checkSlugPatterns(request.config)
    state.config = next
    return { config: state.config }
  }
}
