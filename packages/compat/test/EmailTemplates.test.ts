import { ClientError, type emailTemplates, type ManagementClient, ManagementStytchError } from "@stytch-effect/compat"
import * as Redacted from "effect/Redacted"
import { describe, expect, it } from "vitest"
import { liveProject, rejection, useServedFake } from "./utils.js"

const { client, server } = useServedFake()

const sender: emailTemplates.SenderInformation = {
  fromLocalPart: "noreply",
  fromName: "No Reply",
  replyToLocalPart: "support",
  replyToName: "Support Team"
}
const styling: emailTemplates.PrebuiltCustomization = {
  buttonBorderRadius: 5,
  buttonColor: "#007BFF",
  buttonTextColor: "#FFFFFF",
  fontFamily: "ARIAL",
  textAlignment: "CENTER"
}
const restyled: emailTemplates.PrebuiltCustomization = {
  buttonBorderRadius: 10,
  buttonColor: "#FF0000",
  buttonTextColor: "#000000",
  fontFamily: "HELVETICA",
  textAlignment: "LEFT"
}

/** A CONSUMER project with only its LIVE environment, as the official suites use. */
const project = async (c: ManagementClient) => (await liveProject(c, "CONSUMER")).projectSlug

const createPrebuilt = (c: ManagementClient, projectSlug: string, templateID: string) =>
  c.emailTemplates.create({
    projectSlug,
    templateID,
    name: "Test Prebuilt Template",
    senderInformation: sender,
    prebuiltCustomization: styling
  })

/** The API error a promise rejects with. */
const apiError = async (promise: Promise<unknown>) => {
  const error = await rejection(promise)
  expect(error).toBeInstanceOf(ManagementStytchError)
  const e = error as ManagementStytchError
  return { status: e.status_code, type: e.error_type }
}

