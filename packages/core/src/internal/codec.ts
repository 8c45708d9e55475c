/**
 * A compiled fast path for the schemas of our endpoints: once per operation,
 * a request schema (encoding) or a response schema (decoding) becomes a plain
 * function that gives the same value as Effect Schema on success, or {@link miss}.
 *
 * It knows the AST kinds our wire schemas are made of: keywords, literals,
 * refinements of them (their own `filter` is called), unions, arrays,
 * structs and records (`TypeLiteral`), `fromKey` renames and optional
 * defaults (their own property signature transformations), and
 * transformations and declarations (`Schema.Class`, `Redacted`: their own
 * decode/encode functions are called, so classes are constructed as Schema
 * constructs them). A schema with any other kind, or an annotation that
 * changes parsing, compiles to `undefined` (no fast path). On an input it
 * does not accept the function returns {@link miss} and the caller runs the
 * Schema parser, whose result and error messages are the reference: the fast
 * path only ever skips work on success. `packages/core/test/Codec.test.ts`
 * proves the equivalence for every endpoint of the SDK.
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
export const miss: unique symbol = Symbol("miss") as never

/** A compiled parser: the output, or {@link miss}. */
type Parse = (input: unknown) => unknown

const options = SchemaAST.defaultParseOption

/** The value of an `Either` that is a success; {@link miss} for a failure or an asynchronous effect. */
const rightOf = (result: unknown): unknown => Either.isEither(result) && Either.isRight(result) ? result.right : miss

/** Thrown while compiling a node this module does not know; `compile` gives `undefined` for it. */
const unknownNode = (): never => {
  throw miss
}

/** The `typeof` of the values a keyword accepts. */
const keywords: Record<string, string> = {
  StringKeyword: "string",
  NumberKeyword: "number",
  BooleanKeyword: "boolean",
  UndefinedKeyword: "undefined"
}

/**
 * Whether a schema only accepts primitives and gives them back as they are
 * (keywords, literals, refinements and unions of them). A union with at most
 * one other member tries its members in the order Schema does: Schema tries
 * a member keyed by a literal field first, but only objects reach one, which
 * no primitive member accepts.
 */
const isPrimitive = (ast: SchemaAST.AST): boolean =>
  ast._tag in keywords || ast._tag === "Literal" ||
  (ast._tag === "Refinement" ? isPrimitive(ast.from) : ast._tag === "Union" && ast.types.every(isPrimitive))

/**
 * A struct: its fields, optional ones only when present, then its
 * string-keyed index signatures (`Schema.Record`), which check the value of a
 * field's key too but do not overwrite it. Other keys are dropped, as Schema
 * drops them; `{}` accepts any non-nullable value and gives it back as is.
 */
