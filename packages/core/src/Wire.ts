/**
 * Building blocks for wire schemas: snake_case JSON on the wire, camelCase in
 * the domain, open enums, and the response envelope every operation shares.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * A required field whose wire key differs from its domain key
 * (`secretID: Wire.field("secret_id", Schema.String)`).
 *
 * @since 0.1.0
 * @category fields
 */
export const field = <const Key extends string, S extends Schema.Schema.All>(key: Key, schema: S) =>
  Schema.propertySignature(schema).pipe(Schema.fromKey(key))

/**
 * An optional field whose wire key differs from its domain key. Absent on
 * the wire ⇔ absent in the domain (never `undefined`).
 *
 * @since 0.1.0
 * @category fields
 */
export const optionalField = <const Key extends string, S extends Schema.Schema.All>(key: Key, schema: S) =>
  Schema.optional(schema).pipe(Schema.fromKey(key))

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
 * A path parameter: a non-empty string. Emptiness is also checked before any
 * request is built, with a clearer error.
 *
 * @since 0.1.0
 * @category fields
 */
export const PathParam = Schema.String.pipe(Schema.minLength(1))

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
