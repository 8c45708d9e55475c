import { it } from "@effect/vitest"
import { RetryPolicy, StytchManagement } from "@stytch-effect/core"
import { EmailTemplates, Environments, Projects, SDK } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Effect, Layer, Redacted } from "effect"
import type * as Scope from "effect/Scope"
import { describe, expect } from "vitest"

type Body<A> = (fake: FakeManagementApi.Service) => Effect.Effect<A, unknown, StytchManagement.StytchManagement>

/** The two ways to reach the fake: its in-memory layer and the served fake over HTTP. */
const modes: ReadonlyArray<
  readonly [string, <A>(body: Body<A>, options?: FakeManagementApi.Options) => Effect.Effect<A, unknown, Scope.Scope>]
> = [
  ["in memory", (body, options) =>
    Effect.flatMap(FakeManagementApi.FakeManagementApi, body).pipe(Effect.provide(FakeManagementApi.layer({}, options)))],
  ["served", (body, options) =>
    Effect.flatMap(FakeManagementApi.serve(options), (served) =>
      body(served).pipe(
        Effect.provide(Layer.merge(
          StytchManagement.layer({ credentials: served.credentials, baseURL: served.url }),
          RetryPolicy.none
        ))
      ))]
]

/** A project of the vertical with its LIVE environment. */
const liveProject = (vertical: "CONSUMER" | "B2B") =>
  Effect.gen(function*() {
    const { project } = yield* Projects.create({ name: "Features", vertical })
    const { environment } = yield* Environments.create({ projectSlug: project.projectSlug, name: "production", type: "LIVE" })
    return { projectSlug: project.projectSlug, environmentSlug: environment.environmentSlug }
  })

/** Status and error type of a failure; a success fails the test. */
const refusal = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.flatMap(Effect.either(effect), (result) => {
    if (result._tag === "Right") return Effect.die(new Error("expected a refusal, but the call succeeded"))
    const error = result.left as { readonly _tag: string; readonly statusCode?: number; readonly errorType?: string }
    return Effect.succeed({ tag: error._tag, status: error.statusCode, type: error.errorType })
  })

interface Scoped {
  readonly projectSlug: string
  readonly environmentSlug: string
}

/** One rule: a call a new real project refuses until Stytch turns a feature on, and how to read back its effect. */
interface Rule {
  readonly name: string
  readonly vertical: "CONSUMER" | "B2B"
  readonly feature: keyof FakeManagementApi.ProjectFeatures
  readonly errorType: string
  readonly call: (scope: Scoped) => Effect.Effect<unknown, unknown, StytchManagement.StytchManagement>
  readonly stored: (scope: Scoped) => Effect.Effect<unknown, unknown, StytchManagement.StytchManagement>
  readonly initially: unknown
  readonly after: unknown
}

const consumerDFPPA = (scope: Scoped) => Effect.map(SDK.getConsumerConfig(scope), ({ config }) => config.dfppa)
const b2bDFPPA = (scope: Scoped) => Effect.map(SDK.getB2BConfig(scope), ({ config }) => config.dfppa)
const consumerCookies = (scope: Scoped) => Effect.map(SDK.getConsumerConfig(scope), ({ config }) => config.cookies)
const b2bCookies = (scope: Scoped) => Effect.map(SDK.getB2BConfig(scope), ({ config }) => config.cookies)
const templateIDs = (scope: Scoped) =>
  Effect.map(EmailTemplates.getAll({ projectSlug: scope.projectSlug }), ({ emailTemplates }) =>
    emailTemplates.map((t) => t.templateID))

const rules: ReadonlyArray<Rule> = [
  {
    name: "Consumer DFPPA settings changed from the defaults",
    vertical: "CONSUMER",
    feature: "dfppa",
    errorType: "dfppa_not_enabled",
    call: (scope) =>
      SDK.setConsumerConfig({ ...scope, config: { dfppa: { enabled: "ENABLED", onChallenge: "TRIGGER_CAPTCHA" } } }),
    stored: consumerDFPPA,
    initially: { enabled: "DISABLED", onChallenge: "ALLOW" },
    after: { enabled: "ENABLED", onChallenge: "TRIGGER_CAPTCHA" }
  },
  {
    name: "B2B DFPPA settings changed from the defaults (one setting)",
    vertical: "B2B",
    feature: "dfppa",
    errorType: "dfppa_not_enabled",
    call: (scope) => SDK.setB2BConfig({ ...scope, config: { dfppa: { onChallenge: "TRIGGER_CAPTCHA" } } }),
    stored: b2bDFPPA,
    initially: { enabled: "ENABLED", onChallenge: "BLOCK" },
    after: { enabled: "ENABLED", onChallenge: "TRIGGER_CAPTCHA" }
  },
  {
    name: "Consumer SDK cookies httpOnly ENFORCED",
    vertical: "CONSUMER",
    feature: "customDomains",
    errorType: "cname_invalid_for_http_only_cookies",
    call: (scope) => SDK.setConsumerConfig({ ...scope, config: { cookies: { httpOnly: "ENFORCED" } } }),
    stored: consumerCookies,
    initially: { httpOnly: "DISABLED" },
    after: { httpOnly: "ENFORCED" }
  },
  {
    name: "B2B SDK cookies httpOnly ENABLED",
    vertical: "B2B",
    feature: "customDomains",
    errorType: "cname_invalid_for_http_only_cookies",
    call: (scope) => SDK.setB2BConfig({ ...scope, config: { cookies: { httpOnly: "ENABLED" } } }),
    stored: b2bCookies,
    initially: { httpOnly: "DISABLED" },
    after: { httpOnly: "ENABLED" }
  },
  {
    name: "a custom HTML email template",
    vertical: "CONSUMER",
    feature: "verifiedSendingDomain",
    errorType: "verified_sending_domain_required",
    call: (scope) =>
      EmailTemplates.create({
        projectSlug: scope.projectSlug,
        templateID: "custom-login",
        name: "Custom login",
        senderInformation: { fromLocalPart: "noreply", fromDomain: "mail.example.com" },
        customHtmlCustomization: { templateType: "LOGIN", htmlContent: "<a href=\"{{magic_link_url}}\">Log in</a>" }
      }),
    stored: templateIDs,
    initially: [],
    after: ["custom-login"]
  }
]

