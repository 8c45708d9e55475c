/**
 * Email templates of a project, and the project's default template per email
 * type. Templates are project-scoped (no environment in the path): a write
 * applies to every environment of the project.
 *
 * A template is either prebuilt (Stytch's layout, styled by
 * {@link PrebuiltCustomization}) or custom HTML ({@link CustomHTMLCustomization};
 * managing those needs a verified sending domain). A prebuilt template's
 * `customHtmlCustomization` is absent.
 *
 * @since 0.1.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as Wire from "@stytch-effect/core/Wire"
import * as Schema from "effect/Schema"
import { P, projectScope } from "./internal/scope.js"

/**
 * The schema of {@link EmailTemplateType}, closed (the request form: any other
 * value fails with an `InvalidRequestError`); `EmailTemplateType.open` is the
 * response form.
 *
 * @since 0.1.0
 * @category enums
 */
export const EmailTemplateType = Wire.Enum(
  "EmailTemplateType",
  "LOGIN",
  "SIGNUP",
  "INVITE",
  "RESET_PASSWORD",
  "ONE_TIME_PASSCODE",
  "ONE_TIME_PASSCODE_SIGNUP",
  "VERIFY_EMAIL_PASSWORD_RESET",
  "UNLOCK",
  "PREBUILT"
)

/**
 * The kind of email a template is for: the `template_type` of a custom HTML
 * template and the `{email_template_type}` path segment of the
 * default-template operations. Requests accept only these values; responses
 * decode any other value the server may add.
 *
 * @since 0.1.0
 * @category enums
 */
export type EmailTemplateType = typeof EmailTemplateType.Type

/**
 * The schema of {@link FontFamily}, closed (the request form);
 * `FontFamily.open` is the response form.
 *
 * @since 0.1.0
 * @category enums
 */
export const FontFamily = Wire.Enum(
  "FontFamily",
  "ARIAL",
  "BRUSH_SCRIPT_MT",
  "COURIER_NEW",
  "GEORGIA",
  "HELVETICA",
  "TAHOMA",
  "TIMES_NEW_ROMAN",
  "TREBUCHET_MS",
  "VERDANA"
)

/**
 * The body font of a prebuilt template. Closed in requests, open in responses.
 *
 * @since 0.1.0
 * @category enums
 */
export type FontFamily = typeof FontFamily.Type

/**
 * The schema of {@link TextAlignment}, closed (the request form);
 * `TextAlignment.open` is the response form.
 *
 * @since 0.1.0
 * @category enums
 */
export const TextAlignment = Wire.Enum("TextAlignment", "LEFT", "CENTER")

/**
 * The body text alignment of a prebuilt template. Closed in requests, open in
 * responses.
 *
 * @since 0.1.0
 * @category enums
 */
export type TextAlignment = typeof TextAlignment.Type

const SenderInformation_ = Schema.Struct({
  fromLocalPart: Wire.optionalField("from_local_part", Schema.String, "Sender address part before the @."),
  fromDomain: Wire.optionalField("from_domain", Schema.String, "Sender address part after the @."),
  fromName: Wire.optionalField("from_name", Schema.String, "Sender display name."),
  replyToLocalPart: Wire.optionalField("reply_to_local_part", Schema.String, "Reply-to address part before the @."),
  replyToName: Wire.optionalField("reply_to_name", Schema.String, "Reply-to display name.")
})
/**
 * Who an email appears to come from, and where replies go. Optional for
 * prebuilt templates, required for custom HTML ones.
 *
 * @since 0.1.0
 * @category models
 */
