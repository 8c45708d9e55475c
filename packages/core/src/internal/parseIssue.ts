/**
 * Parse issues as short messages a caller can act on, one per field:
 * `vertical: expected one of "ALL" | "CONSUMER" | "B2B", received "B2C_TYPO"`,
 * `name: expected string, received number`.
 *
 * Values are never shown (requests and responses may carry secrets), except
 * the received value of an enum (a literal union), which only requests show
 * (a value the caller wrote, compared with a closed list), cut to 40
 * characters.
 *
 * @internal
 */
import * as ParseResult from "effect/ParseResult"
import * as SchemaAST from "effect/SchemaAST"

/** @internal */
export interface Described {
  /** The path of the first issue (`destinationConfig.datadog.site`), `""` at the root. */
  readonly path: string
  /** Every issue, `<path>: <what was expected>, received <what>`, joined by `; `. */
  readonly message: string
}

/**
 * The literals of a literal union (`"ALL" | "CONSUMER" | "B2B"`, optional or
 * not), or `undefined` when the schema is anything else.
 */
const literalsOf = (ast: SchemaAST.AST): ReadonlyArray<SchemaAST.LiteralValue> | undefined => {
  if (ast._tag === "Literal") return [ast.literal]
  if (ast._tag !== "Union") return undefined
  const literals: Array<SchemaAST.LiteralValue> = []
  for (const member of ast.types) {
    // `undefined` is the optional field's own member: omitting the field is always allowed.
    if (member._tag === "UndefinedKeyword") continue
    const inner = literalsOf(member)
    if (inner === undefined) return undefined
    literals.push(...inner)
  }
  return literals.length === 0 ? undefined : literals
}

const literalText = (value: SchemaAST.LiteralValue) => typeof value === "bigint" ? `${value}n` : JSON.stringify(value)

/** What was received, as a kind (`number`, `an object`): never the value. */
const kindOf = (actual: unknown): string =>
  actual === null
    ? "null"
    : Array.isArray(actual)
    ? "an array"
    : typeof actual === "object"
    ? "an object"
    : typeof actual

const MAX_SHOWN = 40

/** The received value of an enum field, when it may be shown; its kind otherwise. */
const receivedOf = (actual: unknown, showValue: boolean): string => {
  if (!showValue) return kindOf(actual)
  if (typeof actual === "string") {
    return actual.length <= MAX_SHOWN ? JSON.stringify(actual) : `${JSON.stringify(actual.slice(0, MAX_SHOWN))}… (${actual.length} characters)`
  }
  if (typeof actual === "number" || typeof actual === "boolean" || actual === null) return String(actual)
  return kindOf(actual)
}

const expectedOf = (literals: ReadonlyArray<SchemaAST.LiteralValue>) =>
  literals.length === 1 ? literalText(literals[0]!) : `one of ${literals.map(literalText).join(" | ")}`

const hasMessage = (ast: SchemaAST.AST) => ast.annotations[SchemaAST.MessageAnnotationId] !== undefined

const isUndefinedMember = (issue: ParseResult.ParseIssue) =>
  issue._tag === "Type" && issue.ast._tag === "UndefinedKeyword"

interface Entry {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

/** Effect's own rendering of a leaf (or of a subtree with a custom message), without the actual value. */
const formatted = (issue: ParseResult.ParseIssue, path: ReadonlyArray<PropertyKey>): Array<Entry> =>
  ParseResult.ArrayFormatter.formatIssueSync(issue).map((entry) => {
    const message = entry.message.replace(/, actual [\s\S]*$/, "")
    if (!message.startsWith("Expected ")) return { path: [...path, ...entry.path], message }
    if (issue._tag !== "Type") return { path: [...path, ...entry.path], message: `expected ${message.slice(9)}` }
    const ast = issue.ast
    const expected = ast._tag === "TypeLiteral" ? "an object" : ast._tag === "TupleType" ? "an array" : message.slice(9)
    return { path: [...path, ...entry.path], message: `expected ${expected}, received ${kindOf(issue.actual)}` }
  })

const entriesOf = (issue: ParseResult.ParseIssue, path: ReadonlyArray<PropertyKey>, showValues: boolean): Array<Entry> => {
  switch (issue._tag) {
    case "Pointer":
      return entriesOf(issue.issue, path.concat(issue.path), showValues)
    case "Composite":
    case "Type": {
      const literals = literalsOf(issue.ast)
      if (literals !== undefined && !hasMessage(issue.ast)) {
        return [{ path, message: `expected ${expectedOf(literals)}, received ${receivedOf(issue.actual, showValues)}` }]
      }
      if (issue._tag === "Type" || hasMessage(issue.ast)) return formatted(issue, path)
      const inner = issue.issues as ParseResult.ParseIssue | ReadonlyArray<ParseResult.ParseIssue>
      const all = "_tag" in inner ? [inner] : inner
      // An optional field's union also says "expected undefined": true, and no help.
      const issues = issue.ast._tag === "Union" ? all.filter((inner) => !isUndefinedMember(inner)) : all
      return (issues.length > 0 ? issues : all).flatMap((inner) => entriesOf(inner, path, showValues))
    }
    case "Refinement":
      return issue.kind === "From" && !hasMessage(issue.ast)
        ? entriesOf(issue.issue, path, showValues)
        : formatted(issue, path)
    case "Transformation":
      return issue.kind !== "Transformation" && !hasMessage(issue.ast)
        ? entriesOf(issue.issue, path, showValues)
        : formatted(issue, path)
    default:
      return formatted(issue, path)
  }
}

/**
 * A parse error as one line per field (see the module's description):
 * `showValues` lets an enum mismatch show the received value (requests only).
 *
 * @internal
 */
export const describeParseError = (error: ParseResult.ParseError, showValues = false): Described => {
  const entries = entriesOf(error.issue, [], showValues)
  const text = (path: ReadonlyArray<PropertyKey>) => path.map(String).join(".")
  const seen = new Set<string>()
  const lines: Array<string> = []
  for (const entry of entries) {
    const line = `${text(entry.path) || "(root)"}: ${entry.message}`
    if (!seen.has(line)) lines.push(line)
    seen.add(line)
  }
  return { path: entries[0] === undefined ? "" : text(entries[0].path), message: lines.join("; ") }
}