describe("emailTemplates through the facade, over loopback HTTP", () => {
  it("create, get, getAll, update (PUT), delete round-trip; prebuilt templates have no customHtmlCustomization", async () => {
    const c = client()
    const projectSlug = await project(c)

    const created: emailTemplates.CreateResponse = await createPrebuilt(c, projectSlug, "test-template-1")
    expect(created.statusCode).toBe(200)
    expect(created.emailTemplate).toEqual({
      templateID: "test-template-1",
      name: "Test Prebuilt Template",
      senderInformation: sender,
      prebuiltCustomization: styling
    })
    expect(created.emailTemplate).not.toHaveProperty("customHtmlCustomization")

    const got: emailTemplates.GetResponse = await c.emailTemplates.get({ projectSlug, templateID: "test-template-1" })
    expect(got.emailTemplate).toEqual(created.emailTemplate)

    await createPrebuilt(c, projectSlug, "test-template-2")
    const all: emailTemplates.GetAllResponse = await c.emailTemplates.getAll({ projectSlug })
    expect(all.emailTemplates.map((t) => t.templateID)).toEqual(["test-template-1", "test-template-2"])

    const updated: emailTemplates.UpdateResponse = await c.emailTemplates.update({
      projectSlug,
      templateID: "test-template-1",
      name: "Updated Prebuilt Template",
      prebuiltCustomization: restyled
    })
    expect(updated.emailTemplate.name).toBe("Updated Prebuilt Template")
    expect(updated.emailTemplate.prebuiltCustomization).toEqual(restyled)
    expect(updated.emailTemplate).not.toHaveProperty("customHtmlCustomization")
    expect(server().requests().at(-1)).toMatchObject({
      method: "PUT",
      path: `/pwa/v3/projects/${projectSlug}/email_templates/test-template-1`,
      operation: "emailTemplates.update"
    })

    const deleted: emailTemplates.DeleteResponse = await c.emailTemplates.delete({ projectSlug, templateID: "test-template-1" })
    expect(deleted.requestID).toMatch(/^request-id-test-/)
    expect(await apiError(c.emailTemplates.get({ projectSlug, templateID: "test-template-1" })))
      .toEqual({ status: 404, type: "email_template_not_found" })
    expect((await c.emailTemplates.getAll({ projectSlug })).emailTemplates.map((t) => t.templateID))
      .toEqual(["test-template-2"])
  })

  it("the wire response of a prebuilt template has no custom_html_customization key (not even null)", async () => {
    const c = client()
    const projectSlug = await project(c)
    await createPrebuilt(c, projectSlug, "raw")
    const s = server()
    const response = await fetch(`${s.url}/pwa/v3/projects/${projectSlug}/email_templates/raw`, {
      headers: { authorization: `Basic ${btoa(`${s.credentials.keyID}:${Redacted.value(s.credentials.keySecret)}`)}` }
    })
    expect(response.status).toBe(200)
    const body = await response.json() as { email_template: Record<string, unknown> }
    expect(body.email_template).toMatchObject({ template_id: "raw", prebuilt_customization: { font_family: "ARIAL" } })
    expect(Object.keys(body.email_template)).not.toContain("custom_html_customization")
  })

  it("unknown template: get, update and delete reject with 404", async () => {
    const c = client()
    const projectSlug = await project(c)
    const templateID = "non-existent-template"
    const notFound = { status: 404, type: "email_template_not_found" }
    expect(await apiError(c.emailTemplates.get({ projectSlug, templateID }))).toEqual(notFound)
    expect(await apiError(c.emailTemplates.update({ projectSlug, templateID, name: "Non-existent Template" })))
      .toEqual(notFound)
    expect(await apiError(c.emailTemplates.delete({ projectSlug, templateID }))).toEqual(notFound)
  })

  it("templates are project-scoped: visible from a project with only its LIVE environment, not from another project", async () => {
    const c = client()
    const projectSlug = await project(c)
    const other = await project(c)
    expect((await c.environments.getAll({ projectSlug })).environments.map((e) => e.type)).toEqual(["LIVE"])
    await createPrebuilt(c, projectSlug, "scoped")
    expect((await c.emailTemplates.get({ projectSlug, templateID: "scoped" })).emailTemplate.templateID).toBe("scoped")
    expect((await c.emailTemplates.getAll({ projectSlug: other })).emailTemplates).toEqual([])
  })

  it("setDefault, getDefault, unsetDefault", async () => {
    const c = client()
    const projectSlug = await project(c)
    await createPrebuilt(c, projectSlug, "test-template-1")

    const set: emailTemplates.SetDefaultResponse = await c.emailTemplates.setDefault({
      projectSlug,
      emailTemplateType: "PREBUILT",
      templateID: "test-template-1"
    })
    expect(set.statusCode).toBe(200)
    const got: emailTemplates.GetDefaultResponse = await c.emailTemplates.getDefault({
      projectSlug,
      emailTemplateType: "PREBUILT"
    })
    expect(got.templateID).toBe("test-template-1")

    expect(
      await apiError(c.emailTemplates.setDefault({ projectSlug, emailTemplateType: "LOGIN", templateID: "non-existent-template" }))
    ).toEqual({ status: 404, type: "email_template_not_found" })
    expect(await apiError(c.emailTemplates.getDefault({ projectSlug, emailTemplateType: "SIGNUP" })))
      .toEqual({ status: 404, type: "default_email_template_not_found" })

    expect(await apiError(c.emailTemplates.unsetDefault({ projectSlug, emailTemplateType: "PREBUILT" })))
      .toEqual({ status: 400, type: "cannot_unset_prebuilt_default" })
    const unset: emailTemplates.UnsetDefaultResponse = await c.emailTemplates.unsetDefault({
      projectSlug,
      emailTemplateType: "SIGNUP"
    })
    expect(unset.statusCode).toBe(200)
    await c.emailTemplates.unsetDefault({ projectSlug, emailTemplateType: "SIGNUP" })
    expect(server().requests().at(-1)).toMatchObject({
      method: "DELETE",
      path: `/pwa/v3/projects/${projectSlug}/default_email_templates/SIGNUP`
    })
  })

  it("MISSING_PATH_PARAMETER for empty path parameters, before any request", async () => {
    const c = client()
    const cases: ReadonlyArray<readonly [string, Promise<unknown>]> = [
      ["projectSlug", c.emailTemplates.getAll({ projectSlug: "" })],
      ["projectSlug", c.emailTemplates.create({ projectSlug: "", templateID: "t", prebuiltCustomization: styling })],
      ["templateID", c.emailTemplates.get({ projectSlug: "p", templateID: "" })],
      ["templateID", c.emailTemplates.update({ projectSlug: "p", templateID: " ", name: "x" })],
      ["templateID", c.emailTemplates.delete({ projectSlug: "p", templateID: "" })],
      ["emailTemplateType", c.emailTemplates.setDefault({ projectSlug: "p", emailTemplateType: "" as "LOGIN", templateID: "t" })],
      ["emailTemplateType", c.emailTemplates.getDefault({ projectSlug: "p", emailTemplateType: "" as "LOGIN" })],
      ["emailTemplateType", c.emailTemplates.unsetDefault({ projectSlug: "p", emailTemplateType: "" as "LOGIN" })]
    ]
    for (const [field, promise] of cases) {
      const error = await rejection(promise)
      expect(error).toBeInstanceOf(ClientError)
      expect(error).toMatchObject({ code: "MISSING_PATH_PARAMETER", field, message: `${field} cannot be empty` })
    }
    expect(server().requests()).toEqual([])
  })

  it("rejects unknown request enum values before any request", async () => {
    const c = client()
    const errors = [
      await rejection(c.emailTemplates.getDefault({ projectSlug: "p", emailTemplateType: "LOGN" as "LOGIN" })),
      await rejection(c.emailTemplates.create({
        projectSlug: "p",
        templateID: "t",
        prebuiltCustomization: { fontFamily: "COMIC_SANS" as "ARIAL" }
      }))
    ]
    for (const error of errors) expect(error).toBeInstanceOf(ClientError)
    // An enum path parameter that does not encode is a bad path parameter; a body enum a bad request.
    expect(errors[0]).toMatchObject({ code: "INVALID_PATH_PARAMETER", field: "emailTemplateType" })
    for (const error of errors.slice(1)) expect(error).toMatchObject({ code: "INVALID_REQUEST" })
    expect(server().requests()).toEqual([])
  })
})