export interface SenderInformation extends Schema.Schema.Type<typeof SenderInformation_> {}
/**
 * The schema of {@link SenderInformation} (camelCase fields, snake_case on the
 * wire); used by requests and responses alike.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SenderInformation: Schema.Schema<SenderInformation, typeof SenderInformation_.Encoded> =
  SenderInformation_

/** The fields of a prebuilt customization, with the enum schemas of the request or the response form. */
const prebuiltCustomizationFields = <F extends Schema.Schema.Any, T extends Schema.Schema.Any>(
  fontFamily: F,
  textAlignment: T
) => ({
  buttonBorderRadius: Wire.optionalField("button_border_radius", Schema.Number, "Button border radius (float)."),
  buttonColor: Wire.optionalField("button_color", Schema.String, "Button colour, e.g. #007BFF."),
  buttonTextColor: Wire.optionalField("button_text_color", Schema.String, "Button text colour."),
  fontFamily: Wire.optionalField("font_family", fontFamily, "Body font."),
  textAlignment: Wire.optionalField("text_alignment", textAlignment, "Body text alignment.")
})

const PrebuiltCustomization_ = Schema.Struct(prebuiltCustomizationFields(FontFamily, TextAlignment))
/**
 * Styling of a prebuilt template, as sent in requests (closed enums).
 *
 * @since 0.1.0
 * @category models
 */
export interface PrebuiltCustomization extends Schema.Schema.Type<typeof PrebuiltCustomization_> {}
/**
 * The schema of {@link PrebuiltCustomization}, the request form (closed
 * `fontFamily` and `textAlignment`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PrebuiltCustomization: Schema.Schema<PrebuiltCustomization, typeof PrebuiltCustomization_.Encoded> =
  PrebuiltCustomization_

const PrebuiltCustomizationOpen_ = Schema.Struct(prebuiltCustomizationFields(FontFamily.open, TextAlignment.open))
/**
 * Styling of a prebuilt template, as responses return it: the same fields as
 * {@link PrebuiltCustomization}, with open enums.
 *
 * @since 0.1.0
 * @category models
 */
export interface PrebuiltCustomizationOpen extends Schema.Schema.Type<typeof PrebuiltCustomizationOpen_> {}
/**
 * The schema of {@link PrebuiltCustomizationOpen}, the response form (open
 * `fontFamily` and `textAlignment`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PrebuiltCustomizationOpen: Schema.Schema<
  PrebuiltCustomizationOpen,
  typeof PrebuiltCustomizationOpen_.Encoded
> = PrebuiltCustomizationOpen_

/** The fields of a custom HTML customization, with the enum schema of the request or the response form. */
const customHtmlCustomizationFields = <T extends Schema.Schema.Any>(templateType: T) => ({
  templateType: Wire.optionalField("template_type", templateType, "Email template type this custom HTML is valid for."),
  htmlContent: Wire.optionalField("html_content", Schema.String, "HTML body."),
  plaintextContent: Wire.optionalField("plaintext_content", Schema.String, "Plain-text body."),
  subject: Schema.optional(Schema.String.annotations({ description: "Subject line." }))
})

const CustomHTMLCustomization_ = Schema.Struct(customHtmlCustomizationFields(EmailTemplateType))
/**
 * Content of a custom HTML template, as sent in requests (closed enum).
 * Managing custom HTML templates needs a verified sending domain.
 *
 * @since 0.1.0
 * @category models
 */
export interface CustomHTMLCustomization extends Schema.Schema.Type<typeof CustomHTMLCustomization_> {}
/**
 * The schema of {@link CustomHTMLCustomization}, the request form (closed
 * `templateType`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CustomHTMLCustomization: Schema.Schema<CustomHTMLCustomization, typeof CustomHTMLCustomization_.Encoded> =
  CustomHTMLCustomization_

const CustomHTMLCustomizationOpen_ = Schema.Struct(customHtmlCustomizationFields(EmailTemplateType.open))
/**
 * Content of a custom HTML template, as responses return it: the same fields
 * as {@link CustomHTMLCustomization}, with an open `templateType`.
 *
 * @since 0.1.0
 * @category models
 */
export interface CustomHTMLCustomizationOpen extends Schema.Schema.Type<typeof CustomHTMLCustomizationOpen_> {}
/**
 * The schema of {@link CustomHTMLCustomizationOpen}, the response form (open
 * `templateType`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CustomHTMLCustomizationOpen: Schema.Schema<
  CustomHTMLCustomizationOpen,
  typeof CustomHTMLCustomizationOpen_.Encoded
> = CustomHTMLCustomizationOpen_

/**
 * An email template. A prebuilt template has `prebuiltCustomization` and no
 * `customHtmlCustomization` (the key is absent, not null).
 *
 * @since 0.1.0
 * @category models
 */
