import { EmailTemplates } from "@stytch-effect/resources"
import { badRequest, conflict, notFound } from "../errors.js"
import { type ProjectFeatures, type ProjectState, slot } from "../state.js"
import { type Handlers, projectOf } from "./common.js"

/** A project's templates (by id, in creation order) and its default template per email type. */
interface TemplatesState {
  readonly templates: Map<string, EmailTemplates.EmailTemplate>
  readonly defaults: Map<EmailTemplates.EmailTemplateType, string>
}

/** Project-scoped: every environment of the project sees the same templates. */
const stateOf = slot((_: ProjectState): TemplatesState => ({ templates: new Map(), defaults: new Map() }))

const templateOf = (state: TemplatesState, templateID: string): EmailTemplates.EmailTemplate => {
  const template = state.templates.get(templateID)
  if (template === undefined) throw notFound("email template", templateID)
  return template
}

/**
 * Custom HTML templates can be managed only in a project with a verified
 * sending domain (a note in the Go SDK's tests; docs/decisions.md).
 */
const requireSendingDomain = (features: ProjectFeatures): void => {
  if (!features.verifiedSendingDomain) {
    throw badRequest(
      "verified_sending_domain_required",
      "Custom HTML email templates need a verified sending domain for the project; this project has none."
    )
  }
}

/**
 * The checks the API plausibly makes on a template's content: a template is
 * either prebuilt or custom HTML; a custom HTML one needs a project with a
 * verified sending domain, is for one email type (not PREBUILT) and sends
 * from a domain. With a verified sending domain, the fake treats any
 * `from_domain` as that domain (it does not model domain names).
 */
const validate = (project: ProjectState, template: EmailTemplates.EmailTemplate): void => {
  const { customHtmlCustomization: custom, prebuiltCustomization: prebuilt } = template
  if (prebuilt !== undefined && custom !== undefined) {
    throw badRequest(
      "invalid_email_template",
      "A template has either prebuilt_customization or custom_html_customization, not both."
    )
  }
  if (prebuilt === undefined && custom === undefined) {
    throw badRequest(
      "invalid_email_template",
      "A template needs prebuilt_customization or custom_html_customization."
    )
  }
  if (custom !== undefined) {
    requireSendingDomain(project.features)
    if (custom.templateType === undefined || custom.templateType === "PREBUILT") {
      throw badRequest(
        "invalid_template_type",
        "custom_html_customization.template_type must name an email type other than PREBUILT."
      )
    }
    if (!template.senderInformation?.fromDomain) {
      throw badRequest(
        "verified_sending_domain_required",
        "Custom HTML templates need sender_information.from_domain set to a verified sending domain of the project."
      )
    }
  }
}

/** @internal */
export const emailTemplates: Handlers<typeof EmailTemplates> = {
  create: (request, { workspace }) => {
    const { projectSlug, ...fields } = request
    const project = projectOf(workspace, projectSlug)
    const state = stateOf(project)
    if (fields.templateID.trim() === "") throw badRequest("invalid_template_id", "template_id cannot be empty.")
    if (state.templates.has(fields.templateID)) {
      throw conflict("email_template_already_exists", `An email template with id ${fields.templateID} already exists.`)
    }
    const template = new EmailTemplates.EmailTemplate(fields)
    validate(project, template)
    state.templates.set(template.templateID, template)
    return { emailTemplate: template }
  },
  get: (request, { workspace }) => ({
    emailTemplate: templateOf(stateOf(projectOf(workspace, request.projectSlug)), request.templateID)
  }),
  getAll: (request, { workspace }) => ({
    emailTemplates: Array.from(stateOf(projectOf(workspace, request.projectSlug)).templates.values())
  }),
  update: (request, { workspace }) => {
    const { projectSlug, templateID, ...changes } = request
    const project = projectOf(workspace, projectSlug)
    const state = stateOf(project)
    const current = templateOf(state, templateID)
    // Each field sent replaces the stored one whole (nested structs are not merged); omitted fields keep theirs.
    const template = new EmailTemplates.EmailTemplate({ ...current, ...changes })
    validate(project, template)
    const custom = template.customHtmlCustomization
    if (custom !== undefined) {
      for (const [type, id] of state.defaults) {
        if (id === templateID && type !== custom.templateType) {
          throw badRequest(
            "email_template_type_mismatch",
            `Template ${templateID} is the default for ${type}; its template_type cannot change.`
          )
        }
      }
    }
    state.templates.set(templateID, template)
    return { emailTemplate: template }
  },
  delete: (request, { workspace }) => {
    const state = stateOf(projectOf(workspace, request.projectSlug))
    templateOf(state, request.templateID)
    const usedFor = Array.from(state.defaults).filter(([, id]) => id === request.templateID).map(([type]) => type)
    if (usedFor.length > 0) {
      throw badRequest(
        "cannot_delete_default_email_template",
        `Template ${request.templateID} is the default for ${usedFor.join(", ")}; set another default first.`
      )
    }
    state.templates.delete(request.templateID)
    return {}
  },
  setDefault: (request, { workspace }) => {
    const project = projectOf(workspace, request.projectSlug)
    const state = stateOf(project)
    const template = templateOf(state, request.templateID)
    const type = request.emailTemplateType
    if (type !== "PREBUILT") requireSendingDomain(project.features)
    const fits = type === "PREBUILT"
      ? template.prebuiltCustomization !== undefined
      : template.customHtmlCustomization?.templateType === type
    if (!fits) {
      throw badRequest(
        "email_template_type_mismatch",
        type === "PREBUILT"
          ? `Template ${template.templateID} is not a prebuilt template.`
          : `Template ${template.templateID} is not a custom HTML template for ${type}.`
      )
    }
    state.defaults.set(type, template.templateID)
    return {}
  },
  getDefault: (request, { workspace }) => {
    const state = stateOf(projectOf(workspace, request.projectSlug))
    const templateID = state.defaults.get(request.emailTemplateType)
    if (templateID === undefined) throw notFound("default email template", request.emailTemplateType)
    return { templateID }
  },
  unsetDefault: (request, { workspace }) => {
    const state = stateOf(projectOf(workspace, request.projectSlug))
    if (request.emailTemplateType === "PREBUILT") {
      throw badRequest(
        "cannot_unset_prebuilt_default",
        "The PREBUILT default email template cannot be unset; set another prebuilt template as default instead."
      )
    }
    state.defaults.delete(request.emailTemplateType)
    return {}
  }
}
