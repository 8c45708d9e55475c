/**
 * Redirect URLs of an environment: where Stytch may send a user after a
 * login, sign-up, invite, password reset or discovery flow. A URL is its own
 * identifier: {@link get}, {@link update} and {@link delete} address it by the
 * `url` query parameter (percent-encoded by the SDK, so a URL with its own
 * query string or fragment is fine). Creating a URL that already exists
 * merges the new types into it.
 *
 * @since 0.1.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as Wire from "@stytch-effect/core/Wire"
import * as Schema from "effect/Schema"
import { environmentScope, PE } from "./internal/scope.js"

/**
 * The schema of {@link RedirectURLType}, closed (the request form);
 * `RedirectURLType.open` is the response form.
 *
 * @since 0.1.0
 * @category enums
 */
export const RedirectURLType = Wire.Enum("RedirectURLType", "LOGIN", "INVITE", "SIGNUP", "RESET_PASSWORD", "DISCOVERY")

/**
 * A flow a redirect URL is valid for. Requests accept only these values;
 * responses decode any other value the server may add
 * (`ReceivedURLType.type` is open). `DISCOVERY` applies to B2B projects.
 *
 * @since 0.1.0
 * @category enums
 */
export type RedirectURLType = typeof RedirectURLType.Type

/**
 * A required URL: a string with at least one non-blank character, checked
 * before anything is sent. (The description sits on the string, not the
 * refinement, so it survives into the OpenAPI document.)
 */
const requiredURL = (description: string) =>
  Schema.String.annotations({ description }).pipe(Schema.pattern(/\S/, { message: () => "cannot be empty" }))

/** A response field the server may omit (a protobuf zero value): absent reads as `zero()`. */
const withDefault = <const Key extends string, A, I>(
  key: Key,
  schema: Schema.Schema<A, I>,
  zero: () => A,
  description: string
) => Schema.optionalWith(schema.annotations({ description }), { default: zero }).pipe(Schema.fromKey(key))

/** A boolean sent in the query string, as `true` / `false`. */
const queryBoolean = (description: string) =>
  Schema.transform(Schema.Literal("true", "false").annotations({ description }), Schema.Boolean, {
    strict: true,
    decode: (s) => s === "true",
    encode: (b) => (b ? "true" : "false")
  })

const URLType_ = Schema.Struct({
  isDefault: Wire.field("is_default", Schema.Boolean, "True if this URL is the default for this type."),
  type: Schema.optional(RedirectURLType).annotations({ description: "Redirect type." })
})
/**
 * A type a redirect URL is valid for, as sent in a request: the flow and
 * whether this URL is that flow's default.
 *
 * @since 0.1.0
 * @category models
 */
export interface URLType extends Schema.Schema.Type<typeof URLType_> {}
/**
 * The schema of {@link URLType} (`isDefault` is `is_default` on the wire).
 *
 * @since 0.1.0
 * @category schemas
 */
export const URLType: Schema.Schema<URLType, typeof URLType_.Encoded> = URLType_

const ReceivedURLType_ = Schema.Struct({
  isDefault: withDefault("is_default", Schema.Boolean, () => false, "True if this URL is the default for this type."),
  type: Schema.optional(RedirectURLType.open).annotations({ description: "Redirect type." })
})
/**
 * A {@link URLType} as the server returns it: `type` is open (a value added
 * by the server later still decodes) and an absent `is_default` reads as
 * `false`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReceivedURLType extends Schema.Schema.Type<typeof ReceivedURLType_> {}
/**
 * The schema of {@link ReceivedURLType}, the response form of {@link URLType}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ReceivedURLType: Schema.Schema<ReceivedURLType, typeof ReceivedURLType_.Encoded> = ReceivedURLType_

/**
 * A redirect URL and the types it is valid for. An absent `valid_types`
 * reads as an empty list.
 *
 * @since 0.1.0
 * @category models
 */
export class RedirectURL extends Schema.Class<RedirectURL>("RedirectURL")({
  url: Wire.field("url", Schema.String, "The redirect URL; acts as the identifier (passed as ?url= query parameter)."),
  validTypes: withDefault("valid_types", Schema.Array(ReceivedURLType), () => [], "Redirect types this URL is valid for.")
}) {}

const urlNote = "The redirect URL (percent-encoded in the query string; may itself contain ?, &, #, {, })."
const doNotPromoteNote =
  "If true, do not auto-make this URL the default for a type that has no default (idempotent provisioning, e.g. Terraform). Default behaviour promotes even if is_default was false."