export class EmailTemplate extends Schema.Class<EmailTemplate>("EmailTemplate")({
  templateID: Wire.field(
    "template_id",
    Schema.String,
    "Unique id chosen by the caller at creation; cannot change afterwards."
  ),
  name: Schema.optional(Schema.String.annotations({ description: "Human-readable name; need not be unique." })),
  senderInformation: Wire.optionalField(
    "sender_information",
    SenderInformation,
    "Sender details; optional for prebuilt, required for custom HTML templates."
  ),
  prebuiltCustomization: Wire.optionalField(
    "prebuilt_customization",
    PrebuiltCustomizationOpen,
    "Styling for prebuilt templates."
  ),
  customHtmlCustomization: Wire.optionalField(
    "custom_html_customization",
    CustomHTMLCustomizationOpen,
    "Content for fully custom HTML templates. Absent on prebuilt templates."
  )
}) {}

/** The template content accepted by both create and update. */
const content = {
  name: Schema.optional(Schema.String.annotations({ description: "Template name." })),
  senderInformation: Wire.optionalField("sender_information", SenderInformation, "Sender details."),
  prebuiltCustomization: Wire.optionalField("prebuilt_customization", PrebuiltCustomization, "Prebuilt styling."),
  customHtmlCustomization: Wire.optionalField(
    "custom_html_customization",
    CustomHTMLCustomization,
    "Custom HTML content (needs a verified sending domain per Go tests)."
  )
}

