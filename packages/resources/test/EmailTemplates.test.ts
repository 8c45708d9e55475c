import { it } from "@effect/vitest"
import type { StytchError, StytchManagement } from "@stytch-effect/core"
import { EmailTemplates } from "@stytch-effect/resources"
import { FakeManagementApi, Fault } from "@stytch-effect/testing"
import { Effect } from "effect"
import { describe, expect } from "vitest"
import { liveProject, withFake } from "./utils.js"

// As the official suites: a CONSUMER project with only its LIVE environment.
const project = Effect.map(liveProject("CONSUMER"), ({ projectSlug }) => projectSlug)

const sender: EmailTemplates.SenderInformation = {
  fromLocalPart: "noreply",
  fromName: "No Reply",
  replyToLocalPart: "support",
  replyToName: "Support Team"
}
const styling: EmailTemplates.PrebuiltCustomization = {
  buttonBorderRadius: 5,
  buttonColor: "#007BFF",
  buttonTextColor: "#FFFFFF",
  fontFamily: "ARIAL",
  textAlignment: "CENTER"
}
const restyled: EmailTemplates.PrebuiltCustomization = {
  buttonBorderRadius: 10,
  buttonColor: "#FF0000",
  buttonTextColor: "#000000",
  fontFamily: "HELVETICA",
  textAlignment: "LEFT"
}

const createPrebuilt = (projectSlug: string, templateID: string, name = "Test Prebuilt Template") =>
  EmailTemplates.create({ projectSlug, templateID, name, senderInformation: sender, prebuiltCustomization: styling })

/** The API error of a failed effect: status and error type. */
const apiError = <A, E extends { readonly _tag: string }, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.map(Effect.flip(effect), (error) => {
    const e = error as unknown as { _tag: string; statusCode?: number; errorType?: string }
    return { tag: e._tag, status: e.statusCode, type: e.errorType }
  })

