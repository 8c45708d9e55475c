/**
 * Password strength configuration of an environment: the validation policy
 * (`ZXCVBN` or `LUDS`) and breach checks. A new environment has a default
 * configuration; `set` replaces it whole (an omitted setting is its zero
 * value, not "unchanged").
 *
 * @since 0.1.0
 */
import * as Endpoint from "@stytch-effect/core/Endpoint"
import * as Wire from "@stytch-effect/core/Wire"
import * as Schema from "effect/Schema"
import { environmentScope, PE } from "./internal/scope.js"

/**
 * The schema of {@link ValidationPolicy}, closed (the request form);
 * `ValidationPolicy.open` is the response form.
 *
 * @since 0.1.0
 * @category enums
 */
export const ValidationPolicy = Wire.Enum("ValidationPolicy", "ZXCVBN", "LUDS")

/**
 * How passwords are validated: `ZXCVBN` (strength estimate) or `LUDS`
 * (lower/upper/digit/symbol classes and a minimum length). These are the wire
 * values (the official node SDK's type lists `ValidationPolicyZXCVBN` /
 * `ValidationPolicyLUDS`, which the API does not use). Requests accept only
 * these values; responses decode any other value the server may add.
 *
 * @since 0.1.0
 * @category enums
 */
export type ValidationPolicy = typeof ValidationPolicy.Type

/**
 * A boolean that decodes as `false` when the wire leaves it out (Go drops
 * false values; the server treats a missing key as false), and is always sent.
 */
const flag = <const Key extends string>(key: Key, description: string) =>
  Schema.optionalWith(Schema.Boolean, { default: () => false }).annotations({ description }).pipe(Schema.fromKey(key))

/** A number the server may send as `null` or leave out: both decode as absent. */
const maybeNumber = <const Key extends string>(key: Key, description: string) =>
  Schema.optionalWith(Schema.Number, { nullable: true }).annotations({ description }).pipe(Schema.fromKey(key))

/**
 * An environment's password strength configuration. Under `ZXCVBN` the
 * `luds*` settings are absent.
 *
 * @since 0.1.0
 * @category models
 */
export class PasswordStrengthConfig extends Schema.Class<PasswordStrengthConfig>("PasswordStrengthConfig")({
  checkBreachOnCreation: flag("check_breach_on_creation", "Check HaveIBeenPwned when a password is first created."),
  checkBreachOnAuthentication: flag("check_breach_on_authentication", "Check HaveIBeenPwned on authentication."),
  validateOnAuthentication: flag(
    "validate_on_authentication",
    "Force a reset at authentication if the password no longer meets policy."
  ),
  validationPolicy: Wire.optionalField("validation_policy", ValidationPolicy.open, "Validation policy."),
  ludsMinPasswordLength: maybeNumber("luds_min_password_length", "Minimum length under LUDS; null/absent under ZXCVBN."),
  ludsMinPasswordComplexity: maybeNumber(
    "luds_min_password_complexity",
    "Minimum number of character classes (lower/upper/digit/symbol) under LUDS; null/absent under ZXCVBN."
  )
}) {}

const GetRequest_ = Schema.Struct(environmentScope)
/**
 * The input of {@link get}: the environment (`projectSlug`, `environmentSlug`); nothing else.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetRequest extends Schema.Schema.Type<typeof GetRequest_> {}
/**
 * The schema of {@link GetRequest}. {@link get} encodes its input with it: a value that does not fit fails
 * with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and `environmentSlug`
 * in the path, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GetRequest: Schema.Schema<GetRequest, typeof GetRequest_.Encoded> = GetRequest_

const GetResponse_ = Wire.Response({
  passwordStrengthConfig: Wire.field("password_strength_config", PasswordStrengthConfig, "Current config.")
})
/**
 * What {@link get} succeeds with: `passwordStrengthConfig` ({@link PasswordStrengthConfig}), beside the
 * `requestID` and `statusCode` every response carries.
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
  checkBreachOnCreation: flag("check_breach_on_creation", "Go omits the key when false."),
  checkBreachOnAuthentication: flag("check_breach_on_authentication", "Go omits the key when false."),
  validateOnAuthentication: flag("validate_on_authentication", "Go omits the key when false."),
  validationPolicy: Wire.optionalField("validation_policy", ValidationPolicy, "ZXCVBN or LUDS on the wire."),
  /** Minimum password length; required with `LUDS`, ignored otherwise. */
  ludsMinPasswordLength: Wire.optionalField("luds_min_password_length", Schema.Number, "Only meaningful with LUDS."),
  /** Minimum number of character classes (1–4); required with `LUDS`, ignored otherwise. */
  ludsMinPasswordComplexity: Wire.optionalField(
    "luds_min_password_complexity",
    Schema.Number,
    "Only meaningful with LUDS."
  )
})
/**
 * The input of {@link set}: the environment (`projectSlug`, `environmentSlug`), `checkBreachOnCreation`,
 * `checkBreachOnAuthentication` and `validateOnAuthentication`, and optionally `validationPolicy`,
 * `ludsMinPasswordLength` and `ludsMinPasswordComplexity`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SetRequest extends Schema.Schema.Type<typeof SetRequest_> {}
/**
 * The schema of {@link SetRequest}. {@link set} encodes its input with it: a value that does not fit fails
 * with an `InvalidRequestError` and nothing is sent; otherwise it sends `projectSlug` and `environmentSlug`
 * in the path and the other fields in the JSON body, with snake_case wire names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetRequest: Schema.Schema<SetRequest, typeof SetRequest_.Encoded> = SetRequest_

const SetResponse_ = Wire.Response({
  passwordStrengthConfig: Wire.field("password_strength_config", PasswordStrengthConfig, "Stored config.")
})
/**
 * What {@link set} succeeds with: `passwordStrengthConfig` ({@link PasswordStrengthConfig}), beside the
 * `requestID` and `statusCode` every response carries.
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
export const endpoints = Endpoint.group("passwordStrengthConfig", {
  get: {
    method: "GET",
    path: `${PE}/password_strength_config`,
    request: GetRequest,
    response: GetResponse,
    description: "Gets the environment's password strength configuration (a new environment has a default)."
  },
  set: {
    method: "PUT",
    path: `${PE}/password_strength_config`,
    request: SetRequest,
    response: SetResponse,
    description: "Replaces the environment's password strength configuration; an omitted setting is its zero value."
  }
})

/**
 * Gets the environment's password strength configuration. A new environment
 * has a default one.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { PasswordStrengthConfig } from "@stytch-effect/resources"
 *
 * const program = Effect.gen(function* () {
 *   const { passwordStrengthConfig } = yield* PasswordStrengthConfig.get({
 *     projectSlug: "my-project",
 *     environmentSlug: "production"
 *   })
 *   return passwordStrengthConfig.validationPolicy
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const get = Endpoint.operation(endpoints.get)

/**
 * Replaces the environment's password strength configuration and returns
 * it. Not a partial update: every boolean must be given (`false` is sent as
 * `false`), and the `luds*` settings apply only to `LUDS`.
 *
 * @example
 * ```ts
 * import { PasswordStrengthConfig } from "@stytch-effect/resources"
 *
 * const program = PasswordStrengthConfig.set({
 *   projectSlug: "my-project",
 *   environmentSlug: "production",
 *   checkBreachOnCreation: true,
 *   checkBreachOnAuthentication: true,
 *   validateOnAuthentication: false,
 *   validationPolicy: "LUDS",
 *   ludsMinPasswordLength: 12,
 *   ludsMinPasswordComplexity: 3
 * })
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const set = Endpoint.operation(endpoints.set)
