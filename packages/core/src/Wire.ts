/**
 * Building blocks for wire schemas: snake_case JSON on the wire, camelCase in
 * the domain, open enums, and the response envelope every operation shares.
 *
 * @since 0.1.0
 */
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"

const describe = (description: string | undefined) => description === undefined ? {} : { description }

/**
 * A required field whose wire key differs from its domain key
 * (`secretID: Wire.field("secret_id", Schema.String)`). The optional
 * description (from the API reference) is shown in the OpenAPI document.
 *
 * @since 0.1.0
 * @category fields
 */
export const field = <const Key extends string, S extends Schema.Schema.All>(
  key: Key,
  schema: S,
  description?: string
) => Schema.propertySignature(schema).annotations(describe(description)).pipe(Schema.fromKey(key))

/**
 * An optional field whose wire key differs from its domain key. Absent on
 * the wire ⇔ absent in the domain (never `undefined`).
 *
 * @since 0.1.0
 * @category fields
 */
export const optionalField = <const Key extends string, S extends Schema.Schema.All>(
  key: Key,
  schema: S,
  description?: string
) => Schema.optional(schema).annotations(describe(description)).pipe(Schema.fromKey(key))

/**
 * A value of an open enum: one of the known literals, or any other string the
 * server may add later (so new values still decode).
 *
 * @since 0.1.0
 * @category enums
 */
export type Open<Literal extends string> = Literal | (string & {})

/**
 * A schema for an open enum. The known literals are kept for documentation
 * (`.literals`) and appear in the OpenAPI document; any string decodes.
 *
 * @since 0.1.0
 * @category enums
 */
export interface OpenEnum<Literals extends ReadonlyArray<string>>
  extends Schema.Schema<Open<Literals[number]>, Open<Literals[number]>>
{
  readonly literals: Literals
}

/**
 * Makes an {@link OpenEnum} schema: `Wire.OpenEnum("Vertical", "ALL",
 * "CONSUMER", "B2B")`. Prefer {@link Enum}, whose `open` is this.
 *
 * @since 0.1.0
 * @category enums
 */
export const OpenEnum = <const Literals extends ReadonlyArray<string>>(
  identifier: string,
  ...literals: Literals
): OpenEnum<Literals> => {
  const schema: Schema.Schema<Open<Literals[number]>> = Schema.String.annotations({
    identifier,
    description: `One of ${literals.join(", ")}; other values may be added by the server.`,
    jsonSchema: { anyOf: [{ type: "string", enum: literals }, { type: "string" }] }
  })
  return Object.assign(schema, { literals })
}

/**
 * A closed enum, for requests: only the known literals are accepted, so a
 * typo is a compile error and, for untyped callers, an `InvalidRequestError`
 * before anything is sent. {@link Enum.open} is the same enum for responses,
 * where any other string the server may add still decodes.
 *
 * ```ts
 * export const Vertical = Wire.Enum("Vertical", "ALL", "CONSUMER", "B2B")
 * export type Vertical = typeof Vertical.Type      // "ALL" | "CONSUMER" | "B2B"
 * // request field:  vertical: Schema.optional(Vertical)
 * // response field: vertical: Schema.optional(Vertical.open)
 * ```
 *
 * @since 0.1.0
 * @category enums
 */
export interface Enum<Literals extends ReadonlyArray<string>> extends Schema.Schema<Literals[number]> {
  readonly literals: Literals
  /** The open form of this enum, for responses. */
  readonly open: OpenEnum<Literals>
}

/**
 * Makes an {@link Enum} schema (closed, with its open form as `.open`):
 * `Wire.Enum("Vertical", "ALL", "CONSUMER", "B2B")`.
 *
 * @since 0.1.0
 * @category enums
 */
export const Enum = <const Literals extends ReadonlyArray<string>>(
  identifier: string,
  ...literals: Literals
): Enum<Literals> => {
  const closed: Schema.Schema<Literals[number]> = Schema.Literal(...literals).annotations({
    description: `${identifier}: one of ${literals.join(", ")}.`
  })
  const open = OpenEnum(identifier, ...literals) as unknown as OpenEnum<Literals>
  return Object.assign(closed, { literals, open })
}

/**
 * A path parameter: a non-empty string. Emptiness is also checked before any
 * request is built, with a clearer error.
 *
 * @since 0.1.0
 * @category fields
 */
export const PathParam = Schema.String.pipe(Schema.minLength(1))

/**
 * A secret sent in a request (an API key, a password): the caller passes a
 * plain `string` or a `Redacted<string>`, and the plain string is sent on
 * the wire. Decoding a wire value (as the fake server does) gives a
 * `Redacted<string>`, so a secret that came from the wire never prints.
 *
 * Secrets in RESPONSES are `Schema.Redacted(Schema.String)` instead: always
 * `Redacted<string>` in the domain, printed as `<redacted>` by `String`,
 * `JSON.stringify`, `Inspectable.format`, loggers and spans; read one with
 * `Redacted.value`. Such a value can be passed back in a request as is.
 *
 * ```ts
 * const DatadogConfigInput = Schema.Struct({ apiKey: Wire.field("api_key", Wire.Secret) })
 * // { apiKey: "dd-key" } and { apiKey: Redacted.make("dd-key") } both send {"api_key":"dd-key"}
 * ```
 *
 * @since 0.1.0
 * @category fields
 */
export interface Secret extends Schema.Schema<string | Redacted.Redacted<string>, string> {}

/**
 * {@link Secret} with a description for the OpenAPI document (a description
 * given to `Wire.field` is not shown for a transformed field such as this):
 * `Wire.field("api_key", Wire.secret("Datadog API key."))`.
 *
 * @since 0.1.0
 * @category fields
 */
export const secret = (description?: string): Secret =>
  Schema.transform(
    Schema.String.annotations(describe(description)),
    Schema.Union(Schema.RedactedFromSelf(Schema.String), Schema.String),
    {
      strict: true,
      decode: (value): string | Redacted.Redacted<string> => Redacted.make(value),
      encode: (value) => Redacted.isRedacted(value) ? Redacted.value(value) : value
    }
  )

/**
 * {@link secret} without a description: `Wire.field("api_key", Wire.Secret)`.
 *
 * @since 0.1.0
 * @category fields
 */
export const Secret: Secret = secret()

/**
 * The fields every response carries.
 *
 * @since 0.1.0
 * @category envelope
 */
export const envelopeFields = {
  requestID: field("request_id", Schema.String),
  statusCode: field("status_code", Schema.Number)
}

/**
 * A response: the envelope plus the operation's payload fields.
 *
 * @since 0.1.0
 * @category envelope
 */
export const Response = <Fields extends Schema.Struct.Fields>(fields: Fields) =>
  Schema.Struct({ ...envelopeFields, ...fields })
