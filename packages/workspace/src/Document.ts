/**
 * The workspace document: one or more projects' whole configuration, as a
 * Schema-defined value with the same camelCase names the operations of
 * `@stytch-effect/resources` take. It holds no secret value and no field the
 * server sets (ids, creation times, last fours, metrics): secrets are counts
 * (`{ atLeast: 2 }`) and secret inputs are references (`{ fromEnv: "NAME" }`).
 *
 * @since 0.1.0
 */
import {
  EmailTemplates,
  Environments,
  EventLogStreaming,
  JWTTemplates,
  PasswordStrengthConfig,
  Projects,
  RBACPolicy,
  RedirectURLs,
  SDK,
  TrustedTokenProfiles
} from "@stytch-effect/resources"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as JSONSchema from "effect/JSONSchema"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as YAML from "yaml"
import { canonical } from "./internal/canonical.js"
import { type DeepPartial, documentForm, domainForm } from "./internal/schema.js"

/**
 * A document that cannot be read: not JSON/YAML, or not a valid document
 * (the message names the path of the first problem).
 *
 * @since 0.1.0
 * @category errors
 */
export class DocumentError extends Schema.TaggedError<DocumentError>()("DocumentError", {
  message: Schema.String
}) {}

/**
 * A secret input, written as the name of the environment variable that holds
 * it; resolved when a plan is applied, never stored in the document.
 *
 * @since 0.1.0
 * @category models
 */
export const SecretReference = Schema.Struct({
  fromEnv: Schema.String.pipe(Schema.pattern(/^[A-Za-z_][A-Za-z0-9_]*$/)).annotations({
    description: "Name of the environment variable holding the value (read at apply time)."
  })
}).annotations({ identifier: "SecretReference" })

/**
 * @since 0.1.0
 * @category models
 */
export interface SecretReference extends Schema.Schema.Type<typeof SecretReference> {}

/**
 * How many of a server-generated credential (secrets, public tokens) an
 * environment should have: at least `atLeast`; the values never appear.
 *
 * @since 0.1.0
 * @category models
 */