describe("EmailTemplates", () => {
  it.effect("create of a prebuilt template echoes it and omits customHtmlCustomization (absent key on the wire)", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const projectSlug = yield* project
      let wire: Record<string, unknown> | undefined
      yield* fake.inject(Fault.rewrite((body) => (wire = body)), { operation: "emailTemplates.create" })
      const res = yield* createPrebuilt(projectSlug, "test-template-1")
      expect(res.statusCode).toBe(200)
      expect(res.requestID).toMatch(/^request-id-test-/)
      const t = res.emailTemplate
      expect(t.templateID).toBe("test-template-1")
      expect(t.name).toBe("Test Prebuilt Template")
      expect(t.senderInformation).toEqual(sender)
      expect(t.prebuiltCustomization).toEqual(styling)
      expect("customHtmlCustomization" in t).toBe(false)
      const template = wire?.["email_template"] as Record<string, unknown>
      expect(template).toMatchObject({
        template_id: "test-template-1",
        sender_information: { from_local_part: "noreply", reply_to_name: "Support Team" },
        prebuilt_customization: { button_border_radius: 5, font_family: "ARIAL", text_alignment: "CENTER" }
      })
      expect(Object.keys(template)).not.toContain("custom_html_customization")
      const sent = (yield* fake.requests).at(-1)
      expect(sent).toMatchObject({ method: "POST", path: `/pwa/v3/projects/${projectSlug}/email_templates` })
      expect(sent!.body).toEqual({
        template_id: "test-template-1",
        name: "Test Prebuilt Template",
        sender_information: {
          from_local_part: "noreply",
          from_name: "No Reply",
          reply_to_local_part: "support",
          reply_to_name: "Support Team"
        },
        prebuilt_customization: {
          button_border_radius: 5,
          button_color: "#007BFF",
          button_text_color: "#FFFFFF",
          font_family: "ARIAL",
          text_alignment: "CENTER"
        }
      })
    }).pipe(withFake))

  it.effect("get echoes the created template; getAll contains every created one", () =>
    Effect.gen(function*() {
      const projectSlug = yield* project
      const { emailTemplate } = yield* createPrebuilt(projectSlug, "test-template-1")
      yield* createPrebuilt(projectSlug, "test-template-2", "Test Prebuilt Template 2")
      const got = yield* EmailTemplates.get({ projectSlug, templateID: "test-template-1" })
      expect(got.emailTemplate).toEqual(emailTemplate)
      expect("customHtmlCustomization" in got.emailTemplate).toBe(false)
      const all = yield* EmailTemplates.getAll({ projectSlug })
      expect(all.emailTemplates.map((t) => t.templateID)).toEqual(["test-template-1", "test-template-2"])
      expect(all.emailTemplates[1]!.name).toBe("Test Prebuilt Template 2")
    }).pipe(withFake))

  it.effect("update (PUT) returns exactly the new values, still without customHtmlCustomization", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const projectSlug = yield* project
      yield* createPrebuilt(projectSlug, "test-template-1")
      const res = yield* EmailTemplates.update({
        projectSlug,
        templateID: "test-template-1",
        name: "Updated Prebuilt Template",
        prebuiltCustomization: restyled
      })
      expect(res.emailTemplate.templateID).toBe("test-template-1")
      expect(res.emailTemplate.name).toBe("Updated Prebuilt Template")
      expect(res.emailTemplate.prebuiltCustomization).toEqual(restyled)
      expect("customHtmlCustomization" in res.emailTemplate).toBe(false)
      // Omitted fields keep their values (decision).
      expect(res.emailTemplate.senderInformation).toEqual(sender)
      const got = yield* EmailTemplates.get({ projectSlug, templateID: "test-template-1" })
      expect(got.emailTemplate).toEqual(res.emailTemplate)
      const sent = (yield* fake.requests).at(-2)!
      expect(sent.method).toBe("PUT")
      expect(sent.path).toBe(`/pwa/v3/projects/${projectSlug}/email_templates/test-template-1`)
      expect(sent.body).not.toHaveProperty("template_id")
    }).pipe(withFake))

  it.effect("a customization sent to update replaces the stored one whole", () =>
    Effect.gen(function*() {
      const projectSlug = yield* project
      yield* createPrebuilt(projectSlug, "t")
      const res = yield* EmailTemplates.update({ projectSlug, templateID: "t", prebuiltCustomization: { buttonColor: "#111111" } })
      expect(res.emailTemplate.prebuiltCustomization).toEqual({ buttonColor: "#111111" })
      expect(res.emailTemplate.name).toBe("Test Prebuilt Template")
    }).pipe(withFake))

  it.effect("unknown template: get, update and delete fail with 404 email_template_not_found", () =>
    Effect.gen(function*() {
      const projectSlug = yield* project
      const templateID = "non-existent-template"
      const notFound = { tag: "StytchApiError", status: 404, type: "email_template_not_found" }
      expect(yield* apiError(EmailTemplates.get({ projectSlug, templateID }))).toEqual(notFound)
      expect(yield* apiError(EmailTemplates.update({ projectSlug, templateID, name: "Non-existent Template" })))
        .toEqual(notFound)
      expect(yield* apiError(EmailTemplates.delete({ projectSlug, templateID }))).toEqual(notFound)
    }).pipe(withFake))

  it.effect("delete succeeds; get afterwards fails and getAll no longer lists it", () =>
    Effect.gen(function*() {
      const projectSlug = yield* project
      yield* createPrebuilt(projectSlug, "test-template-1")
      const deleted = yield* EmailTemplates.delete({ projectSlug, templateID: "test-template-1" })
      expect(deleted.requestID).toMatch(/^request-id-test-/)
      expect(yield* apiError(EmailTemplates.get({ projectSlug, templateID: "test-template-1" })))
        .toMatchObject({ status: 404, type: "email_template_not_found" })
      expect((yield* EmailTemplates.getAll({ projectSlug })).emailTemplates).toEqual([])
    }).pipe(withFake))

  it.effect("templates are project-scoped: one project's templates are not another's; an unknown project is a 404", () =>
    Effect.gen(function*() {
      const first = yield* project
      const second = yield* project
      yield* createPrebuilt(first, "shared-id")
      expect((yield* EmailTemplates.getAll({ projectSlug: second })).emailTemplates).toEqual([])
      expect(yield* apiError(EmailTemplates.get({ projectSlug: second, templateID: "shared-id" })))
        .toMatchObject({ status: 404 })
      // The same id is free in another project.
      yield* createPrebuilt(second, "shared-id", "other")
      expect((yield* EmailTemplates.get({ projectSlug: first, templateID: "shared-id" })).emailTemplate.name)
        .toBe("Test Prebuilt Template")
      expect(yield* apiError(EmailTemplates.getAll({ projectSlug: "project-does-not-exist" })))
        .toEqual({ tag: "StytchApiError", status: 404, type: "project_not_found" })
    }).pipe(withFake))

  it.effect("a duplicate template_id in a project is a 409 (decision)", () =>
    Effect.gen(function*() {
      const projectSlug = yield* project
      yield* createPrebuilt(projectSlug, "dup")
      expect(yield* apiError(createPrebuilt(projectSlug, "dup")))
        .toEqual({ tag: "StytchApiError", status: 409, type: "email_template_already_exists" })
    }).pipe(withFake))

  it.effect("a template is either prebuilt or custom HTML, never both nor neither (decision)", () =>
    Effect.gen(function*() {
      const projectSlug = yield* project
      expect(yield* apiError(EmailTemplates.create({ projectSlug, templateID: "bare", name: "bare" })))
        .toMatchObject({ status: 400, type: "invalid_email_template" })
      expect(
        yield* apiError(EmailTemplates.create({
          projectSlug,
          templateID: "both",
          senderInformation: { ...sender, fromDomain: "example.com" },
          prebuiltCustomization: styling,
          customHtmlCustomization: { templateType: "LOGIN", htmlContent: "<p>hi</p>" }
        }))
      ).toMatchObject({ status: 400, type: "invalid_email_template" })
      yield* createPrebuilt(projectSlug, "p")
      expect(
        yield* apiError(EmailTemplates.update({
          projectSlug,
          templateID: "p",
          customHtmlCustomization: { templateType: "LOGIN", htmlContent: "<p>hi</p>" }
        }))
      ).toMatchObject({ status: 400, type: "invalid_email_template" })
    }).pipe(withFake))

  it.effect("custom HTML templates need a project with a verified sending domain, then a from_domain", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const projectSlug = yield* project
      const custom: EmailTemplates.CustomHTMLCustomization = {
        templateType: "LOGIN",
        htmlContent: "<p>{{magic_link_url}}</p>",
        plaintextContent: "{{magic_link_url}}",
        subject: "Log in"
      }
      const withDomain = { ...sender, fromDomain: "example.com" }
      // A new project has no verified sending domain: refused, and nothing is stored.
      expect(
        yield* apiError(
          EmailTemplates.create({ projectSlug, templateID: "custom", senderInformation: withDomain, customHtmlCustomization: custom })
        )
      ).toEqual({ tag: "StytchApiError", status: 400, type: "verified_sending_domain_required" })
      expect((yield* EmailTemplates.getAll({ projectSlug })).emailTemplates).toEqual([])

      yield* fake.setProjectFeatures(projectSlug, { verifiedSendingDomain: true })
      // With any domain counting as the verified one (the fake does not model domain names).
      expect(
        yield* apiError(EmailTemplates.create({
          projectSlug,
          templateID: "custom",
          senderInformation: sender,
          customHtmlCustomization: custom
        }))
      ).toMatchObject({ status: 400, type: "verified_sending_domain_required" })
      expect(
        yield* apiError(EmailTemplates.create({
          projectSlug,
          templateID: "custom",
          senderInformation: { ...sender, fromDomain: "example.com" },
          customHtmlCustomization: { ...custom, templateType: "PREBUILT" }
        }))
      ).toMatchObject({ status: 400, type: "invalid_template_type" })
      const { emailTemplate } = yield* EmailTemplates.create({
        projectSlug,
        templateID: "custom",
        senderInformation: { ...sender, fromDomain: "example.com" },
        customHtmlCustomization: custom
      })
      expect(emailTemplate.customHtmlCustomization).toEqual(custom)
      expect("prebuiltCustomization" in emailTemplate).toBe(false)
    }).pipe(withFake))
})

