import type { SDK } from "@stytch-effect/resources"
import { badRequest } from "../errors.js"
import { type EnvironmentState, slot } from "../state.js"
import { environmentOf, type Handlers } from "./common.js"

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
  dfppa: { enabled: "DISABLED", onChallenge: "ALLOW" },
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
  dfppa: { enabled: "ENABLED", onChallenge: "BLOCK" },
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

/** @internal */
export const sdk: Handlers<typeof SDK> = {
  getConsumerConfig: (request, { workspace }) => ({
    config: consumerConfigOf(requireVertical(environmentOf(workspace, request), "CONSUMER")).config
  }),
  setConsumerConfig: (request, { workspace }) => {
    const state = consumerConfigOf(requireVertical(environmentOf(workspace, request), "CONSUMER"))
    state.config = apply(state.config, request.config)
    return { config: state.config }
  },
  getB2BConfig: (request, { workspace }) => ({
    config: b2bConfigOf(requireVertical(environmentOf(workspace, request), "B2B")).config
  }),
  setB2BConfig: (request, { workspace }) => {
    const state = b2bConfigOf(requireVertical(environmentOf(workspace, request), "B2B"))
    state.config = apply(state.config, request.config)
    return { config: state.config }
  }
}