const CreateRequest_ = Schema.Struct({
  ...projectScope,
  templateID: Wire.field("template_id", Schema.String, "Caller-chosen unique id."),
  ...content
})
/**
 * The input of {@link create}: the project (`projectSlug`) and `templateID`, and optionally `name`,
 * `senderInformation`, `prebuiltCustomization` and `customHtmlCustomization`.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateRequest extends Schema.Schema.Type<typeof CreateRequest_> {}
/**
 * The schema of {@link CreateRequest}. {@link create} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` in the path and
 * the other fields in the JSON body, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreateRequest: Schema.Schema<CreateRequest, typeof CreateRequest_.Encoded> = CreateRequest_

const CreateResponse_ = Wire.Response({ emailTemplate: Wire.field("email_template", EmailTemplate, "The created template.") })
/**
 * What {@link create} succeeds with: `emailTemplate` ({@link EmailTemplate}), beside the `requestID` and
 * `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateResponse extends Schema.Schema.Type<typeof CreateResponse_> {}
/**
 * The schema of {@link CreateResponse}: decodes the JSON body of a successful {@link create} (snake_case
 * keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreateResponse: Schema.Schema<CreateResponse, typeof CreateResponse_.Encoded> = CreateResponse_

const templatePath = {
  ...projectScope,
  templateID: Wire.field("template_id", Wire.PathParam)
}

const GetRequest_ = Schema.Struct(templatePath)
/**
 * The input of {@link get}: the project (`projectSlug`) and `templateID`.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetRequest extends Schema.Schema.Type<typeof GetRequest_> {}
/**
 * The schema of {@link GetRequest}. {@link get} encodes its input with it: a value that does not fit fails
 * with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and `templateID` in the
 * path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetRequest: Schema.Schema<GetRequest, typeof GetRequest_.Encoded> = GetRequest_

const GetResponse_ = Wire.Response({ emailTemplate: Wire.field("email_template", EmailTemplate, "The template.") })
/**
 * What {@link get} succeeds with: `emailTemplate` ({@link EmailTemplate}), beside the `requestID` and
 * `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetResponse extends Schema.Schema.Type<typeof GetResponse_> {}
/**
 * The schema of {@link GetResponse}: decodes the JSON body of a successful {@link get} (snake_case keys) into
 * it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetResponse: Schema.Schema<GetResponse, typeof GetResponse_.Encoded> = GetResponse_

const GetAllRequest_ = Schema.Struct(projectScope)
/**
 * The input of {@link getAll}: the project (`projectSlug`); nothing else.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetAllRequest extends Schema.Schema.Type<typeof GetAllRequest_> {}
/**
 * The schema of {@link GetAllRequest}. {@link getAll} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` in the path, with
 * snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetAllRequest: Schema.Schema<GetAllRequest, typeof GetAllRequest_.Encoded> = GetAllRequest_

const GetAllResponse_ = Wire.Response({
  emailTemplates: Wire.field("email_templates", Schema.Array(EmailTemplate), "All active templates of the project.")
})
/**
 * What {@link getAll} succeeds with: `emailTemplates` (an array of {@link EmailTemplate}), beside the
 * `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetAllResponse extends Schema.Schema.Type<typeof GetAllResponse_> {}
/**
 * The schema of {@link GetAllResponse}: decodes the JSON body of a successful {@link getAll} (snake_case
 * keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetAllResponse: Schema.Schema<GetAllResponse, typeof GetAllResponse_.Encoded> = GetAllResponse_

const UpdateRequest_ = Schema.Struct({ ...templatePath, ...content })
/**
 * The input of {@link update}: the project (`projectSlug`) and `templateID`, and optionally `name`,
 * `senderInformation`, `prebuiltCustomization` and `customHtmlCustomization`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateRequest extends Schema.Schema.Type<typeof UpdateRequest_> {}
/**
 * The schema of {@link UpdateRequest}. {@link update} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and `templateID`
 * in the path and the other fields in the JSON body, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UpdateRequest: Schema.Schema<UpdateRequest, typeof UpdateRequest_.Encoded> = UpdateRequest_

const UpdateResponse_ = Wire.Response({ emailTemplate: Wire.field("email_template", EmailTemplate, "The updated template.") })
/**
 * What {@link update} succeeds with: `emailTemplate` ({@link EmailTemplate}), beside the `requestID` and
 * `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateResponse extends Schema.Schema.Type<typeof UpdateResponse_> {}
/**
 * The schema of {@link UpdateResponse}: decodes the JSON body of a successful {@link update} (snake_case
 * keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UpdateResponse: Schema.Schema<UpdateResponse, typeof UpdateResponse_.Encoded> = UpdateResponse_

const DeleteRequest_ = Schema.Struct(templatePath)
/**
 * The input of {@link delete}: the project (`projectSlug`) and `templateID`.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeleteRequest extends Schema.Schema.Type<typeof DeleteRequest_> {}
/**
 * The schema of {@link DeleteRequest}. {@link delete} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and `templateID`
 * in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DeleteRequest: Schema.Schema<DeleteRequest, typeof DeleteRequest_.Encoded> = DeleteRequest_

const DeleteResponse_ = Wire.Response({})
/**
 * What {@link delete} succeeds with: only the `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeleteResponse extends Schema.Schema.Type<typeof DeleteResponse_> {}
/**
 * The schema of {@link DeleteResponse}: decodes the JSON body of a successful {@link delete} (snake_case
 * keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DeleteResponse: Schema.Schema<DeleteResponse, typeof DeleteResponse_.Encoded> = DeleteResponse_

/** The path of a default-template operation: the email type is a closed enum. */
const defaultPath = {
  ...projectScope,
  emailTemplateType: Wire.field("email_template_type", EmailTemplateType)
}

