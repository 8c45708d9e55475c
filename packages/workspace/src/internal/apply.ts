import type { StytchError, StytchManagement } from "@stytch-effect/core"
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
import type * as Redacted from "effect/Redacted"
import type * as Document from "../Document.js"
import type * as Plan from "../Plan.js"
import { covers, merge } from "./diff.js"
import { ConflictError } from "./errors.js"

/** Secret inputs resolved from their references, by variable name. @internal */
export type ResolvedSecrets = ReadonlyMap<string, Redacted.Redacted<string>>

/** An update that only turns streaming on or off: no settings (and no secret) to send. */
const onlyEnabled = (action: Plan.Action): boolean =>
  action.op === "update" && action.changes.every((change) => change.path === "enabled")

/** The variables an action's secret references name. @internal */
export const referencesOf = (action: Plan.Action): ReadonlyArray<string> => {
  if (action.family !== "eventLogStreaming" || action.op === "delete" || onlyEnabled(action)) return []
  const config = (action.desired as Document.EventLogStreamingConfig).destinationConfig
  return [config.datadog?.apiKey.fromEnv, config.grafanaLoki?.password.fromEnv].filter((n): n is string => n !== undefined)
}

const destinationConfig = (config: Document.EventLogStreamingConfig["destinationConfig"], secrets: ResolvedSecrets) => ({
  ...(config.datadog
    ? {
      datadog: {
        apiKey: secrets.get(config.datadog.apiKey.fromEnv)!,
        ...(config.datadog.site === undefined ? {} : { site: config.datadog.site })
      }
    }
    : {}),
  ...(config.grafanaLoki
    ? {
      grafanaLoki: {
        hostname: config.grafanaLoki.hostname,
        username: config.grafanaLoki.username,
        password: secrets.get(config.grafanaLoki.password.fromEnv)!
      }
    }
    : {})
})

const profileByName = (scope: { projectSlug: string; environmentSlug: string }, name: string) =>
  TrustedTokenProfiles.getAll(scope).pipe(
    Effect.flatMap(({ profiles }) => {
      const found = profiles.find((p) => p.name === name)
      return found === undefined
        ? Effect.fail(new ConflictError({ reason: "Stale", message: `no trusted token profile named ${JSON.stringify(name)}` }))
        : Effect.succeed(found)
    })
  )

const createProfile = (scope: { projectSlug: string; environmentSlug: string }, p: Document.TrustedTokenProfileConfig) =>
  TrustedTokenProfiles.create({
    ...scope,
    name: p.name,
    audience: p.audience,
    issuer: p.issuer,
    publicKeyType: p.publicKeyType,
    pemFiles: p.pemFiles ?? [],
    canJitProvision: p.canJitProvision ?? false,
    ...(p.jwksURL === undefined ? {} : { jwksURL: p.jwksURL }),
    ...(p.attributeMapping === undefined ? {} : { attributeMapping: p.attributeMapping })
  })

const updateProfile = (
  scope: { projectSlug: string; environmentSlug: string },
  desired: Document.TrustedTokenProfileConfig,
  current: Document.TrustedTokenProfileConfig
) =>
  Effect.gen(function*() {
    const found = yield* profileByName(scope, current.name)
    if (desired.publicKeyType !== current.publicKeyType) {
      // publicKeyType cannot change in place: replace the profile.
      yield* TrustedTokenProfiles.delete({ ...scope, profileID: found.profileID })
      yield* createProfile(scope, desired)
      return
    }
    const at = { ...scope, profileID: found.profileID }
    yield* TrustedTokenProfiles.update({
      ...at,
      name: desired.name,
      audience: desired.audience,
      issuer: desired.issuer,
      ...(desired.jwksURL === undefined ? {} : { jwksURL: desired.jwksURL }),
      ...(desired.attributeMapping === undefined ? {} : { attributeMapping: desired.attributeMapping }),
      ...(desired.canJitProvision === undefined ? {} : { canJitProvision: desired.canJitProvision })
    })
    // Keys: add the new ones first, then remove the old ones (a profile never loses all its keys).
    const wanted = new Set(desired.pemFiles ?? [])
    const have = new Set(found.pemFiles.map((f) => f.publicKey))
    for (const publicKey of wanted) if (!have.has(publicKey)) yield* TrustedTokenProfiles.createPEMFile({ ...at, publicKey })
    for (const file of found.pemFiles) {
      if (!wanted.has(file.publicKey)) yield* TrustedTokenProfiles.deletePEMFile({ ...at, pemFileID: file.pemFileID })
    }
  })

const environmentSettings = (fields: Record<string, unknown>) => {
  const { environmentSlug: _slug, name: _name, type: _type, ...settings } = fields
  return settings
}

