/**
 * A compiled fast path for the schemas of our endpoints: once per operation,
 * a request schema (encoding) or a response schema (decoding) becomes a plain
 * function that gives the same value as Effect Schema on success, or {@link miss}.
 *
 * It knows the AST kinds our wire schemas are made of: keywords, literals,
 * refinements of them (their own `filter` is called), unions, arrays,
 * structs (`TypeLiteral`), `fromKey` renames and optional defaults (their own
 * property signature transformations), and transformations and declarations
 * (`Schema.Class`, `Redacted`: their own decode/encode functions are called,
 * so classes are constructed as Schema constructs them). A schema with any
 * other kind or annotation that changes parsing compiles to `undefined` (no
 * fast path). On any input it does not accept the function returns
 * {@link miss} and the caller runs the Schema parser, whose result and error
 * messages are the reference: the fast path only ever skips work on success.
 * `packages/core/test/Codec.test.ts` proves the equivalence for every
 * endpoint of the SDK.
 *
 * @internal
 */
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as SchemaAST from "effect/SchemaAST"

/**
 * What a compiled function returns for an input it does not accept (the
 * caller then runs the Schema parser).
 *
 * @internal
 */
export const miss: unique symbol = Symbol.for("@stytch-effect/core/codec/miss")

/** A compiled parser: the output, or {@link miss}. */
type Parse = (input: unknown) => unknown

const options = SchemaAST.defaultParseOption
const identity: Parse = (input) => input
const check = (accepts: (input: unknown) => boolean): Parse => (input) => accepts(input) ? input : miss

/** The value of an `Either` that is a success; {@link miss} for a failure or an asynchronous effect. */
const rightOf = (result: unknown): unknown =>
  Either.isEither(result) && Either.isRight(result) ? result.right : miss

/**
 * Whether a schema only accepts primitives and gives them back as they are
 * (keywords, literals, refinements and unions of them). A union with at most
 * one other member tries its members in the order Schema does: Schema tries
 * a member keyed by a literal field first, but only objects reach one, which
 * no primitive member accepts.
 */
const isPrimitive = (ast: SchemaAST.AST): boolean => {
  switch (ast._tag) {
    case "StringKeyword":
    case "NumberKeyword":
    case "BooleanKeyword":
    case "UndefinedKeyword":
    case "Literal":
      return true
    case "Refinement":
      return isPrimitive(ast.from)
    case "Union":
      return ast.types.every(isPrimitive)
    default:
      return false
  }
}

/**
 * A struct: its fields, where optional ones only when present, then its
 * string-keyed index signatures (`Schema.Record`), which check the value of a
 * field's key too but do not overwrite it. Other keys are dropped, as Schema
 * drops them.
 */
const struct = (ast: SchemaAST.TypeLiteral, isDecoding: boolean): Parse | undefined => {
  // Schema accepts any non-nullable value for `{}` and gives it back as is.
  if (ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0) {
    return check((input) => input !== null && input !== undefined)
  }
  const fields: Array<readonly [PropertyKey, boolean, Parse]> = []
  for (const ps of ast.propertySignatures) {
    const parse = compileNode(ps.type, isDecoding)
    if (parse === undefined) return undefined
    fields.push([ps.name, ps.isOptional, parse])
  }
  const indexes: Array<Parse> = []
  for (const is of ast.indexSignatures) {
    const parse = is.parameter._tag === "StringKeyword" ? compileNode(is.type, isDecoding) : undefined
    if (parse === undefined) return undefined
    indexes.push(parse)
  }
  const names = new Set(fields.map(([name]) => name))
  return (input) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return miss
    const record = input as Record<PropertyKey, unknown>
    const output: Record<PropertyKey, unknown> = {}
    for (const [name, isOptional, parse] of fields) {
      if (isOptional && !Object.prototype.hasOwnProperty.call(record, name)) continue
      const value = parse(record[name])
      if (value === miss) return miss
      output[name] = value
    }
    for (const parse of indexes) {
      for (const key of Object.keys(record)) {
        const value = parse(record[key])
        if (value === miss) return miss
        if (!names.has(key)) output[key] = value
      }
    }
    return output
  }
}

/**
 * The transformation step of a `Transformation`, as Schema applies it: a
 * class's or `Redacted`'s own decode/encode, or the property signature
 * transformations of a struct (renames, defaults) on the fresh object the
 * struct parser made.
 */
