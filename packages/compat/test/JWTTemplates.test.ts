import { ClientError, type jwtTemplates } from "@stytch-effect/compat"
import { describe, expect, it } from "vitest"
import { rejection, testEnvironment, useServedFake } from "./utils.js"

const { client, server } = useServedFake()

const SESSION_CONTENT = `{"custom_user_id": "user-123", "custom_email": "test@example.com"}`
const M2M_CONTENT = `{"custom_org_id": "org-456", "custom_name": "Test Organization"}`

describe("client.jwtTemplates", () => {
  it("set SESSION (Consumer) and M2M (B2B) echo content, audience and type; get returns the same", async () => {
    const c = client()
    const cases = [
      ["CONSUMER", "SESSION", SESSION_CONTENT, "my-custom-audience"],
      ["B2B", "M2M", M2M_CONTENT, "m2m-audience"]
    ] as const
    for (const [vertical, type, content, audience] of cases) {
      const scope = await testEnvironment(c, vertical)
      const set = await c.jwtTemplates.set({
        ...scope,
        jwtTemplateType: type,
        templateContent: content,
        customAudience: audience
      })
      expect(set.jwtTemplate).toMatchObject({ templateContent: content, customAudience: audience, jwtTemplateType: type })
      expect(set.requestID).not.toBe("")
      const got: jwtTemplates.GetResponse = await c.jwtTemplates.get({ ...scope, jwtTemplateType: type })
      expect(got.jwtTemplate).toEqual(set.jwtTemplate)
    }
    expect(server().requests().filter((r) => r.operation?.startsWith("jwtTemplates.")).map((r) => r.path)).toEqual([
      expect.stringMatching(/\/jwt_templates\/SESSION$/),
      expect.stringMatching(/\/jwt_templates\/SESSION$/),
      expect.stringMatching(/\/jwt_templates\/M2M$/),
      expect.stringMatching(/\/jwt_templates\/M2M$/)
    ])
  })

  it("get before any set returns an empty template of that type", async () => {
    const c = client()
    const scope = await testEnvironment(c, "B2B")
    const { jwtTemplate } = await c.jwtTemplates.get({ ...scope, jwtTemplateType: "SESSION" })
    expect(jwtTemplate).toMatchObject({ templateContent: "", customAudience: "", jwtTemplateType: "SESSION" })
  })

  it("MISSING_PATH_PARAMETER for an empty template type, before any request", async () => {
    const c = client()
    const error = await rejection(
      c.jwtTemplates.get({ projectSlug: "p", environmentSlug: "e", jwtTemplateType: "" as jwtTemplates.JWTTemplateType })
    )
    expect(error).toBeInstanceOf(ClientError)
    expect((error as ClientError).code).toBe("MISSING_PATH_PARAMETER")
    expect((error as ClientError).message).toBe("jwtTemplateType cannot be empty")
    expect(server().requests()).toEqual([])
  })

  it("INVALID_PATH_PARAMETER for an unknown template type, before any request", async () => {
    const c = client()
    const error = await rejection(
      c.jwtTemplates.set({
        projectSlug: "p",
        environmentSlug: "e",
        jwtTemplateType: "ACCESS" as jwtTemplates.JWTTemplateType,
        templateContent: "{}",
        customAudience: ""
      })
    )
    expect(error).toBeInstanceOf(ClientError)
    expect((error as ClientError).code).toBe("INVALID_PATH_PARAMETER")
    expect((error as ClientError).field).toBe("jwtTemplateType")
    expect(server().requests()).toEqual([])
  })
})