describe("default email templates", () => {
  it.effect("setDefault(PREBUILT) then getDefault(PREBUILT) returns it; unknown template and unset type fail", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const projectSlug = yield* project
      yield* createPrebuilt(projectSlug, "test-template-1")
      const set = yield* EmailTemplates.setDefault({
        projectSlug,
        emailTemplateType: "PREBUILT",
        templateID: "test-template-1"
      })
      expect(set.statusCode).toBe(200)
      const sent = (yield* fake.requests).at(-1)!
      expect(sent).toMatchObject({
        method: "POST",
        path: `/pwa/v3/projects/${projectSlug}/default_email_templates/PREBUILT`,
        body: { template_id: "test-template-1" }
      })
      const got = yield* EmailTemplates.getDefault({ projectSlug, emailTemplateType: "PREBUILT" })
      expect(got.templateID).toBe("test-template-1")
      expect(
        yield* apiError(EmailTemplates.setDefault({
          projectSlug,
          emailTemplateType: "LOGIN",
          templateID: "non-existent-template"
        }))
      ).toEqual({ tag: "StytchApiError", status: 404, type: "email_template_not_found" })
      expect(yield* apiError(EmailTemplates.getDefault({ projectSlug, emailTemplateType: "SIGNUP" })))
        .toEqual({ tag: "StytchApiError", status: 404, type: "default_email_template_not_found" })
    }).pipe(withFake))

  it.effect("unsetDefault(PREBUILT) always fails; unsetDefault(SIGNUP) with none set succeeds, idempotently", () =>
    Effect.gen(function*() {
      const projectSlug = yield* project
      const unsupported = { tag: "StytchApiError", status: 400, type: "cannot_unset_prebuilt_default" }
      expect(yield* apiError(EmailTemplates.unsetDefault({ projectSlug, emailTemplateType: "PREBUILT" })))
        .toEqual(unsupported)
      yield* createPrebuilt(projectSlug, "p")
      yield* EmailTemplates.setDefault({ projectSlug, emailTemplateType: "PREBUILT", templateID: "p" })
      expect(yield* apiError(EmailTemplates.unsetDefault({ projectSlug, emailTemplateType: "PREBUILT" })))
        .toEqual(unsupported)
      const first = yield* EmailTemplates.unsetDefault({ projectSlug, emailTemplateType: "SIGNUP" })
      expect(first.statusCode).toBe(200)
      yield* EmailTemplates.unsetDefault({ projectSlug, emailTemplateType: "SIGNUP" })
    }).pipe(withFake))

  it.effect("a custom HTML default must match its type; unset removes it; a default cannot be deleted (decisions)", () =>
    Effect.gen(function*() {
      const projectSlug = yield* project
      yield* Effect.flatMap(FakeManagementApi.FakeManagementApi, (fake) =>
        fake.setProjectFeatures(projectSlug, { verifiedSendingDomain: true }))
      yield* createPrebuilt(projectSlug, "p")
      yield* EmailTemplates.create({
        projectSlug,
        templateID: "login",
        senderInformation: { ...sender, fromDomain: "example.com" },
        customHtmlCustomization: { templateType: "LOGIN", htmlContent: "<p>hi</p>", subject: "Log in" }
      })
      const mismatch = { status: 400, type: "email_template_type_mismatch" }
      expect(yield* apiError(EmailTemplates.setDefault({ projectSlug, emailTemplateType: "LOGIN", templateID: "p" })))
        .toMatchObject(mismatch)
      expect(yield* apiError(EmailTemplates.setDefault({ projectSlug, emailTemplateType: "PREBUILT", templateID: "login" })))
        .toMatchObject(mismatch)
      expect(yield* apiError(EmailTemplates.setDefault({ projectSlug, emailTemplateType: "SIGNUP", templateID: "login" })))
        .toMatchObject(mismatch)
      yield* EmailTemplates.setDefault({ projectSlug, emailTemplateType: "LOGIN", templateID: "login" })
      expect((yield* EmailTemplates.getDefault({ projectSlug, emailTemplateType: "LOGIN" })).templateID).toBe("login")
      expect(yield* apiError(EmailTemplates.delete({ projectSlug, templateID: "login" })))
        .toMatchObject({ status: 400, type: "cannot_delete_default_email_template" })
      yield* EmailTemplates.unsetDefault({ projectSlug, emailTemplateType: "LOGIN" })
      expect(yield* apiError(EmailTemplates.getDefault({ projectSlug, emailTemplateType: "LOGIN" })))
        .toMatchObject({ status: 404 })
      yield* EmailTemplates.delete({ projectSlug, templateID: "login" })
    }).pipe(withFake))
})