const transformation = (
  ast: SchemaAST.Transformation,
  isDecoding: boolean
): ((value: unknown, input: unknown) => unknown) | undefined => {
  const t = ast.transformation
  switch (t._tag) {
    case "FinalTransformation": {
      const f = isDecoding ? t.decode : t.encode
      return (value, input) => rightOf(f(value, options, ast, input))
    }
    case "ComposeTransformation":
      return identity
    case "TypeLiteralTransformation": {
      if (ast.from._tag !== "TypeLiteral" || ast.to._tag !== "TypeLiteral") return undefined
      // The struct that reads the result; a key it does not read is dropped by it anyway.
      const reader = isDecoding ? ast.to : ast.from
      const next = new Set(reader.propertySignatures.map((ps) => ps.name))
      const steps = t.propertySignatureTransformations.map((pst, i, all) => {
        const [from, to, f] = isDecoding ? [pst.from, pst.to, pst.decode] : [pst.to, pst.from, pst.encode]
        // Deleting a key slows every later read of the object: only done when someone reads that key later.
        const read = reader.indexSignatures.length > 0 || next.has(from) || all.slice(i + 1).some((later) => (isDecoding ? later.from : later.to) === from)
        return [from, to, f, read] as const
      })
      return (value) => {
        const record = value as Record<PropertyKey, unknown>
        for (const [from, to, f, read] of steps) {
          const o = f(Object.prototype.hasOwnProperty.call(record, from) ? Option.some(record[from]) : Option.none())
          if (read) delete record[from]
          if (Option.isSome(o)) record[to] = o.value
        }
        return record
      }
    }
  }
}

const compileNode = (ast: SchemaAST.AST, isDecoding: boolean): Parse | undefined => {
  // Annotations that change how Schema parses a node: not handled.
  if (
    ast.annotations[SchemaAST.ParseOptionsAnnotationId] !== undefined ||
    ast.annotations[SchemaAST.DecodingFallbackAnnotationId] !== undefined
  ) return undefined
  switch (ast._tag) {
    case "StringKeyword":
      return check((input) => typeof input === "string")
    case "NumberKeyword":
      return check((input) => typeof input === "number")
    case "BooleanKeyword":
      return check((input) => typeof input === "boolean")
    case "UndefinedKeyword":
      return check((input) => input === undefined)
    case "UnknownKeyword":
    case "AnyKeyword":
      return identity
    case "Literal": {
      const literal = ast.literal
      return check((input) => input === literal)
    }
    case "Refinement": {
      // Only over primitives, where encoding is checking too (Schema encodes a refinement by decoding its type side).
      if (!isPrimitive(ast.from)) return undefined
      const from = compileNode(ast.from, isDecoding)
      if (from === undefined) return undefined
      return (input) => {
        const value = from(input)
        return value !== miss && Option.isNone(ast.filter(value, options, ast)) ? value : miss
      }
    }
    case "Union": {
      if (ast.types.filter((member) => !isPrimitive(member)).length > 1) return undefined
      const members: Array<Parse> = []
      for (const member of ast.types) {
        const parse = compileNode(member, isDecoding)
        if (parse === undefined) return undefined
        members.push(parse)
      }
      return (input) => {
        for (const parse of members) {
          const value = parse(input)
          if (value !== miss) return value
        }
        return miss
      }
    }
    case "TupleType": {
      // Arrays (`Schema.Array`) only.
      if (ast.elements.length > 0 || ast.rest.length !== 1) return undefined
      const item = compileNode(ast.rest[0]!.type, isDecoding)
      if (item === undefined) return undefined
      return (input) => {
        if (!Array.isArray(input)) return miss
        const output: Array<unknown> = new Array(input.length)
        for (let i = 0; i < input.length; i++) {
          const value = item(input[i])
          if (value === miss) return miss
          output[i] = value
        }
        return output
      }
    }
    case "TypeLiteral":
      return struct(ast, isDecoding)
    case "Declaration": {
      const parse = isDecoding ? ast.decodeUnknown(...ast.typeParameters) : ast.encodeUnknown(...ast.typeParameters)
      return (input) => rightOf(parse(input, options, ast))
    }
    case "Transformation": {
      const from = compileNode(isDecoding ? ast.from : ast.to, isDecoding)
      const step = transformation(ast, isDecoding)
      const to = compileNode(isDecoding ? ast.to : ast.from, isDecoding)
      if (from === undefined || step === undefined || to === undefined) return undefined
      return (input) => {
        const a = from(input)
        if (a === miss) return miss
        const b = step(a, input)
        return b === miss ? miss : to(b)
      }
    }
    default:
      return undefined
  }
}

/**
 * The fast path of a schema: `decode` (from the wire) or encode (to the
 * wire) as a plain function returning the same value as Schema, or
 * {@link miss}; `undefined` when the schema has a node this module does not
 * know. A function that throws (as a user transformation may) also misses,
 * so Schema's own call decides what happens.
 *
 * @internal
 */
export const compile = (ast: SchemaAST.AST, isDecoding: boolean): Parse | undefined => {
  const parse = compileNode(ast, isDecoding)
  if (parse === undefined) return undefined
  return (input) => {
    try {
      return parse(input)
    } catch {
      return miss
    }
  }
}
