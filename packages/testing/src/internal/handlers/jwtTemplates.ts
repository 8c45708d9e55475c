import { JWTTemplates } from "@stytch-effect/resources"
import { type EnvironmentState, slot } from "../state.js"
import { environmentOf, type Handlers } from "./common.js"

/** The templates set so far, by type; a type never set reads as an empty template. */
const templatesOf = slot((_: EnvironmentState) => new Map<JWTTemplates.JWTTemplateType, JWTTemplates.JWTTemplate>())

/** @internal */
export const jwtTemplates: Handlers<typeof JWTTemplates> = {
  get: (request, { workspace }) => {
    const stored = templatesOf(environmentOf(workspace, request)).get(request.jwtTemplateType)
    return {
      jwtTemplate: stored ?? new JWTTemplates.JWTTemplate({
        templateContent: "",
        customAudience: "",
        jwtTemplateType: request.jwtTemplateType
      })
    }
  },
  set: (request, { workspace }) => {
    const state = environmentOf(workspace, request)
    const jwtTemplate = new JWTTemplates.JWTTemplate({
      templateContent: request.templateContent,
      customAudience: request.customAudience,
      jwtTemplateType: request.jwtTemplateType
    })
    templatesOf(state).set(request.jwtTemplateType, jwtTemplate)
    return { jwtTemplate }
  }
}