const CreateRequest_ = Schema.Struct({
  ...environmentScope,
  url: Wire.field("url", requiredURL("The URL.")),
  validTypes: Wire.optionalField("valid_types", Schema.Array(URLType), "Types the URL is valid for."),
  doNotPromoteDefaults: Wire.optionalField("do_not_promote_defaults", Schema.Boolean, doNotPromoteNote)
})
/**
 * The input of {@link create}: the environment (`projectSlug`, `environmentSlug`) and `url`, and optionally
 * `validTypes` and `doNotPromoteDefaults`.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateRequest extends Schema.Schema.Type<typeof CreateRequest_> {}
/**
 * The schema of {@link CreateRequest}. {@link create} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and
 * `environmentSlug` in the path and the other fields in the JSON body, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreateRequest: Schema.Schema<CreateRequest, typeof CreateRequest_.Encoded> = CreateRequest_

const CreateResponse_ = Wire.Response({
  redirectURL: Wire.field("redirect_url", RedirectURL, "The created (or merged) URL.")
})
/**
 * What {@link create} succeeds with: `redirectURL` ({@link RedirectURL}), beside the `requestID` and
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

const GetRequest_ = Schema.Struct({ ...environmentScope, url: Wire.field("url", requiredURL(urlNote)) })
/**
 * The input of {@link get}: the environment (`projectSlug`, `environmentSlug`) and `url`.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetRequest extends Schema.Schema.Type<typeof GetRequest_> {}
/**
 * The schema of {@link GetRequest}. {@link get} encodes its input with it: a value that does not fit fails
 * with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and `environmentSlug`
 * in the path and `url` in the query string, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetRequest: Schema.Schema<GetRequest, typeof GetRequest_.Encoded> = GetRequest_

const GetResponse_ = Wire.Response({ redirectURL: Wire.field("redirect_url", RedirectURL, "The URL.") })
/**
 * What {@link get} succeeds with: `redirectURL` ({@link RedirectURL}), beside the `requestID` and
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

const GetAllRequest_ = Schema.Struct(environmentScope)
/**
 * The input of {@link getAll}: the environment (`projectSlug`, `environmentSlug`); nothing else.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetAllRequest extends Schema.Schema.Type<typeof GetAllRequest_> {}
/**
 * The schema of {@link GetAllRequest}. {@link getAll} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and
 * `environmentSlug` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetAllRequest: Schema.Schema<GetAllRequest, typeof GetAllRequest_.Encoded> = GetAllRequest_

const GetAllResponse_ = Wire.Response({
  redirectURLs: withDefault("redirect_urls", Schema.Array(RedirectURL), () => [], "All redirect URLs of the environment.")
})
/**
 * What {@link getAll} succeeds with: `redirectURLs` (an array of {@link RedirectURL}), beside the `requestID`
 * and `statusCode` every response carries.
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

const UpdateRequest_ = Schema.Struct({
  ...environmentScope,
  url: Wire.field("url", requiredURL(urlNote)),
  validTypes: Wire.optionalField("valid_types", Schema.Array(URLType), "Replacement list of types."),
  doNotPromoteDefaults: Wire.optionalField("do_not_promote_defaults", Schema.Boolean, doNotPromoteNote)
})
/**
 * The input of {@link update}: the environment (`projectSlug`, `environmentSlug`) and `url`, and optionally
 * `validTypes` and `doNotPromoteDefaults`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateRequest extends Schema.Schema.Type<typeof UpdateRequest_> {}
/**
 * The schema of {@link UpdateRequest}. {@link update} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and
 * `environmentSlug` in the path, `url` in the query string and the other fields in the JSON body, with
 * snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UpdateRequest: Schema.Schema<UpdateRequest, typeof UpdateRequest_.Encoded> = UpdateRequest_

const UpdateResponse_ = Wire.Response({ redirectURL: Wire.field("redirect_url", RedirectURL, "The updated URL.") })
/**
 * What {@link update} succeeds with: `redirectURL` ({@link RedirectURL}), beside the `requestID` and
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

const DeleteRequest_ = Schema.Struct({
  ...environmentScope,
  url: Wire.field("url", requiredURL(urlNote)),
  doNotPromoteDefaults: Wire.optionalField("do_not_promote_defaults", queryBoolean(
    "If true, do not promote another URL to the default of the types this URL was the default for. Sent as true/false."
  ))
})
/**
 * The input of {@link delete}: the environment (`projectSlug`, `environmentSlug`) and `url`, and optionally
 * `doNotPromoteDefaults`.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeleteRequest extends Schema.Schema.Type<typeof DeleteRequest_> {}
/**
 * The schema of {@link DeleteRequest}. {@link delete} encodes its input with it: a value that does not fit
 * fails with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and
 * `environmentSlug` in the path and `url` and `doNotPromoteDefaults` in the query string, with snake_case
 * wire names.
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

/**
 * The endpoint definitions of this group.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints = Endpoint.group("redirectURLs", {
  create: {
    method: "POST",
    path: `${PE}/redirect_urls`,
    request: CreateRequest,
    response: CreateResponse,
    description: "Creates a redirect URL; creating one that already exists merges the new types into it."
  },
  get: {
    method: "GET",
    path: `${PE}/redirect_urls`,
    request: GetRequest,
    response: GetResponse,
    description: "Gets a redirect URL by its URL (the url query parameter).",
    query: ["url"]
  },
  getAll: {
    method: "GET",
    path: `${PE}/redirect_urls/all`,
    request: GetAllRequest,
    response: GetAllResponse,
    description: "Lists an environment's redirect URLs."
  },
  update: {
    method: "PUT",
    path: `${PE}/redirect_urls`,
    request: UpdateRequest,
    response: UpdateResponse,
    description: "Replaces the types of a redirect URL (addressed by the url query parameter).",
    query: ["url"]
  },
  delete: {
    method: "DELETE",
    path: `${PE}/redirect_urls`,
    request: DeleteRequest,
    response: DeleteResponse,
    description: "Deletes a redirect URL (addressed by the url query parameter); no request body.",
    query: ["url", "do_not_promote_defaults"]
  }
})

/**
 * Creates a redirect URL valid for the given types. If the URL already
 * exists, the types are merged into it. A type that has no default yet gets
 * this URL as its default unless `doNotPromoteDefaults` is set.
 *
 * @example
 * ```ts
 * import { RedirectURLs } from "@stytch-effect/resources"
 *
 * const program = RedirectURLs.create({
 *   projectSlug: "my-project",
 *   environmentSlug: "production",
 *   url: "https://app.example.com/authenticate",
 *   validTypes: [{ type: "LOGIN", isDefault: true }, { type: "SIGNUP", isDefault: true }]
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const create = Endpoint.operation(endpoints.create)

/**
 * Gets a redirect URL by its URL. An empty `url` fails with
 * `InvalidRequestError` before anything is sent.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { RedirectURLs } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { redirectURL } = yield* RedirectURLs.get({
 *     projectSlug: "my-project",
 *     environmentSlug: "production",
 *     url: "https://app.example.com/authenticate?next=/home"
 *   })
 *   return redirectURL.validTypes.map(({ type }) => type)
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const get = Endpoint.operation(endpoints.get)

/**
 * Lists an environment's redirect URLs.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { RedirectURLs } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { redirectURLs } = yield* RedirectURLs.getAll({ projectSlug: "my-project", environmentSlug: "production" })
 *   return redirectURLs.map((redirectURL) => redirectURL.url)
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const getAll = Endpoint.operation(endpoints.getAll)

/**
 * Replaces the types of a redirect URL. An empty `url` fails with
 * `InvalidRequestError` before anything is sent.
 *
 * @example
 * ```ts
 * import { RedirectURLs } from "@stytch-effect/resources"
 *
 * const program = RedirectURLs.update({
 *   projectSlug: "my-project",
 *   environmentSlug: "production",
 *   url: "https://app.example.com/authenticate",
 *   validTypes: [{ type: "LOGIN", isDefault: true }, { type: "RESET_PASSWORD", isDefault: false }]
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
   * Deletes a redirect URL. Another URL becomes the default of the types it
   * was the default for, unless `doNotPromoteDefaults` is set. An empty `url`
   * fails with `InvalidRequestError` before anything is sent.
   *
   * @example
   * ```ts
   * import { RedirectURLs } from "@stytch-effect/resources"
   *
   * const program = RedirectURLs.delete({
   *   projectSlug: "my-project",
   *   environmentSlug: "production",
   *   url: "https://app.example.com/authenticate",
   *   doNotPromoteDefaults: true
   * })
   * ```
   *
   * @since 0.1.0
   * @category operations
   */
  delete_ as delete
}
