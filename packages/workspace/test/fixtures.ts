import type { Document } from "@stytch-effect/workspace"

export const PEM_A = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AAIICCgKCAQEAworkspaceA\n-----END PUBLIC KEY-----"
export const PEM_B = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AAIICCgKCAQEAworkspaceB\n-----END PUBLIC KEY-----"

/** The secret inputs the fixtures reference, as the environment would hold them. */
export const secretValues: Record<string, string> = {
  DATADOG_KEY: "0123456789abcdef0123456789abcdef",
  LOKI_PASSWORD: "loki-password-do-not-print-7f3a",
  // The names an export writes (`STYTCH_<ENVIRONMENT>_<INPUT>`).
  STYTCH_PRODUCTION_DATADOG_API_KEY: "fedcba9876543210fedcba9876543210",
  STYTCH_PRODUCTION_GRAFANA_LOKI_PASSWORD: "exported-loki-password-c0ffee",
  STYTCH_STAGING_DATADOG_API_KEY: "00112233445566778899aabbccddeeff",
  STYTCH_STAGING_GRAFANA_LOKI_PASSWORD: "exported-staging-password-beef"
}

const environmentCommon = (label: string): Omit<Document.EnvironmentConfig, "environmentSlug" | "name" | "type"> => ({
  userLockThreshold: 7,
  userLockTtl: 900,
  redirectURLs: [
    {
      url: `https://${label}.example.com/authenticate`,
      validTypes: [{ type: "LOGIN", isDefault: true }, { type: "SIGNUP", isDefault: true }]
    },
    { url: `https://${label}.example.com/reset?next={{path}}`, validTypes: [{ type: "RESET_PASSWORD", isDefault: false }] }
  ],
  publicTokens: { atLeast: 2 },
  secrets: { atLeast: 1 },
  passwordStrengthConfig: {
    checkBreachOnCreation: true,
    checkBreachOnAuthentication: false,
    validateOnAuthentication: true,
    validationPolicy: "LUDS",
    ludsMinPasswordLength: 12,
    ludsMinPasswordComplexity: 3
  },
  jwtTemplates: {
    SESSION: { templateContent: "{\"role\": {{ user.trusted_metadata.role }}}", customAudience: "" },
    M2M: { templateContent: "{\"tier\": \"gold\"}", customAudience: `${label}-api` }
  },
  trustedTokenProfiles: [
    {
      name: "legacy-idp",
      audience: `https://${label}.example.com`,
      issuer: "https://idp.example.com",
      publicKeyType: "PEM",
      pemFiles: [PEM_A, PEM_B],
      attributeMapping: { email: "email", user_id: "sub" },
      canJitProvision: true
    },
    {
      name: "partner-jwks",
      audience: "partner",
      issuer: "https://partner.example.com",
      publicKeyType: "JWK",
      jwksURL: "https://partner.example.com/.well-known/jwks.json",
      canJitProvision: false,
      pemFiles: []
    }
  ],
  eventLogStreaming: [
    {
      destinationType: "DATADOG",
      enabled: true,
      destinationConfig: { datadog: { site: "EU", apiKey: { fromEnv: "DATADOG_KEY" } } }
    },
    {
      destinationType: "GRAFANA_LOKI",
      enabled: false,
      destinationConfig: {
        grafanaLoki: { hostname: "logs.example.com", username: "stytch", password: { fromEnv: "LOKI_PASSWORD" } }
      }
    }
  ]
})

/** A Consumer project with every family (within what a default project allows). */
export const consumerProject = (projectSlug: string): Document.ProjectConfig => ({
  projectSlug,
  name: "Consumer app",
  vertical: "CONSUMER",
  environments: [
    {
      environmentSlug: "production",
      name: "Production",
      type: "LIVE",
      crossOrgPasswordsEnabled: false,
      ...environmentCommon("app"),
      countryCodeAllowlist: { sms: ["US", "CA", "MX"], whatsapp: ["US", "BR"] },
      sdkConfig: {
        consumer: {
          basic: { enabled: true, domains: ["https://app.example.com"], bundleIDs: ["com.example.app"] },
          sessions: { maxSessionDurationMinutes: 120 },
          magicLinks: { loginOrCreateEnabled: true, sendEnabled: true, pkceRequired: true },
          oauth: { enabled: true, pkceRequired: true },
          otps: {
            smsLoginOrCreateEnabled: true,
            smsSendEnabled: true,
            smsAutofillMetadata: [{ metadataType: "domain", metadataValue: "app.example.com", bundleID: "" }]
          },
          passwords: { enabled: true, pkceRequiredForPasswordResets: true }
        }
      },
      rbacPolicy: {
        stytchUser: { permissions: [{ resourceID: "documents", actions: ["read"] }] },
        customResources: [
          { resourceID: "documents", description: "Documents", availableActions: ["read", "write", "delete"] }
        ],
        customRoles: [
          { roleID: "editor", description: "Edits documents", permissions: [{ resourceID: "documents", actions: ["read", "write"] }] }
        ],
        customScopes: [
          { scope: "documents:read", description: "Read documents", permissions: [{ resourceID: "documents", actions: ["read"] }] }
        ]
      }
    },
    {
      environmentSlug: "staging",
      name: "Staging",
      type: "TEST",
      useCustomDomainInMagicLinkEmails: true, // update takes it, create does not: apply does both
      ...environmentCommon("staging"),
      countryCodeAllowlist: { sms: ["US"], whatsapp: ["US"] }
    }
  ],
  emailTemplates: [
    {
      templateID: "brand-login",
      name: "Branded login",
      senderInformation: { fromLocalPart: "hello", fromName: "Example", replyToLocalPart: "support", replyToName: "Support" },
      prebuiltCustomization: {
        buttonBorderRadius: 4,
        buttonColor: "#007BFF",
        buttonTextColor: "#FFFFFF",
        fontFamily: "ARIAL",
        textAlignment: "CENTER"
      }
    },
    {
      templateID: "brand-plain",
      name: "Plain",
      prebuiltCustomization: { fontFamily: "HELVETICA", textAlignment: "LEFT" }
    }
  ],
  defaultEmailTemplates: { PREBUILT: "brand-login" }
})

/** A B2B project with the B2B-only families (B2B SDK config, member/admin roles). */
export const b2bProject = (projectSlug: string): Document.ProjectConfig => ({
  projectSlug,
  name: "B2B app",
  vertical: "B2B",
  environments: [
    {
      environmentSlug: "production",
      name: "Production",
      type: "LIVE",
      ...environmentCommon("b2b"),
      countryCodeAllowlist: { sms: ["US", "GB"] },
      sdkConfig: {
        b2b: {
          basic: {
            enabled: true,
            allowSelfOnboarding: true,
            domains: [{ domain: "https://b2b.example.com", slugPattern: "https://{{slug}}.b2b.example.com" }]
          },
          sso: { enabled: true, pkceRequired: true },
          magicLinks: { enabled: true, pkceRequired: false }
        }
      },
      rbacPolicy: {
        stytchMember: { permissions: [{ resourceID: "reports", actions: ["read"] }] },
        stytchAdmin: { permissions: [{ resourceID: "reports", actions: ["*"] }] },
        customResources: [{ resourceID: "reports", description: "Reports", availableActions: ["read", "export"] }],
        customRoles: [],
        customScopes: []
      }
    }
  ],
  emailTemplates: [],
  defaultEmailTemplates: {}
})

export const fullDocument = (suffix = ""): Document.Document => ({
  version: 1,
  projects: [consumerProject(`consumer-app${suffix}`), b2bProject(`b2b-app${suffix}`)]
})
