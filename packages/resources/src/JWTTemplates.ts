/**
 * JWT templates of an environment: the custom claims (and audience) added to
 * session JWTs (`SESSION`) and to M2M access tokens (`M2M`). One template per
 * type; `set` replaces it.
 *
 * @since 0.1.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as Wire from "@stytch-effect/core/Wire"
import * as Schema from "effect/Schema"
import { environmentScope, PE } from "./internal/scope.js"

/**
 * The schema of {@link JWTTemplateType}, closed (the request and path form);
 * `JWTTemplateType.open` is the response form.
 *
 * @since 0.1.0
 * @category enums
 */
export const JWTTemplateType = Wire.Enum("JWTTemplateType", "SESSION", "M2M")

/**
 * The kind of a JWT template: `SESSION` (session JWTs) or `M2M` (M2M access
 * tokens). Requests accept only these values; responses decode any other
 * value the server may add (`JWTTemplate.jwtTemplateType` is open).
 *
 * @since 0.1.0
 * @category enums
 */
export type JWTTemplateType = typeof JWTTemplateType.Type

/**
 * A string that decodes as `""` when the wire leaves it out (Go drops empty
 * strings; the server is protobuf-backed), and is always sent.
 */
const text = <const Key extends string>(key: Key, description: string) =>
  Schema.optionalWith(Schema.String, { default: () => "" }).annotations({ description }).pipe(Schema.fromKey(key))

/**
 * A JWT template. Strings the server leaves out decode as `""`.
 *
 * @since 0.1.0
 * @category models
 */
export class JWTTemplate extends Schema.Class<JWTTemplate>("JWTTemplate")({
  templateContent: text("template_content", "Template body (JSON text with template expressions)."),
  customAudience: text("custom_audience", "Optional custom audience (may be empty string)."),
  jwtTemplateType: Wire.optionalField(
    "jwt_template_type",
    JWTTemplateType.open,
    "Template kind (echo of the path segment)."
  )
}) {}

const jwtTemplateType = Wire.field("jwt_template_type", JWTTemplateType, "Template kind: SESSION or M2M.")

const GetRequest_ = Schema.Struct({ ...environmentScope, jwtTemplateType })
/**
 * The input of {@link get}: the environment (`projectSlug`, `environmentSlug`) and `jwtTemplateType`.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetRequest extends Schema.Schema.Type<typeof GetRequest_> {}
/**
 * The schema of {@link GetRequest}. {@link get} encodes its input with it: a value that does not fit fails
 * with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`, `environmentSlug` and
 * `jwtTemplateType` in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetRequest: Schema.Schema<GetRequest, typeof GetRequest_.Encoded> = GetRequest_

const GetResponse_ = Wire.Response({
  jwtTemplate: Wire.field("jwt_template", JWTTemplate, "Template of the requested type.")
})
/**
 * What {@link get} succeeds with: `jwtTemplate` ({@link JWTTemplate}), beside the `requestID` and
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

const SetRequest_ = Schema.Struct({
  ...environmentScope,
  jwtTemplateType,
  /** Template body (JSON text with template expressions). */
  templateContent: text("template_content", "Template body."),
  /** Custom audience; `""` for none. */
  customAudience: text("custom_audience", "Custom audience (Node requires the key; Go omits it when empty).")
})
/**
 * The input of {@link set}: the environment (`projectSlug`, `environmentSlug`), `jwtTemplateType`,
 * `templateContent` and `customAudience`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SetRequest extends Schema.Schema.Type<typeof SetRequest_> {}
/**
 * The schema of {@link SetRequest}. {@link set} encodes its input with it: a value that does not fit fails
 * with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug`, `environmentSlug` and
 * `jwtTemplateType` in the path and the other fields in the JSON body, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetRequest: Schema.Schema<SetRequest, typeof SetRequest_.Encoded> = SetRequest_

const SetResponse_ = Wire.Response({
  jwtTemplate: Wire.field("jwt_template", JWTTemplate, "Stored template.")
})
/**
 * What {@link set} succeeds with: `jwtTemplate` ({@link JWTTemplate}), beside the `requestID` and
 * `statusCode` every response carries.
 *
 * @since 0.1.0
 * @category models
 */
export interface SetResponse extends Schema.Schema.Type<typeof SetResponse_> {}
/**
 * The schema of {@link SetResponse}: decodes the JSON body of a successful {@link set} (snake_case keys) into
 * it; a body that does not fit fails with an `UnexpectedResponseError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetResponse: Schema.Schema<SetResponse, typeof SetResponse_.Encoded> = SetResponse_

/**
 * The endpoint definitions of this group.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const endpoints = Endpoint.group("jwtTemplates", {
  get: {
    method: "GET",
    path: `${PE}/jwt_templates/{jwt_template_type}`,
    request: GetRequest,
    response: GetResponse,
    description: "Gets the environment's JWT template of a type (empty until one is set)."
  },
  set: {
    method: "PUT",
    path: `${PE}/jwt_templates/{jwt_template_type}`,
    request: SetRequest,
    response: SetResponse,
    description: "Sets (replaces) the environment's JWT template of a type."
  }
})

/**
 * Gets the environment's JWT template of a type. Before any `set` it is an
 * empty template (`templateContent` and `customAudience` are `""`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { JWTTemplates } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { jwtTemplate } = yield* JWTTemplates.get({
 *     projectSlug: "my-project",
 *     environmentSlug: "production",
 *     jwtTemplateType: "SESSION"
 *   })
 *   return jwtTemplate.templateContent
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const get = Endpoint.operation(endpoints.get)

/**
 * Sets (replaces) the environment's JWT template of a type; returns it.
 *
 * @example
 * ```ts
 * import { JWTTemplates } from "@stytch-effect/resources"
 *
 * const program = JWTTemplates.set({
 *   projectSlug: "my-project",
 *   environmentSlug: "production",
 *   jwtTemplateType: "SESSION",
 *   templateContent: JSON.stringify({ tier: "{{ user.trusted_metadata.tier }}" }),
 *   customAudience: "https://api.example.com"
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const set = Endpoint.operation(endpoints.set)
