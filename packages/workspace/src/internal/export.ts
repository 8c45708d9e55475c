import type { StytchError } from "@stytch-effect/core"
import {
  CountryCodeAllowlist,
  EmailTemplates,
  Environments,
  EventLogStreaming,
  JWTTemplates,
  PasswordStrengthConfig,
  Projects,
  PublicTokens,
  RBACPolicy,
  RedirectURLs,
  SDK,
  Secrets,
  TrustedTokenProfiles
} from "@stytch-effect/resources"
import * as Effect from "effect/Effect"
import * as Predicate from "effect/Predicate"
import type * as Document from "../Document.js"
import { canonical } from "./canonical.js"

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** A read that answers 404 means "absent" (an unset default, no destination of a type). @internal */
export const orAbsent = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A | undefined, E, R> =>
  Effect.catchIf(effect, isNotFound, () => Effect.succeed(undefined))

const isNotFound = (error: unknown): boolean =>
  Predicate.isTagged(error, "StytchApiError") && (error as StytchError.StytchApiError).statusCode === 404

/** The environment variable an export names for a destination's secret input. @internal */
export const secretVariable = (environmentSlug: string, name: string): string =>
  `STYTCH_${environmentSlug.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_${name}`

const emailTypes = EmailTemplates.EmailTemplateType.literals

const settingsOf = (env: Environments.Environment): Partial<Document.EnvironmentConfig> => ({
  crossOrgPasswordsEnabled: env.crossOrgPasswordsEnabled,
  userImpersonationEnabled: env.userImpersonationEnabled,
  zeroDowntimeSessionMigrationURL: env.zeroDowntimeSessionMigrationURL,
  useCustomDomainInMagicLinkEmails: env.useCustomDomainInMagicLinkEmails,
  userLockSelfServeEnabled: env.userLockSelfServeEnabled,
  ...(env.userLockThreshold === undefined ? {} : { userLockThreshold: env.userLockThreshold }),
  ...(env.userLockTtl === undefined ? {} : { userLockTtl: env.userLockTtl }),
  idpAuthorizationURL: env.idpAuthorizationURL,
  idpDynamicClientRegistrationEnabled: env.idpDynamicClientRegistrationEnabled,
  idpDynamicClientRegistrationAccessTokenTemplateContent: env.idpDynamicClientRegistrationAccessTokenTemplateContent
})

const password = (config: PasswordStrengthConfig.PasswordStrengthConfig): Document.PasswordStrengthSettings => ({
  checkBreachOnCreation: config.checkBreachOnCreation,
  checkBreachOnAuthentication: config.checkBreachOnAuthentication,
  validateOnAuthentication: config.validateOnAuthentication,
  ...(config.validationPolicy === undefined
    ? {}
    : { validationPolicy: config.validationPolicy as PasswordStrengthConfig.ValidationPolicy }),
  ...(config.ludsMinPasswordLength == null ? {} : { ludsMinPasswordLength: config.ludsMinPasswordLength }),
  ...(config.ludsMinPasswordComplexity == null ? {} : { ludsMinPasswordComplexity: config.ludsMinPasswordComplexity })
})

const profile = (p: TrustedTokenProfiles.TrustedTokenProfile): Document.TrustedTokenProfileConfig => ({
  name: p.name,
  audience: p.audience,
  issuer: p.issuer,
  publicKeyType: (p.publicKeyType ?? "PEM") as TrustedTokenProfiles.PublicKeyType,
  ...(p.jwksURL ? { jwksURL: p.jwksURL } : {}),
  ...(p.attributeMapping && Object.keys(p.attributeMapping).length > 0 ? { attributeMapping: p.attributeMapping } : {}),
  canJitProvision: p.canJitProvision,
  pemFiles: p.pemFiles.map((f) => f.publicKey)
})