describe.each(modes)("project features (%s)", (_, run) => {
  for (const rule of rules) {
    it.scopedLive(`${rule.name}: refused on a new project, accepted once ${rule.feature} is on`, () =>
      run((fake) =>
        Effect.gen(function*() {
          const scope = yield* liveProject(rule.vertical)
          expect(yield* refusal(rule.call(scope))).toEqual({ tag: "StytchApiError", status: 400, type: rule.errorType })
          expect(yield* rule.stored(scope)).toEqual(rule.initially)

          yield* fake.setProjectFeatures(scope.projectSlug, { [rule.feature]: true })
          yield* rule.call(scope)
          expect(yield* rule.stored(scope)).toEqual(rule.after)

          // Per project: another new project is still refused.
          const other = yield* liveProject(rule.vertical)
          expect((yield* refusal(rule.call(other))).type).toBe(rule.errorType)
        })
      ))
  }

  it.scopedLive("the defaults themselves are accepted without DFPPA or custom domains (as the SDKs' tests send them)", () =>
    run(() =>
      Effect.gen(function*() {
        const consumer = yield* liveProject("CONSUMER")
        yield* SDK.setConsumerConfig({
          ...consumer,
          config: { dfppa: { enabled: "DISABLED", onChallenge: "ALLOW" }, cookies: { httpOnly: "DISABLED" } }
        })
        const b2b = yield* liveProject("B2B")
        yield* SDK.setB2BConfig({
          ...b2b,
          config: { dfppa: { enabled: "ENABLED", onChallenge: "BLOCK" }, cookies: { httpOnly: "DISABLED" } }
        })
      })
    ))

  it.scopedLive("options.projectFeatures turn a feature on for every new project; setProjectFeatures turns it off", () =>
    run((fake) =>
      Effect.gen(function*() {
        const scope = yield* liveProject("CONSUMER")
        yield* SDK.setConsumerConfig({ ...scope, config: { cookies: { httpOnly: "ENFORCED" } } })
        // DFPPA was not turned on.
        expect((yield* refusal(rules[0]!.call(scope))).type).toBe("dfppa_not_enabled")
        yield* fake.setProjectFeatures(scope.projectSlug, { customDomains: false })
        expect((yield* refusal(SDK.setConsumerConfig({ ...scope, config: { cookies: { httpOnly: "ENABLED" } } }))).type)
          .toBe("cname_invalid_for_http_only_cookies")
      }), { projectFeatures: { customDomains: true } }))

  it.scopedLive("a seeded project has the seed's features; setProjectFeatures fails for an unknown project", () =>
    run((fake) =>
      Effect.gen(function*() {
        const seeded = { projectSlug: "acme", environmentSlug: "production" }
        yield* SDK.setB2BConfig({ ...seeded, config: { dfppa: { onChallenge: "TRIGGER_CAPTCHA" } } })
        expect((yield* refusal(SDK.setB2BConfig({ ...seeded, config: { cookies: { httpOnly: "ENABLED" } } }))).type)
          .toBe("cname_invalid_for_http_only_cookies")
        const missing = yield* Effect.flip(fake.setProjectFeatures("no-such-project", { dfppa: true }))
        expect(missing._tag).toBe("NoSuchElementException")
        expect(missing.message).toContain("no-such-project")
      }), {
      seed: {
        projects: [{
          name: "Acme",
          vertical: "B2B",
          projectSlug: "acme",
          features: { dfppa: true },
          environments: [{ name: "Production", type: "LIVE", environmentSlug: "production" }]
        }]
      }
    }))
})

describe("rules the TypeScript client checks before sending, for other SDKs", () => {
  it.live("a B2B domain's slug_pattern must contain {{slug}} (a Go-style request to the served fake)", () =>
    Effect.promise(async () => {
      await using server = await FakeManagementApi.start({
        seed: {
          projects: [{ name: "Acme", vertical: "B2B", projectSlug: "acme", environments: [{ name: "Production", type: "LIVE", environmentSlug: "production" }] }]
        }
      })
      const put = (slugPattern: string) =>
        fetch(`${server.url}/pwa/v3/projects/acme/environments/production/sdk/b2b`, {
          method: "PUT",
          headers: {
            "content-type": "application/json",
            authorization: `Basic ${btoa(`${server.credentials.keyID}:${Redacted.value(server.credentials.keySecret)}`)}`
          },
          body: JSON.stringify({ config: { basic: { domains: [{ domain: "https://app.example.com", slug_pattern: slugPattern }] } } })
        })
      const refused = await put("https://app.example.com")
      expect(refused.status).toBe(400)
      expect(await refused.json()).toMatchObject({ status_code: 400, error_type: "invalid_slug_pattern" })
      expect((await put("https://{{slug}}.example.com")).status).toBe(200)
      expect((await put("")).status).toBe(200)
    }))
})