export const Count = Schema.Struct({
  atLeast: Schema.Int.pipe(Schema.nonNegative()).annotations({ description: "Minimum number to keep." })
}).annotations({ identifier: "Count" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Count extends Schema.Schema.Type<typeof Count> {}

/**
 * A redirect URL, identified by `url`; `validTypes` is a set.
 *
 * @since 0.1.0
 * @category models
 */
export const RedirectURLConfig = Schema.Struct({
  url: Schema.NonEmptyTrimmedString,
  validTypes: Schema.Array(Schema.Struct({
    type: RedirectURLs.RedirectURLType,
    isDefault: Schema.Boolean
  }))
}).annotations({ identifier: "RedirectURLConfig" })

/**
 * @since 0.1.0
 * @category models
 */
export interface RedirectURLConfig extends Schema.Schema.Type<typeof RedirectURLConfig> {}

/**
 * The SMS and WhatsApp country-code allowlists (sets of ISO codes). WhatsApp
 * exists only for Consumer projects.
 *
 * @since 0.1.0
 * @category models
 */
export const CountryCodeAllowlistConfig = Schema.Struct({
  sms: Schema.optional(Schema.Array(Schema.String)),
  whatsapp: Schema.optional(Schema.Array(Schema.String))
}).annotations({ identifier: "CountryCodeAllowlistConfig" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CountryCodeAllowlistConfig extends Schema.Schema.Type<typeof CountryCodeAllowlistConfig> {}

/**
 * The password strength policy; absent fields keep the server's value.
 *
 * @since 0.1.0
 * @category models
 */
export const PasswordStrengthSettings = Schema.Struct({
  checkBreachOnCreation: Schema.optional(Schema.Boolean),
  checkBreachOnAuthentication: Schema.optional(Schema.Boolean),
  validateOnAuthentication: Schema.optional(Schema.Boolean),
  validationPolicy: Schema.optional(PasswordStrengthConfig.ValidationPolicy),
  ludsMinPasswordLength: Schema.optional(Schema.Number),
  ludsMinPasswordComplexity: Schema.optional(Schema.Number)
}).annotations({ identifier: "PasswordStrengthSettings" })

/**
 * @since 0.1.0
 * @category models
 */
export interface PasswordStrengthSettings extends Schema.Schema.Type<typeof PasswordStrengthSettings> {}

/**
 * The SDK configuration: `consumer` for Consumer projects, `b2b` for B2B ones
 * (the fields of `SDK.ConsumerConfig` / `SDK.B2BConfig`; absent sections and
 * fields keep the server's value).
 *
 * @since 0.1.0
 * @category models
 */
export const SDKConfig = Schema.Struct({
  consumer: Schema.optional(documentForm(SDK.ConsumerConfig)),
  b2b: Schema.optional(documentForm(SDK.B2BConfig))
}).annotations({ identifier: "SDKConfig" })

/**
 * @since 0.1.0
 * @category models
 */
export interface SDKConfig {
  readonly consumer?: DeepPartial<SDK.ConsumerConfig>
  readonly b2b?: DeepPartial<SDK.B2BConfig>
}

/**
 * A JWT template (content stored verbatim; audience `""` when unset).
 *
 * @since 0.1.0
 * @category models
 */
export const JWTTemplateConfig = Schema.Struct({
  templateContent: Schema.String,
  customAudience: Schema.optional(Schema.String)
}).annotations({ identifier: "JWTTemplateConfig" })

/**
 * @since 0.1.0
 * @category models
 */
export interface JWTTemplateConfig extends Schema.Schema.Type<typeof JWTTemplateConfig> {}

/**
 * The JWT templates of an environment, by type.
 *
 * @since 0.1.0
 * @category models
 */
export const JWTTemplatesConfig = Schema.partial(Schema.Record({
  key: JWTTemplates.JWTTemplateType,
  value: JWTTemplateConfig
})).annotations({ identifier: "JWTTemplatesConfig" })

/**
 * @since 0.1.0
 * @category models
 */
export type JWTTemplatesConfig = Schema.Schema.Type<typeof JWTTemplatesConfig>

/**
 * A trusted token profile, identified by `name` (unique in its environment);
 * `pemFiles` are the PEM public keys' text (a set).
 *
 * @since 0.1.0
 * @category models
 */
export const TrustedTokenProfileConfig = Schema.Struct({
  name: Schema.NonEmptyString,
  audience: Schema.String,
  issuer: Schema.String,
  publicKeyType: TrustedTokenProfiles.PublicKeyType,
  jwksURL: Schema.optional(Schema.String),
  attributeMapping: Schema.optional(domainForm(TrustedTokenProfiles.AttributeMapping)),
  canJitProvision: Schema.optional(Schema.Boolean),
  pemFiles: Schema.optional(Schema.Array(Schema.String))
}).annotations({ identifier: "TrustedTokenProfileConfig" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TrustedTokenProfileConfig extends Schema.Schema.Type<typeof TrustedTokenProfileConfig> {}

/**
 * An event log streaming destination, identified by `destinationType` (one
 * per type). Its secret inputs (`apiKey`, `password`) are references.
 *
 * @since 0.1.0
 * @category models
 */
export const EventLogStreamingConfig = Schema.Struct({
  destinationType: EventLogStreaming.DestinationType,
  enabled: Schema.optional(Schema.Boolean),
  destinationConfig: Schema.Struct({
    datadog: Schema.optional(Schema.Struct({
      site: Schema.optional(EventLogStreaming.DatadogSite),
      apiKey: SecretReference
    })),
    grafanaLoki: Schema.optional(Schema.Struct({
      hostname: Schema.String,
      username: Schema.String,
      password: SecretReference
    }))
  })
}).annotations({ identifier: "EventLogStreamingConfig" })

/**
 * @since 0.1.0
 * @category models
 */
export interface EventLogStreamingConfig extends Schema.Schema.Type<typeof EventLogStreamingConfig> {}

/**
 * The RBAC policy (the fields of `RBACPolicy.set`; collections are sets keyed
 * by their ids; the read-only `stytchResources` is left out).
 *
 * @since 0.1.0
 * @category models
 */
export const RBACPolicyConfig = Schema.Struct({
  stytchMember: Schema.optional(domainForm(RBACPolicy.DefaultRole)),
  stytchAdmin: Schema.optional(domainForm(RBACPolicy.DefaultRole)),
  stytchUser: Schema.optional(domainForm(RBACPolicy.DefaultRole)),
  customRoles: Schema.optional(Schema.Array(domainForm(RBACPolicy.Role))),
  customResources: Schema.optional(Schema.Array(domainForm(RBACPolicy.Resource))),
  customScopes: Schema.optional(Schema.Array(domainForm(RBACPolicy.Scope)))
}).annotations({ identifier: "RBACPolicyConfig" })

/**
 * @since 0.1.0
 * @category models
 */
export interface RBACPolicyConfig extends Schema.Schema.Type<typeof RBACPolicyConfig> {}

const environmentSettings = {
  crossOrgPasswordsEnabled: Schema.optional(Schema.Boolean),
  userImpersonationEnabled: Schema.optional(Schema.Boolean),
  zeroDowntimeSessionMigrationURL: Schema.optional(Schema.String),
  useCustomDomainInMagicLinkEmails: Schema.optional(Schema.Boolean),
  userLockSelfServeEnabled: Schema.optional(Schema.Boolean),
  userLockThreshold: Schema.optional(Schema.Number),
  userLockTtl: Schema.optional(Schema.Number),
  idpAuthorizationURL: Schema.optional(Schema.String),
  idpDynamicClientRegistrationEnabled: Schema.optional(Schema.Boolean),
  idpDynamicClientRegistrationAccessTokenTemplateContent: Schema.optional(Schema.String)
}

/**
 * The names of an environment's settings (the fields of `Environments.update`
 * besides `name`).
 *
 * @since 0.1.0
 * @category models
 */
export const environmentSettingNames = Object.keys(environmentSettings) as ReadonlyArray<
  keyof typeof environmentSettings
>

/**
 * An environment, identified by `environmentSlug`: its settings (the fields
 * of `Environments.create`/`update`) and every environment-scoped resource.
 * An absent resource key means "not managed by this document".
 *
 * @since 0.1.0
 * @category models
 */
export const EnvironmentConfig = Schema.Struct({
  environmentSlug: Schema.NonEmptyTrimmedString,
  name: Schema.String,
  type: Environments.EnvironmentType,
  ...environmentSettings,
  redirectURLs: Schema.optional(Schema.Array(RedirectURLConfig)),
  publicTokens: Schema.optional(Count),
  secrets: Schema.optional(Count),
  countryCodeAllowlist: Schema.optional(CountryCodeAllowlistConfig),
  passwordStrengthConfig: Schema.optional(PasswordStrengthSettings),
  sdkConfig: Schema.optional(SDKConfig),
  jwtTemplates: Schema.optional(JWTTemplatesConfig),
  trustedTokenProfiles: Schema.optional(Schema.Array(TrustedTokenProfileConfig)),
  eventLogStreaming: Schema.optional(Schema.Array(EventLogStreamingConfig)),
  rbacPolicy: Schema.optional(RBACPolicyConfig)
}).annotations({ identifier: "EnvironmentConfig" })

/**
 * @since 0.1.0
 * @category models
 */
export interface EnvironmentConfig extends Schema.Schema.Type<typeof EnvironmentConfig> {}

/**
 * An email template, identified by `templateID` (project-scoped).
 *
 * @since 0.1.0
 * @category models
 */
export const EmailTemplateConfig = Schema.Struct({
  templateID: Schema.NonEmptyTrimmedString,
  name: Schema.optional(Schema.String),
  senderInformation: Schema.optional(domainForm(EmailTemplates.SenderInformation)),
  prebuiltCustomization: Schema.optional(domainForm(EmailTemplates.PrebuiltCustomization)),
  customHtmlCustomization: Schema.optional(domainForm(EmailTemplates.CustomHTMLCustomization))
}).annotations({ identifier: "EmailTemplateConfig" })

/**
 * @since 0.1.0
 * @category models
 */
export interface EmailTemplateConfig extends Schema.Schema.Type<typeof EmailTemplateConfig> {}

/**
 * The default email template per email type (type → `templateID`).
 *
 * @since 0.1.0
 * @category models
 */
export const DefaultEmailTemplatesConfig = Schema.partial(Schema.Record({
  key: EmailTemplates.EmailTemplateType,
  value: Schema.String
})).annotations({ identifier: "DefaultEmailTemplatesConfig" })

/**
 * @since 0.1.0
 * @category models
 */
export type DefaultEmailTemplatesConfig = Schema.Schema.Type<typeof DefaultEmailTemplatesConfig>

/**
 * A project, identified by `projectSlug`: its name and vertical, its
 * environments, and its (project-scoped) email templates and defaults.
 *
 * @since 0.1.0
 * @category models
 */
export const ProjectConfig = Schema.Struct({
  projectSlug: Schema.NonEmptyTrimmedString,
  name: Schema.String,
  vertical: Projects.Vertical,
  environments: Schema.Array(EnvironmentConfig),
  emailTemplates: Schema.optional(Schema.Array(EmailTemplateConfig)),
  defaultEmailTemplates: Schema.optional(DefaultEmailTemplatesConfig)
}).annotations({ identifier: "ProjectConfig" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ProjectConfig extends Schema.Schema.Type<typeof ProjectConfig> {}

const DocumentSchema = Schema.Struct({
  $schema: Schema.optional(Schema.String.annotations({ description: "The JSON Schema this file follows (for editors)." })),
  version: Schema.Literal(1),
  projects: Schema.Array(ProjectConfig)
}).annotations({
  identifier: "WorkspaceDocument",
  title: "Stytch workspace document",
  description: "Projects, environments and their configuration, as managed by @stytch-effect/workspace."
})

/**
 * A workspace document: `{ version: 1, projects }`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Document extends Schema.Schema.Type<typeof DocumentSchema> {}

/**
 * The schema of {@link Document} (its encoded form is the same JSON value).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Document: Schema.Schema<Document> = DocumentSchema

/**
 * The document's JSON Schema (draft-07), for editors; also shipped as
 * `@stytch-effect/workspace/schema/workspace.schema.json`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const jsonSchema: object = JSONSchema.make(DocumentSchema)

/**
 * A document's file format.
 *
 * @since 0.1.0
 * @category models
 */
export type Format = "json" | "yaml"

const problemsOf = (doc: Document): ReadonlyArray<string> => {
  const problems: Array<string> = []
  const unique = <A>(where: string, items: ReadonlyArray<A> | undefined, key: (a: A) => string) => {
    const seen = new Set<string>()
    for (const item of items ?? []) {
      const k = key(item)
      if (seen.has(k)) problems.push(`${where}: duplicate ${JSON.stringify(k)}`)
      seen.add(k)
    }
  }
  unique("projects", doc.projects, (p) => p.projectSlug)
  for (const project of doc.projects) {
    const at = `projects[${project.projectSlug}]`
    unique(`${at}.environments`, project.environments, (e) => e.environmentSlug)
    unique(`${at}.emailTemplates`, project.emailTemplates, (t) => t.templateID)
    if (project.environments.filter((e) => e.type === "LIVE").length > 1) {
      problems.push(`${at}.environments: more than one LIVE environment`)
    }
    for (const env of project.environments) {
      const envAt = `${at}.environments[${env.environmentSlug}]`
      unique(`${envAt}.redirectURLs`, env.redirectURLs, (r) => r.url)
      unique(`${envAt}.trustedTokenProfiles`, env.trustedTokenProfiles, (t) => t.name)
      unique(`${envAt}.eventLogStreaming`, env.eventLogStreaming, (s) => s.destinationType)
      // What the API refuses for the project's vertical, said before anything is sent.
      const refuse = (present: unknown, what: string) => {
        if (present !== undefined) problems.push(`${envAt}: ${what} does not exist in ${project.vertical} projects`)
      }
      if (project.vertical === "B2B") {
        refuse(env.countryCodeAllowlist?.whatsapp, "countryCodeAllowlist.whatsapp")
        refuse(env.sdkConfig?.consumer, "sdkConfig.consumer")
        refuse(env.rbacPolicy?.stytchUser, "rbacPolicy.stytchUser")
      }
      if (project.vertical === "CONSUMER") {
        refuse(env.sdkConfig?.b2b, "sdkConfig.b2b")
        refuse(env.rbacPolicy?.stytchMember, "rbacPolicy.stytchMember")
        refuse(env.rbacPolicy?.stytchAdmin, "rbacPolicy.stytchAdmin")
      }
      for (const stream of env.eventLogStreaming ?? []) {
        const kind = stream.destinationType === "DATADOG" ? "datadog" : "grafanaLoki"
        if (stream.destinationConfig[kind] === undefined) {
          problems.push(`${envAt}.eventLogStreaming[${stream.destinationType}]: destinationConfig.${kind} is required`)
        }
      }
    }
  }
  return problems
}

// Where and what, never the value found there: a secret pasted where a reference belongs must not be echoed.
const describeIssues = (error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)
    .map((issue) => {
      const path = issue.path.map((p) => typeof p === "number" ? `[${p}]` : `.${String(p)}`).join("")
      const message = issue.message.replace(/,? actual [\s\S]*$/, "").replace(/^Expected undefined$/, "unexpected value")
      return `${path === "" ? "document" : path.slice(path.startsWith(".") ? 1 : 0)}: ${message}`
    })
    .join("\n")

/**
 * Checks a value against the document schema, its identity rules (unique
 * slugs, URLs, template ids, profile names, destination types; one LIVE
 * environment) and what the project's vertical allows (no WhatsApp allowlist,
 * Consumer SDK config or `stytchUser` in a B2B project, and the converse).
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode = (input: unknown): Effect.Effect<Document, DocumentError> =>
  Schema.decodeUnknown(DocumentSchema, { onExcessProperty: "error" })(input).pipe(
    Effect.mapError((e) => new DocumentError({ message: describeIssues(e) })),
    Effect.flatMap((doc) => {
      const problems = problemsOf(doc)
      return problems.length === 0
        ? Effect.succeed(doc)
        : Effect.fail(new DocumentError({ message: problems.join("\n") }))
    })
  )

/**
 * Reads a document from JSON or YAML text (`format` defaults to YAML, of
 * which JSON is a subset).
 *
 * @since 0.1.0
 * @category constructors
 */
export const parse = (text: string, format: Format = "yaml"): Effect.Effect<Document, DocumentError> =>
  Effect.try({
    try: () => format === "json" ? JSON.parse(text) as unknown : YAML.parse(text, { prettyErrors: true }) as unknown,
    catch: (e) => new DocumentError({ message: `not valid ${format.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}` })
  }).pipe(Effect.flatMap(decode))

/**
 * Writes a document as JSON or YAML, deterministically: collections in a
 * stable order (by their identity keys) and fields in schema order, so two
 * exports diff meaningfully.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (doc: Document, format: Format): string => {
  const sorted = canonical(doc)
  // Encoding puts fields in schema order; a value the closed schema does not know (an enum
  // value newer than this SDK, read from the server) is written as it is instead.
  const value = Either.getOrElse(Schema.encodeEither(DocumentSchema)(sorted), () => sorted)
  return format === "json" ? `${JSON.stringify(value, null, 2)}\n` : YAML.stringify(value, { lineWidth: 0 })
}