const stream = (
  environmentSlug: string,
  config: EventLogStreaming.EventLogStreamingMasked,
  destinationType: EventLogStreaming.DestinationType
): Document.EventLogStreamingConfig => {
  const { datadog, grafanaLoki } = config.destinationConfig ?? {}
  return {
    destinationType,
    enabled: config.streamingStatus === "ACTIVE",
    destinationConfig: {
      ...(datadog
        ? {
          datadog: {
            ...(datadog.site === undefined ? {} : { site: datadog.site as EventLogStreaming.DatadogSite }),
            apiKey: { fromEnv: secretVariable(environmentSlug, "DATADOG_API_KEY") }
          }
        }
        : {}),
      ...(grafanaLoki
        ? {
          grafanaLoki: {
            hostname: grafanaLoki.hostname,
            username: grafanaLoki.username,
            password: { fromEnv: secretVariable(environmentSlug, "GRAFANA_LOKI_PASSWORD") }
          }
        }
        : {})
    }
  }
}

const rbac = (policy: RBACPolicy.Policy): Document.RBACPolicyConfig => ({
  ...(policy.stytchMember ? { stytchMember: policy.stytchMember } : {}),
  ...(policy.stytchAdmin ? { stytchAdmin: policy.stytchAdmin } : {}),
  ...(policy.stytchUser ? { stytchUser: policy.stytchUser } : {}),
  customRoles: policy.customRoles,
  customResources: policy.customResources,
  customScopes: policy.customScopes
})

const template = (t: EmailTemplates.EmailTemplate): Document.EmailTemplateConfig => ({
  templateID: t.templateID,
  ...(t.name === undefined ? {} : { name: t.name }),
  ...(t.senderInformation ? { senderInformation: t.senderInformation } : {}),
  ...(t.prebuiltCustomization
    ? { prebuiltCustomization: t.prebuiltCustomization as EmailTemplates.PrebuiltCustomization }
    : {}),
  ...(t.customHtmlCustomization
    ? { customHtmlCustomization: t.customHtmlCustomization as EmailTemplates.CustomHTMLCustomization }
    : {})
})

/** Runs a request under the export's bound on requests in flight. @internal */
export type Gate = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>

const exportEnvironment = (vertical: string | undefined, env: Environments.Environment, gate: Gate) => {
  const scope = { projectSlug: env.projectSlug, environmentSlug: env.environmentSlug }
  // An ALL project's environments have both SDK configurations; WhatsApp does not exist for B2B.
  const b2b = vertical === "B2B"
  const consumer = vertical !== "B2B"
  const both = vertical === "ALL"
  return Effect.all({
    redirectURLs: gate(RedirectURLs.getAll(scope)),
    publicTokens: gate(PublicTokens.getAll(scope)),
    secrets: gate(Secrets.getAll(scope)),
    sms: gate(CountryCodeAllowlist.getAllowedSMSCountryCodes(scope)),
    whatsapp: gate(b2b ? Effect.succeed(undefined) : CountryCodeAllowlist.getAllowedWhatsAppCountryCodes(scope)),
    password: gate(PasswordStrengthConfig.get(scope)),
    consumerSDK: gate(consumer ? SDK.getConsumerConfig(scope) : Effect.succeed(undefined)),
    b2bSDK: gate(b2b || both ? SDK.getB2BConfig(scope) : Effect.succeed(undefined)),
    session: gate(JWTTemplates.get({ ...scope, jwtTemplateType: "SESSION" })),
    m2m: gate(JWTTemplates.get({ ...scope, jwtTemplateType: "M2M" })),
    profiles: gate(TrustedTokenProfiles.getAll(scope)),
    datadog: gate(orAbsent(EventLogStreaming.get({ ...scope, destinationType: "DATADOG" }))),
    loki: gate(orAbsent(EventLogStreaming.get({ ...scope, destinationType: "GRAFANA_LOKI" }))),
    rbac: gate(RBACPolicy.get(scope))
  }, { concurrency: "unbounded" }).pipe(Effect.map((r): Document.EnvironmentConfig => {
    const jwt: Mutable<Document.JWTTemplatesConfig> = {}
    for (const [type, { jwtTemplate }] of [["SESSION", r.session], ["M2M", r.m2m]] as const) {
      // Unset reads as empty; "{}" with no audience is the baseline a delete resets to (as Terraform's).
      const unset = (jwtTemplate.templateContent === "" || jwtTemplate.templateContent === "{}") &&
        jwtTemplate.customAudience === ""
      if (!unset) {
        jwt[type] = { templateContent: jwtTemplate.templateContent, customAudience: jwtTemplate.customAudience }
      }
    }
    const streams: Array<Document.EventLogStreamingConfig> = []
    if (r.datadog) streams.push(stream(env.environmentSlug, r.datadog.eventLogStreamingConfig, "DATADOG"))
    if (r.loki) streams.push(stream(env.environmentSlug, r.loki.eventLogStreamingConfig, "GRAFANA_LOKI"))
    return {
      environmentSlug: env.environmentSlug,
      name: env.name,
      type: (env.type ?? "TEST") as Environments.EnvironmentType,
      ...settingsOf(env),
      redirectURLs: r.redirectURLs.redirectURLs.map((u) => ({
        url: u.url,
        validTypes: u.validTypes.map((t) => ({ type: t.type as RedirectURLs.RedirectURLType, isDefault: t.isDefault }))
      })),
      publicTokens: { atLeast: r.publicTokens.publicTokens.length },
      secrets: { atLeast: r.secrets.secrets.length },
      countryCodeAllowlist: {
        sms: r.sms.countryCodes,
        ...(r.whatsapp ? { whatsapp: r.whatsapp.countryCodes } : {})
      },
      passwordStrengthConfig: password(r.password.passwordStrengthConfig),
      sdkConfig: {
        ...(r.consumerSDK ? { consumer: r.consumerSDK.config as Document.SDKConfig["consumer"] & object } : {}),
        ...(r.b2bSDK ? { b2b: r.b2bSDK.config as Document.SDKConfig["b2b"] & object } : {})
      },
      jwtTemplates: jwt,
      trustedTokenProfiles: r.profiles.profiles.map(profile),
      eventLogStreaming: streams,
      rbacPolicy: rbac(r.rbac.policy)
    }
  }))
}

