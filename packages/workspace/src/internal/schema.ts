import * as AST from "effect/SchemaAST"
import * as Schema from "effect/Schema"

/** `T` with every object field optional, at every depth; array items stay whole. @internal */
export type DeepPartial<T> = T extends ReadonlyArray<unknown> ? T
  : T extends object ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
  : T

const partialAST = (ast: AST.AST): AST.AST => {
  switch (ast._tag) {
    case "TypeLiteral":
      return new AST.TypeLiteral(
        ast.propertySignatures.map((signature) =>
          new AST.PropertySignature(
            signature.name,
            partialAST(signature.type),
            true,
            signature.isReadonly,
            signature.annotations
          )
        ),
        ast.indexSignatures,
        ast.annotations
      )
    case "Union":
      return AST.Union.make(ast.types.map(partialAST), ast.annotations)
    default:
      return ast
  }
}

/**
 * The document form of a resource's request schema: its domain (camelCase)
 * side only, so a document is written with the same names as the operations
 * take, and every object field optional at every depth (an absent field means
 * "whatever the server has", as Terraform's optional+computed fields).
 *
 * @internal
 */
export const documentForm = <A, I>(schema: Schema.Schema<A, I>): Schema.Schema<DeepPartial<A>> =>
  Schema.make(partialAST(AST.typeAST(schema.ast)))

/** The domain side of a schema (encoded = decoded, camelCase names). @internal */
export const domainForm = <A, I>(schema: Schema.Schema<A, I>): Schema.Schema<A> => Schema.typeSchema(schema)
