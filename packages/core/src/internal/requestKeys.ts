/**
 * Keys of a request that are spelt like one of its fields but are not it:
 * the wire name (`project_slug`, as REST, Go and stytch-node callers write
 * it) or another casing (`secretId`) of a field (`projectSlug`, `secretID`).
 * Schema encoding ignores unknown keys, so without this check such a key is
 * silently dropped (an optional field) or reported as a missing field.
 *
 * The check is built once per endpoint from its request schema (nested
 * structs, arrays, unions, classes and optional fields included) and costs a
 * lookup per key of the input.
 *
 * @internal
 */
import type * as SchemaAST from "effect/SchemaAST"

/** What the keys of a value are checked against: its struct's fields and, for an array, its items'. */
interface Check {
  /** Domain field name → the check of its value (`undefined`: a value with no fields to check). */
  readonly fields: Map<string, Check | undefined>
  /** Normalised name (no `_`, lowercase) → domain field name. */
  readonly byNormal: Map<string, string>
  items: Check | undefined
}

const normal = (key: string) => key.replace(/_/g, "").toLowerCase()

const empty = (): Check => ({ fields: new Map(), byNormal: new Map(), items: undefined })

const merge = (into: Check, from: Check | undefined): Check => {
  if (from === undefined) return into
  for (const [field, check] of from.fields) {
    const existing = into.fields.get(field)
    into.fields.set(field, existing === undefined ? check : merge(existing, check))
  }
  for (const [key, field] of from.byNormal) if (!into.byNormal.has(key)) into.byNormal.set(key, field)
  if (from.items !== undefined) into.items = merge(into.items ?? empty(), from.items)
  return into
}

/** The check of a struct: its (domain) fields and the checks of their values. */
const structCheck = (properties: ReadonlyArray<SchemaAST.PropertySignature>, seen: Set<SchemaAST.AST>): Check => {
  const check = empty()
  for (const property of properties) {
    const field = String(property.name)
    check.fields.set(field, checkOf(property.type, seen))
    check.byNormal.set(normal(field), field)
  }
  return check
}

const mergeAll = (asts: ReadonlyArray<SchemaAST.AST>, seen: Set<SchemaAST.AST>): Check | undefined =>
  asts.reduce<Check | undefined>((acc, ast) => {
    const check = checkOf(ast, seen)
    return check === undefined ? acc : merge(acc ?? empty(), check)
  }, undefined)

/**
 * The check of the values a schema encodes: its type side (`to` of a
 * transformation, such as a struct's `fromKey` renames or a class).
 */
const checkOf = (ast: SchemaAST.AST, seen: Set<SchemaAST.AST>): Check | undefined => {
  if (seen.has(ast)) return undefined
  seen.add(ast)
  try {
    switch (ast._tag) {
      case "Refinement":
        return checkOf(ast.from, seen)
      case "Transformation":
        return checkOf(ast.to, seen)
      case "Declaration": // a class (its fields are its type parameter), `Redacted`, …
        return mergeAll(ast.typeParameters, seen)
      case "TypeLiteral":
        return ast.propertySignatures.length === 0 ? undefined : structCheck(ast.propertySignatures, seen)
      case "Union":
        return mergeAll(ast.types, seen)
      case "TupleType": {
        const items = mergeAll([...ast.elements.map((e) => e.type), ...ast.rest.map((r) => r.type)], seen)
        return items === undefined ? undefined : { ...empty(), items }
      }
      case "Suspend":
        return checkOf(ast.f(), seen)
      default:
        return undefined
    }
  } finally {
    seen.delete(ast)
  }
}

/** A key spelt like a field it is not: where it is and the field meant. */
export interface Misspelt {
  /** The path of the key as written (`destinationConfig.datadog.api_key`). */
  readonly key: string
  /** The path of the field meant (`destinationConfig.datadog.apiKey`). */
  readonly field: string
  /** The field meant, without its path (`apiKey`). */
  readonly name: string
}

const within = (prefix: string, found: Misspelt | undefined): Misspelt | undefined =>
  found === undefined ? undefined : { ...found, key: `${prefix}.${found.key}`, field: `${prefix}.${found.field}` }

/** Paths are built on the way out, only for a key found: nothing is allocated for a well-spelt request. */
const find = (check: Check, value: unknown): Misspelt | undefined => {
  if (typeof value !== "object" || value === null) return undefined
  if (Array.isArray(value)) {
    if (check.items === undefined) return undefined
    for (let i = 0; i < value.length; i++) {
      const found = find(check.items, value[i])
      if (found !== undefined) return within(String(i), found)
    }
    return undefined
  }
  const record = value as Record<string, unknown>
  for (const key in record) {
    const inner = check.fields.get(key)
    if (inner !== undefined) {
      const found = find(inner, record[key])
      if (found !== undefined) return within(key, found)
      continue
    }
    if (check.fields.has(key)) continue
    const name = check.byNormal.get(normal(key))
    if (name !== undefined && record[name] === undefined) return { key, field: name, name }
  }
  return undefined
}

/**
 * The finder of misspelt keys for a request schema, or `undefined` when the
 * schema has no fields to check.
 *
 * @internal
 */
export const misspeltKeys = (ast: SchemaAST.AST): ((input: unknown) => Misspelt | undefined) | undefined => {
  const check = checkOf(ast, new Set())
  return check === undefined ? undefined : (input) => find(check, input)
}