/**
 * Reads one project's whole configuration. `missing: "absent"` answers
 * `undefined` for a project that does not exist (drift against a project
 * still to be created); otherwise that read's error fails the export.
 *
 * @internal
 */
export const exportProject = (projectSlug: string, missing: "fail" | "absent", gate: Gate) =>
  Effect.gen(function*() {
    const read = gate(Projects.get({ projectSlug }))
    const found = missing === "absent" ? yield* orAbsent(read) : yield* read
    if (found === undefined) return undefined
    const { project } = found
    const [{ environments }, { emailTemplates }, defaults] = yield* Effect.all([
      gate(Environments.getAll({ projectSlug })),
      gate(EmailTemplates.getAll({ projectSlug })),
      Effect.forEach(
        emailTypes,
        (emailTemplateType) =>
          orAbsent(gate(EmailTemplates.getDefault({ projectSlug, emailTemplateType }))).pipe(
            Effect.map((r) => [emailTemplateType, r?.templateID] as const)
          ),
        { concurrency: "unbounded" }
      )
    ], { concurrency: "unbounded" })
    const envs = yield* Effect.forEach(
      environments,
      (env) => exportEnvironment(project.vertical, env, gate),
      { concurrency: "unbounded" }
    )
    const defaultEmailTemplates: Mutable<Document.DefaultEmailTemplatesConfig> = {}
    for (const [type, templateID] of defaults) if (templateID !== undefined) defaultEmailTemplates[type] = templateID
    const config: Document.ProjectConfig = {
      projectSlug: project.projectSlug,
      name: project.name,
      vertical: (project.vertical ?? "ALL") as Projects.Vertical,
      environments: envs,
      emailTemplates: emailTemplates.map(template),
      defaultEmailTemplates
    }
    return config
  })

/**
 * Reads several projects into one canonical document, with at most
 * `concurrency` requests in flight in all.
 *
 * @internal
 */
export const exportDocument = (
  projectSlugs: ReadonlyArray<string>,
  options: { readonly concurrency: number; readonly missing: "fail" | "absent" }
) =>
  Effect.flatMap(Effect.makeSemaphore(Math.max(1, options.concurrency)), (semaphore) => {
    const gate: Gate = (effect) => semaphore.withPermits(1)(effect)
    return Effect.forEach(
      Array.from(new Set(projectSlugs)),
      (slug) => exportProject(slug, options.missing, gate),
      { concurrency: "unbounded" }
    )
  }).pipe(
    Effect.map((projects): Document.Document =>
      canonical({ version: 1, projects: projects.filter((p): p is Document.ProjectConfig => p !== undefined) })
    )
  )