describe("request validation", () => {
  it.effect("empty path parameters are an InvalidRequestError and nothing is sent", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const cases: ReadonlyArray<
        readonly [string, Effect.Effect<unknown, StytchError.StytchError, StytchManagement.StytchManagement>]
      > = [
        ["projectSlug", EmailTemplates.getAll({ projectSlug: "" })],
        ["projectSlug", EmailTemplates.create({ projectSlug: " ", templateID: "t", prebuiltCustomization: styling })],
        ["templateID", EmailTemplates.get({ projectSlug: "p", templateID: "" })],
        ["templateID", EmailTemplates.update({ projectSlug: "p", templateID: "", name: "x" })],
        ["templateID", EmailTemplates.delete({ projectSlug: "p", templateID: "" })],
        [
          "emailTemplateType",
          EmailTemplates.setDefault({ projectSlug: "p", emailTemplateType: "" as "LOGIN", templateID: "t" })
        ],
        ["emailTemplateType", EmailTemplates.getDefault({ projectSlug: "p", emailTemplateType: "" as "LOGIN" })],
        ["emailTemplateType", EmailTemplates.unsetDefault({ projectSlug: "p", emailTemplateType: "" as "LOGIN" })]
      ]
      for (const [field, effect] of cases) {
        const error = yield* Effect.flip(effect)
        expect(error).toMatchObject({ _tag: "InvalidRequestError", kind: "MissingPathParameter", field })
      }
      expect(yield* fake.requests).toEqual([])
    }).pipe(withFake))

  it.effect("unknown request enum values (path and body) are an InvalidRequestError and nothing is sent", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const badType = yield* Effect.flip(
        EmailTemplates.getDefault({ projectSlug: "p", emailTemplateType: "LOGN" as EmailTemplates.EmailTemplateType })
      )
      expect(badType).toMatchObject({ _tag: "InvalidRequestError", kind: "InvalidPathParameter", field: "emailTemplateType" })
      const badFont = yield* Effect.flip(
        EmailTemplates.create({
          projectSlug: "p",
          templateID: "t",
          prebuiltCustomization: { fontFamily: "COMIC_SANS" as EmailTemplates.FontFamily }
        })
      )
      expect(badFont).toMatchObject({ _tag: "InvalidRequestError", field: "prebuiltCustomization.fontFamily" })
      const badAlignment = yield* Effect.flip(
        EmailTemplates.update({
          projectSlug: "p",
          templateID: "t",
          prebuiltCustomization: { textAlignment: "RIGHT" as EmailTemplates.TextAlignment }
        })
      )
      expect(badAlignment._tag).toBe("InvalidRequestError")
      const badTemplateType = yield* Effect.flip(
        EmailTemplates.create({
          projectSlug: "p",
          templateID: "t",
          customHtmlCustomization: { templateType: "WELCOME" as EmailTemplates.EmailTemplateType }
        })
      )
      expect(badTemplateType._tag).toBe("InvalidRequestError")
      expect(yield* fake.requests).toEqual([])
    }).pipe(withFake))

  it.effect("responses decode enum values the server may add", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const projectSlug = yield* project
      yield* createPrebuilt(projectSlug, "t")
      yield* fake.inject(
        Fault.rewrite((body) => {
          const template = body["email_template"] as Record<string, Record<string, unknown>>
          template["prebuilt_customization"]!["font_family"] = "COMIC_SANS"
          template["custom_html_customization"] = { template_type: "WELCOME" }
          return body
        }),
        { operation: "emailTemplates.get" }
      )
      const { emailTemplate } = yield* EmailTemplates.get({ projectSlug, templateID: "t" })
      expect(emailTemplate.prebuiltCustomization?.fontFamily).toBe("COMIC_SANS")
      expect(emailTemplate.customHtmlCustomization?.templateType).toBe("WELCOME")
    }).pipe(withFake))
})