/**
 * Runs one action through the normal operations (so retries, spans, timeouts
 * and typed errors all apply).
 *
 * @internal
 */
export const execute = (
  action: Plan.Action,
  secrets: ResolvedSecrets
): Effect.Effect<void, StytchError.StytchError | ConflictError, StytchManagement.StytchManagement> => {
  const projectSlug = action.project
  const scope = { projectSlug, environmentSlug: action.environment ?? "" }
  switch (action.family) {
    case "project": {
      const p = action.desired as { projectSlug: string; name: string; vertical: Projects.Vertical }
      if (action.op === "create") return Projects.create({ projectSlug, name: p.name, vertical: p.vertical }).pipe(Effect.asVoid)
      if ((action.current as Document.ProjectConfig).vertical !== p.vertical) {
        return Effect.fail(new ConflictError({ reason: "ReplaceOnly", message: `the vertical of project ${projectSlug} cannot change (create a new project)` }))
      }
      return Projects.update({ projectSlug, name: p.name }).pipe(Effect.asVoid)
    }
    case "environment": {
      const fields = (action.desired ?? {}) as Record<string, unknown> & { name: string; type: Environments.EnvironmentType }
      if (action.op === "create") {
        const { useCustomDomainInMagicLinkEmails, ...settings } = environmentSettings(fields)
        return Environments.create({
          projectSlug,
          environmentSlug: scope.environmentSlug,
          name: fields.name,
          type: fields.type,
          ...settings
        } as Environments.CreateRequest).pipe(
          // create does not take this one setting; update does
          Effect.zipRight(
            useCustomDomainInMagicLinkEmails === true
              ? Effect.asVoid(Environments.update({ ...scope, useCustomDomainInMagicLinkEmails: true }))
              : Effect.void
          ),
          Effect.asVoid
        )
      }
      if (action.op === "delete") return Environments.delete(scope).pipe(Effect.asVoid)
      return Environments.update({ ...scope, name: fields.name, ...environmentSettings(fields) } as Environments.UpdateRequest)
        .pipe(Effect.asVoid)
    }
    case "redirectURLs": {
      const url = action.key
      if (action.op === "delete") return RedirectURLs.delete({ ...scope, url, doNotPromoteDefaults: true }).pipe(Effect.asVoid)
      const validTypes = (action.desired as Document.RedirectURLConfig).validTypes
      return (action.op === "create"
        ? RedirectURLs.create({ ...scope, url, validTypes, doNotPromoteDefaults: true })
        : RedirectURLs.update({ ...scope, url, validTypes, doNotPromoteDefaults: true })).pipe(Effect.asVoid)
    }
    case "publicTokens":
    case "secrets": {
      // "At least N": counted now, so a re-run after a partial apply creates only what is missing.
      const target = (action.desired as Document.Count).atLeast
      const list = action.family === "publicTokens"
        ? PublicTokens.getAll(scope).pipe(Effect.map((r) => r.publicTokens.map((t) => t.publicToken)))
        : Secrets.getAll(scope).pipe(Effect.map((r) => r.secrets.map((s) => s.secretID)))
      return Effect.gen(function*() {
        const ids = yield* list
        if (action.op === "delete") {
          for (const id of ids.slice(Math.max(target, 1)).reverse()) {
            yield* action.family === "publicTokens"
              ? PublicTokens.delete({ ...scope, publicToken: id })
              : Secrets.delete({ ...scope, secretID: id })
          }
          return
        }
        for (let i = ids.length; i < target; i++) {
          // The created secret's value is dropped on purpose: a document never carries one.
          yield* action.family === "publicTokens" ? PublicTokens.create(scope) : Secrets.create(scope)
        }
      })
    }
    case "countryCodeAllowlist": {
      const countryCodes = action.desired as ReadonlyArray<string>
      return (action.key === "whatsapp"
        ? CountryCodeAllowlist.setAllowedWhatsAppCountryCodes({ ...scope, countryCodes })
        : CountryCodeAllowlist.setAllowedSMSCountryCodes({ ...scope, countryCodes })).pipe(Effect.asVoid)
    }
    case "passwordStrengthConfig": {
      const c = action.desired as Document.PasswordStrengthSettings
      return PasswordStrengthConfig.set({
        ...scope,
        checkBreachOnCreation: c.checkBreachOnCreation ?? true,
        checkBreachOnAuthentication: c.checkBreachOnAuthentication ?? true,
        validateOnAuthentication: c.validateOnAuthentication ?? true,
        ...(c.validationPolicy === undefined ? {} : { validationPolicy: c.validationPolicy }),
        ...(c.validationPolicy === "LUDS" && c.ludsMinPasswordLength !== undefined
          ? { ludsMinPasswordLength: c.ludsMinPasswordLength }
          : {}),
        ...(c.validationPolicy === "LUDS" && c.ludsMinPasswordComplexity !== undefined
          ? { ludsMinPasswordComplexity: c.ludsMinPasswordComplexity }
          : {})
      } as PasswordStrengthConfig.SetRequest).pipe(Effect.asVoid)
    }
    case "sdkConfig": {
      const desired = action.desired
      // A section is replaced whole: the desired fields are written over the live ones read now
      // (the plan's own copy may predate the environment).
      return action.key === "b2b"
        ? SDK.getB2BConfig(scope).pipe(
          Effect.flatMap(({ config }) => SDK.setB2BConfig({ ...scope, config: merge(config, desired) as SDK.B2BConfig })),
          Effect.asVoid
        )
        : SDK.getConsumerConfig(scope).pipe(
          Effect.flatMap(({ config }) =>
            SDK.setConsumerConfig({ ...scope, config: merge(config, desired) as SDK.ConsumerConfig })
          ),
          Effect.asVoid
        )
    }
    case "jwtTemplates": {
      const jwtTemplateType = action.key as JWTTemplates.JWTTemplateType
      const t = action.op === "delete"
        ? { templateContent: "{}", customAudience: "" }
        : action.desired as Document.JWTTemplateConfig
      return JWTTemplates.set({
        ...scope,
        jwtTemplateType,
        templateContent: t.templateContent,
        customAudience: t.customAudience ?? ""
      }).pipe(Effect.asVoid)
    }
    case "trustedTokenProfiles": {
      const desired = action.desired as Document.TrustedTokenProfileConfig
      if (action.op === "create") return createProfile(scope, desired).pipe(Effect.asVoid)
      if (action.op === "update") {
        return updateProfile(scope, desired, action.current as Document.TrustedTokenProfileConfig)
      }
      return profileByName(scope, action.key).pipe(
        Effect.flatMap((p) => TrustedTokenProfiles.delete({ ...scope, profileID: p.profileID })),
        Effect.asVoid
      )
    }
    case "eventLogStreaming": {
      const destinationType = action.key as EventLogStreaming.DestinationType
      if (action.op === "delete") return EventLogStreaming.delete({ ...scope, destinationType }).pipe(Effect.asVoid)
      const d = action.desired as Document.EventLogStreamingConfig
      const c = action.current as Document.EventLogStreamingConfig | undefined
      return Effect.gen(function*() {
        if (action.op === "create") {
          const config = destinationConfig(d.destinationConfig, secrets)
          yield* EventLogStreaming.create({ ...scope, destinationType, destinationConfig: config })
        } else if (!onlyEnabled(action)) {
          const config = destinationConfig(d.destinationConfig, secrets)
          yield* EventLogStreaming.update({ ...scope, destinationType, destinationConfig: config })
        }
        const enabled = c?.enabled ?? false
        if (d.enabled === true && !enabled) yield* EventLogStreaming.enable({ ...scope, destinationType })
        if (d.enabled === false && enabled) yield* EventLogStreaming.disable({ ...scope, destinationType })
      })
    }
    case "rbacPolicy": {
      const p = action.desired as Document.RBACPolicyConfig
      return RBACPolicy.set({ ...scope, ...p } as RBACPolicy.SetRequest).pipe(Effect.asVoid)
    }
    case "emailTemplates": {
      const templateID = action.key
      if (action.op === "delete") return EmailTemplates.delete({ projectSlug, templateID }).pipe(Effect.asVoid)
      const { templateID: _id, ...content } = action.desired as Document.EmailTemplateConfig
      // The API may answer success without applying the sender (e.g. an unverified domain):
      // check the echo, as Terraform's provider does.
      return (action.op === "create"
        ? EmailTemplates.create({ projectSlug, templateID, ...content })
        : EmailTemplates.update({ projectSlug, templateID, ...content })).pipe(
          Effect.flatMap(({ emailTemplate }) =>
            covers(content.senderInformation, emailTemplate.senderInformation)
              ? Effect.void
              : Effect.fail(
                new ConflictError({
                  reason: "NotApplied",
                  message: `email template ${templateID}: the API did not apply senderInformation (is its domain verified?)`
                })
              )
          )
        )
    }
    case "defaultEmailTemplates": {
      const emailTemplateType = action.key as EmailTemplates.EmailTemplateType
      return (action.op === "delete"
        ? EmailTemplates.unsetDefault({ projectSlug, emailTemplateType })
        : EmailTemplates.setDefault({ projectSlug, emailTemplateType, templateID: action.desired as string })).pipe(
          Effect.asVoid
        )
    }
  }
}