const struct = (ast: SchemaAST.TypeLiteral, isDecoding: boolean): Parse => {
  const fields = ast.propertySignatures.map((ps) => [ps.name, ps.isOptional, go(ps.type, isDecoding)] as const)
  const indexes = ast.indexSignatures.map((is) =>
    is.parameter._tag === "StringKeyword" ? go(is.type, isDecoding) : unknownNode()
  )
  if (fields.length + indexes.length === 0) return (input) => input == null ? miss : input
  const names = new Set(fields.map(([name]) => name))
  return (input) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return miss
    const record = input as Record<PropertyKey, unknown>
    const output: Record<PropertyKey, unknown> = {}
    for (const [name, isOptional, parse] of fields) {
      if (isOptional && !Object.hasOwn(record, name)) continue
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
 * The property signature transformations of a struct (renames, defaults),
 * applied as Schema applies them, to the fresh object the struct before them made.
 * Deleting a key slows every later read of the object, so a key is deleted
 * only when something reads it later (a later transformation or the struct
 * after, which drops any other key).
 */
const renames = (
  ast: SchemaAST.Transformation,
  t: SchemaAST.TypeLiteralTransformation,
  isDecoding: boolean
): Parse => {
  const reader = isDecoding ? ast.to : ast.from
  if (reader._tag !== "TypeLiteral" || (isDecoding ? ast.from : ast.to)._tag !== "TypeLiteral") unknownNode()
  const { indexSignatures, propertySignatures } = reader as SchemaAST.TypeLiteral
  const steps = t.propertySignatureTransformations.map((pst) =>
    isDecoding ? [pst.from, pst.to, pst.decode] as const : [pst.to, pst.from, pst.encode] as const
  )
  const read = steps.map(([from], i) =>
    indexSignatures.length > 0 || propertySignatures.some((ps) => ps.name === from) ||
    steps.slice(i + 1).some((later) => later[0] === from)
  )
  return (input) => {
    const record = input as Record<PropertyKey, unknown>
    steps.forEach(([from, to, f], i) => {
      const o = f(Object.hasOwn(record, from) ? Option.some(record[from]) : Option.none())
      if (read[i]) delete record[from]
      if (Option.isSome(o)) record[to] = o.value
    })
    return record
  }
}

/** A node's parser; throws for a node this module does not know. */
const go = (ast: SchemaAST.AST, isDecoding: boolean): Parse => {
  // Annotations that change how Schema parses a node: not handled.
  if (
    ast.annotations[SchemaAST.ParseOptionsAnnotationId] !== undefined ||
    ast.annotations[SchemaAST.DecodingFallbackAnnotationId] !== undefined
  ) return unknownNode()
  switch (ast._tag) {
    case "UnknownKeyword":
    case "AnyKeyword":
      return (input) => input
    case "Literal":
      return (input) => input === ast.literal ? input : miss
    case "Refinement": {
      // Only over primitives, where encoding is checking too (Schema encodes a refinement by decoding its type side).
      const from = isPrimitive(ast.from) ? go(ast.from, isDecoding) : unknownNode()
      return (input) => {
        const value = from(input)
        return value !== miss && Option.isNone(ast.filter(value, options, ast)) ? value : miss
      }
    }
    case "Union": {
      const members = ast.types.filter((member) => !isPrimitive(member)).length > 1
        ? unknownNode()
        : ast.types.map((member) => go(member, isDecoding))
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
      const item = ast.elements.length === 0 && ast.rest.length === 1 ? go(ast.rest[0]!.type, isDecoding) : unknownNode()
      return (input) => {
        if (!Array.isArray(input)) return miss
        const output: Array<unknown> = []
        for (let i = 0; i < input.length; i++) if ((output[i] = item(input[i])) === miss) return miss
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
      const t = ast.transformation
      const from = go(isDecoding ? ast.from : ast.to, isDecoding)
      const to = go(isDecoding ? ast.to : ast.from, isDecoding)
      const f = t._tag === "FinalTransformation" ? (isDecoding ? t.decode : t.encode) : undefined
      const step: (value: unknown, input: unknown) => unknown = f !== undefined
        ? (value, input) => rightOf(f(value, options, ast, input))
        : t._tag === "TypeLiteralTransformation"
        ? renames(ast, t, isDecoding)
        : unknownNode()
      return (input) => {
        const a = from(input)
        const b = a === miss ? miss : step(a, input)
        return b === miss ? miss : to(b)
      }
    }
  }
  const type = keywords[ast._tag] ?? unknownNode()
  return (input) => typeof input === type ? input : miss
}

/**
 * The fast path of a schema: decoding (from the wire) or encoding (to the
 * wire) as a plain function returning the same value as Schema, or
 * {@link miss}; `undefined` when the schema has a node this module does not
 * know. A function that throws (as a user transformation may) also misses,
 * so Schema's own call decides what happens.
 *
 * @internal
 */
export const compile = (ast: SchemaAST.AST, isDecoding: boolean): Parse | undefined => {
  let parse: Parse
  try {
    parse = go(ast, isDecoding)
  } catch {
    return undefined
  }
  return (input) => {
    try {
      return parse(input)
    } catch {
      return miss
    }
  }
}