const SetDefaultRequest_ = Schema.Struct({
  ...defaultPath,
  templateID: Wire.field("template_id", Schema.String, "Template to make the default for this type.")
})
/**
 * The input of {@link setDefault}: the project (`projectSlug`), `emailTemplateType` and `templateID`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SetDefaultRequest extends Schema.Schema.Type<typeof SetDefaultRequest_> {}
/**
 * The schema of {@link SetDefaultRequest}. {@link setDefault} encodes its input with it: a value that does
 * not fit fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and
 * `emailTemplateType` in the path and `templateID` in the JSON body, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetDefaultRequest: Schema.Schema<SetDefaultRequest, typeof SetDefaultRequest_.Encoded> =
  SetDefaultRequest_

const SetDefaultResponse_ = Wire.Response({})
/**
 * What {@link setDefault} succeeds with: only the `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface SetDefaultResponse extends Schema.Schema.Type<typeof SetDefaultResponse_> {}
/**
 * The schema of {@link SetDefaultResponse}: decodes the JSON body of a successful {@link setDefault}
 * (snake_case keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetDefaultResponse: Schema.Schema<SetDefaultResponse, typeof SetDefaultResponse_.Encoded> =
  SetDefaultResponse_

const GetDefaultRequest_ = Schema.Struct(defaultPath)
/**
 * The input of {@link getDefault}: the project (`projectSlug`) and `emailTemplateType`.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetDefaultRequest extends Schema.Schema.Type<typeof GetDefaultRequest_> {}
/**
 * The schema of {@link GetDefaultRequest}. {@link getDefault} encodes its input with it: a value that does
 * not fit fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and
 * `emailTemplateType` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetDefaultRequest: Schema.Schema<GetDefaultRequest, typeof GetDefaultRequest_.Encoded> =
  GetDefaultRequest_

const GetDefaultResponse_ = Wire.Response({
  templateID: Wire.field("template_id", Schema.String, "Id of the default template for this type.")
})
/**
 * What {@link getDefault} succeeds with: `templateID`, beside the `requestID` and `statusCode` every response
 * carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetDefaultResponse extends Schema.Schema.Type<typeof GetDefaultResponse_> {}
/**
 * The schema of {@link GetDefaultResponse}: decodes the JSON body of a successful {@link getDefault}
 * (snake_case keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetDefaultResponse: Schema.Schema<GetDefaultResponse, typeof GetDefaultResponse_.Encoded> =
  GetDefaultResponse_

const UnsetDefaultRequest_ = Schema.Struct(defaultPath)
/**
 * The input of {@link unsetDefault}: the project (`projectSlug`) and `emailTemplateType`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnsetDefaultRequest extends Schema.Schema.Type<typeof UnsetDefaultRequest_> {}
/**
 * The schema of {@link UnsetDefaultRequest}. {@link unsetDefault} encodes its input with it: a value that
 * does not fit fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and
 * `emailTemplateType` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UnsetDefaultRequest: Schema.Schema<UnsetDefaultRequest, typeof UnsetDefaultRequest_.Encoded> =
  UnsetDefaultRequest_

const UnsetDefaultResponse_ = Wire.Response({})
/**
 * What {@link unsetDefault} succeeds with: only the `requestID` and `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnsetDefaultResponse extends Schema.Schema.Type<typeof UnsetDefaultResponse_> {}
/**
 * The schema of {@link UnsetDefaultResponse}: decodes the JSON body of a successful {@link unsetDefault}
 * (snake_case keys) into it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UnsetDefaultResponse: Schema.Schema<UnsetDefaultResponse, typeof UnsetDefaultResponse_.Encoded> =
  UnsetDefaultResponse_

/**
 * The endpoint definitions of this group.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints = Endpoint.group("emailTemplates", {
  create: {
    method: "POST",
    path: `${P}/email_templates`,
    request: CreateRequest,
    response: CreateResponse,
    description: "Creates an email template with a caller-chosen id."
  },
  get: {
    method: "GET",
    path: `${P}/email_templates/{template_id}`,
    request: GetRequest,
    response: GetResponse,
    description: "Gets an email template."
  },
  getAll: {
    method: "GET",
    path: `${P}/email_templates`,
    request: GetAllRequest,
    response: GetAllResponse,
    description: "Lists a project's email templates."
  },
  update: {
    method: "PUT",
    path: `${P}/email_templates/{template_id}`,
    request: UpdateRequest,
    response: UpdateResponse,
    description: "Updates an email template."
  },
  delete: {
    method: "DELETE",
    path: `${P}/email_templates/{template_id}`,
    request: DeleteRequest,
    response: DeleteResponse,
    description: "Deletes an email template."
  },
  setDefault: {
    method: "POST",
    path: `${P}/default_email_templates/{email_template_type}`,
    request: SetDefaultRequest,
    response: SetDefaultResponse,
    description: "Makes a template the project's default for an email type."
  },
  getDefault: {
    method: "GET",
    path: `${P}/default_email_templates/{email_template_type}`,
    request: GetDefaultRequest,
    response: GetDefaultResponse,
    description: "Gets the id of the project's default template for an email type."
  },
  unsetDefault: {
    method: "DELETE",
    path: `${P}/default_email_templates/{email_template_type}`,
    request: UnsetDefaultRequest,
    response: UnsetDefaultResponse,
    description: "Removes the project's default template for an email type (not supported for PREBUILT)."
  }
})

/**
 * Creates an email template. Give either `prebuiltCustomization` or
 * `customHtmlCustomization`; a prebuilt template comes back without
 * `customHtmlCustomization`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { EmailTemplates } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { emailTemplate } = yield* EmailTemplates.create({
 *     projectSlug: "my-project",
 *     templateID: "login-branded",
 *     name: "Branded login",
 *     prebuiltCustomization: { buttonColor: "#0B5FFF", fontFamily: "HELVETICA", textAlignment: "CENTER" }
 *   })
 *   return emailTemplate.templateID
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const create = Endpoint.operation(endpoints.create)

/**
 * Gets an email template by id.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { EmailTemplates } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { emailTemplate } = yield* EmailTemplates.get({ projectSlug: "my-project", templateID: "login-branded" })
 *   return emailTemplate.prebuiltCustomization?.buttonColor
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const get = Endpoint.operation(endpoints.get)

/**
 * Lists a project's email templates.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { EmailTemplates } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { emailTemplates } = yield* EmailTemplates.getAll({ projectSlug: "my-project" })
 *   return emailTemplates.map((template) => template.templateID)
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const getAll = Endpoint.operation(endpoints.getAll)

/**
 * Updates an email template (PUT). A customization that is sent replaces the
 * stored one as a whole.
 *
 * @example
 * ```ts
 * import { EmailTemplates } from "@stytch-effect/resources"
 *
 * const program = EmailTemplates.update({
 *   projectSlug: "my-project",
 *   templateID: "login-branded",
 *   prebuiltCustomization: { buttonColor: "#111827", buttonTextColor: "#FFFFFF" }
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const update = Endpoint.operation(endpoints.update)

const delete_ = Endpoint.operation(endpoints.delete)
export {
  /**
   * Deletes an email template.
   *
   * @example
   * ```ts
   * import { EmailTemplates } from "@stytch-effect/resources"
   *
   * const program = EmailTemplates.delete({ projectSlug: "my-project", templateID: "login-branded" })
   * ```
   *
   * @since 0.1.0
   * @category operations
   */
  delete_ as delete
}

/**
 * Makes a template the project's default for an email type.
 *
 * @example
 * ```ts
 * import { EmailTemplates } from "@stytch-effect/resources"
 *
 * const program = EmailTemplates.setDefault({
 *   projectSlug: "my-project",
 *   emailTemplateType: "LOGIN",
 *   templateID: "login-branded"
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const setDefault = Endpoint.operation(endpoints.setDefault)

/**
 * Gets the id of the project's default template for an email type; fails
 * with a 404 when none is set.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { EmailTemplates } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { templateID } = yield* EmailTemplates.getDefault({ projectSlug: "my-project", emailTemplateType: "LOGIN" })
 *   return templateID
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const getDefault = Endpoint.operation(endpoints.getDefault)

/**
 * Removes the project's default template for an email type. Idempotent;
 * always fails for `PREBUILT`, whose default cannot be unset.
 *
 * @example
 * ```ts
 * import { EmailTemplates } from "@stytch-effect/resources"
 *
 * const program = EmailTemplates.unsetDefault({ projectSlug: "my-project", emailTemplateType: "LOGIN" })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const unsetDefault = Endpoint.operation(endpoints.unsetDefault)
