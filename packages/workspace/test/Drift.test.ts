import { it } from "@effect/vitest"
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
import { Plan, Workspace } from "@stytch-effect/workspace"
import * as Effect from "effect/Effect"
import { describe, expect } from "vitest"
import { consumerProject } from "./fixtures.js"
import { converge, withFake } from "./utils.js"

const projectSlug = "drifting"
const desired = { version: 1 as const, projects: [consumerProject(projectSlug)] }
const scope = { projectSlug, environmentSlug: "production" }

/** Each family changed through the normal operations, and the one action drift must report. */
const cases: ReadonlyArray<readonly [string, Effect.Effect<unknown, unknown, any>, readonly [Plan.Op, Plan.Family, string]]> = [
  ["project", Projects.update({ projectSlug, name: "Renamed" }), ["update", "project", projectSlug]],
  ["environment", Environments.update({ ...scope, userLockThreshold: 3 }), ["update", "environment", "production"]],
  [
    "redirectURLs",
    RedirectURLs.update({
      ...scope,
      url: "https://app.example.com/authenticate",
      validTypes: [{ type: "LOGIN", isDefault: true }],
      doNotPromoteDefaults: true
    }),
    ["update", "redirectURLs", "https://app.example.com/authenticate"]
  ],
  [
    "publicTokens",
    Effect.flatMap(PublicTokens.getAll(scope), ({ publicTokens }) =>
      PublicTokens.delete({ ...scope, publicToken: publicTokens[0]!.publicToken })),
    ["create", "publicTokens", ""]
  ],
  [
    "secrets",
    Effect.flatMap(Secrets.getAll(scope), ({ secrets }) => Secrets.delete({ ...scope, secretID: secrets[0]!.secretID })),
    ["create", "secrets", ""]
  ],
  [
    "countryCodeAllowlist",
    CountryCodeAllowlist.setAllowedSMSCountryCodes({ ...scope, countryCodes: ["US"] }),
    ["set", "countryCodeAllowlist", "sms"]
  ],
  [
    "passwordStrengthConfig",
    PasswordStrengthConfig.set({
      ...scope,
      checkBreachOnCreation: true,
      checkBreachOnAuthentication: true,
      validateOnAuthentication: true,
      validationPolicy: "ZXCVBN"
    }),
    ["set", "passwordStrengthConfig", ""]
  ],
  [
    "sdkConfig",
    SDK.setConsumerConfig({ ...scope, config: { sessions: { maxSessionDurationMinutes: 30 } } }),
    ["set", "sdkConfig", "consumer"]
  ],
  [
    "jwtTemplates",
    JWTTemplates.set({ ...scope, jwtTemplateType: "SESSION", templateContent: "{}", customAudience: "" }),
    ["set", "jwtTemplates", "SESSION"]
  ],
  [
    "trustedTokenProfiles",
    Effect.flatMap(TrustedTokenProfiles.getAll(scope), ({ profiles }) =>
      TrustedTokenProfiles.update({
        ...scope,
        profileID: profiles.find((p) => p.name === "partner-jwks")!.profileID,
        audience: "someone-else"
      })),
    ["update", "trustedTokenProfiles", "partner-jwks"]
  ],
  [
    "eventLogStreaming",
    EventLogStreaming.disable({ ...scope, destinationType: "DATADOG" }),
    ["update", "eventLogStreaming", "DATADOG"]
  ],
  [
    "rbacPolicy",
    Effect.flatMap(RBACPolicy.get(scope), ({ policy }) =>
      RBACPolicy.set({
        ...scope,
        stytchUser: policy.stytchUser!,
        customResources: policy.customResources,
        customRoles: [...policy.customRoles, { roleID: "auditor", description: "", permissions: [] }],
        customScopes: policy.customScopes
      })),
    ["set", "rbacPolicy", ""]
  ],
  [
    "emailTemplates",
    EmailTemplates.update({ projectSlug, templateID: "brand-plain", name: "Changed" }),
    ["update", "emailTemplates", "brand-plain"]
  ],
  [
    "defaultEmailTemplates",
    EmailTemplates.setDefault({ projectSlug, emailTemplateType: "PREBUILT", templateID: "brand-plain" }),
    ["set", "defaultEmailTemplates", "PREBUILT"]
  ]
]

describe("Workspace.drift", () => {
  it.effect("shows each family's change, made through the normal operations, as exactly that action", () =>
    withFake(Effect.gen(function*() {
      yield* converge(desired)
      for (const [family, change, expected] of cases) {
        yield* change
        const plan = yield* Workspace.drift(desired)
        expect(plan.actions.map((a) => [a.op, a.family, a.key]), family).toEqual([expected])
        yield* converge(desired)
        expect(Plan.isEmpty(yield* Workspace.drift(desired)), family).toBe(true)
      }
    })), 240_000)
})
