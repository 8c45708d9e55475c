/**
 * The facade's plain-string rule: the Effect API returns secrets (a created
 * secret's value, event-log-streaming API keys and passwords) as
 * `Redacted<string>`; the promise facade returns them as plain strings, as
 * the official SDK does. Generic: nothing here knows any endpoint.
 *
 * @internal
 */
import * as Redacted from "effect/Redacted"
import * as SchemaAST from "effect/SchemaAST"

type IsAny<A> = 0 extends 1 & A ? true : false

/**
 * Whether a type holds a `Redacted` anywhere inside.
 *
 * @internal
 */
export type HasRedacted<A> = IsAny<A> extends true ? false
  : A extends Redacted.Redacted<unknown> ? true
  : A extends (...args: ReadonlyArray<never>) => unknown ? false
  : A extends ReadonlyArray<infer E> ? HasRedacted<E>
  : A extends object ? true extends { [K in keyof A]-?: HasRedacted<A[K]> }[keyof A] ? true : false
  : false

/**
 * `A` with every `Redacted<V>` inside replaced by `V`, deeply (objects,
 * arrays, optional fields); a type without a `Redacted` is `A` itself.
 *
 * @since 0.1.0
 * @category models
 */
export type Unredacted<A> = HasRedacted<A> extends false ? A
  : A extends Redacted.Redacted<infer V> ? V
  : A extends ReadonlyArray<unknown> ? { readonly [K in keyof A]: Unredacted<A[K]> }
  : A extends object ? { readonly [K in keyof A]: Unredacted<A[K]> }
  : A

const isRedactedDeclaration = (ast: SchemaAST.AST): boolean => {
  const annotation = ast.annotations[SchemaAST.TypeConstructorAnnotationId] as { readonly _tag?: unknown } | undefined
  return annotation?._tag === "effect/Redacted"
}

/**
 * Whether values decoded by a schema can hold a `Redacted`: walks the type
 * side of its AST (a class's fields included), once per schema.
 *
 * @internal
 */
export const containsRedacted = (ast: SchemaAST.AST, seen: Set<SchemaAST.AST> = new Set()): boolean => {
  if (seen.has(ast)) return false
  seen.add(ast)
  switch (ast._tag) {
    case "Declaration":
      return isRedactedDeclaration(ast) || ast.typeParameters.some((t) => containsRedacted(t, seen))
    case "Refinement":
      return containsRedacted(ast.from, seen)
    case "Transformation":
      return containsRedacted(ast.to, seen)
    case "Suspend":
      return containsRedacted(ast.f(), seen)
    case "Union":
      return ast.types.some((t) => containsRedacted(t, seen))
    case "TupleType":
      return ast.elements.some((e) => containsRedacted(e.type, seen)) || ast.rest.some((r) => containsRedacted(r.type, seen))
    case "TypeLiteral":
      return ast.propertySignatures.some((p) => containsRedacted(p.type, seen)) ||
        ast.indexSignatures.some((i) => containsRedacted(i.type, seen))
    default:
      return false
  }
}

/**
 * A value with every `Redacted` inside replaced by its content. Arrays and
 * objects on the way to a `Redacted` are copied (a class instance becomes a
 * plain object with the same fields); everything else is shared.
 *
 * @internal
 */
export const unredact = (value: unknown): unknown => {
  if (typeof value !== "object" || value === null) return value
  if (Redacted.isRedacted(value)) return Redacted.value(value)
  if (Array.isArray(value)) {
    let out: Array<unknown> | undefined
    for (let i = 0; i < value.length; i++) {
      const item = unredact(value[i])
      if (item !== value[i]) (out ??= value.slice())[i] = item
    }
    return out ?? value
  }
  let changed = false
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key]
    const mapped = unredact(field)
    if (mapped !== field) changed = true
    out[key] = mapped
  }
  return changed ? out : value
}
