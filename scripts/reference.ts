/**
 * The API reference: docs/reference/, committed Markdown read on GitHub or in a
 * clone, with nothing built and no server. Generated from the TypeScript
 * sources of every package under packages/ (each public module, `src/*.ts`
 * without `src/internal/`) with the compiler API: every export with its
 * signature as the `.d.ts` states it (`(request: CreateRequest) =>
 * Effect<CreateResponse, StytchError, StytchManagement>`), the union behind a
 * named error type, its JSDoc and examples.
 *
 *   pnpm reference    # regenerate docs/reference/ (test/reference.test.ts fails when it is stale)
 *
 * The examples in the JSDoc are type-checked and run by `pnpm run docs` (docgen).
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
export const referenceDir = path.join(root, "docs", "reference")

interface Package {
  /** The directory name under packages/ (`core`). */
  readonly dir: string
  /** The package name (`@stytch-effect/core`). */
  readonly name: string
  readonly description: string
  /** Public module names, sorted (`Credentials`, `Endpoint`, …). */
  readonly modules: ReadonlyArray<string>
}

const packagesOf = (): ReadonlyArray<Package> =>
  fs.readdirSync(path.join(root, "packages")).sort().flatMap((dir) => {
    const manifest = path.join(root, "packages", dir, "package.json")
    const src = path.join(root, "packages", dir, "src")
    if (!fs.existsSync(manifest) || !fs.existsSync(src)) return []
    const { description, name } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name: string; description?: string }
    const modules = fs.readdirSync(src).filter((file) => file.endsWith(".ts") && file !== "index.ts" && !file.endsWith(".d.ts"))
      .map((file) => file.replace(/\.ts$/, "")).sort()
    return [{ dir, name, description: description ?? "", modules }]
  })

/** One program over every public module, resolving `@stytch-effect/*` to the sources (root tsconfig.json `paths`). */
const programOf = (packages: ReadonlyArray<Package>): ts.Program => {
  const read = (file: string) => {
    const { config, error } = ts.readConfigFile(path.join(root, file), ts.sys.readFile)
    if (error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"))
    return config.compilerOptions as Record<string, unknown>
  }
  const { options, errors } = ts.convertCompilerOptionsFromJson({
    ...read("tsconfig.base.json"),
    paths: read("tsconfig.json").paths,
    composite: false,
    declaration: false,
    declarationMap: false,
    sourceMap: false,
    noEmit: true,
    types: ["node"]
  }, root)
  if (errors.length > 0) throw new Error(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, "\n")).join("\n"))
  // a package without src/index.ts is an executable (the cli): its modules only
  const files = packages.flatMap((p) => ["index", ...p.modules].map((m) => path.join(root, "packages", p.dir, "src", `${m}.ts`)))
    .filter((file) => fs.existsSync(file))
  return ts.createProgram(files, options)
}

const typeFlags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope |
  ts.TypeFormatFlags.WriteArrowStyleSignature
const nodeFlags = ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.UseAliasDefinedOutsideCurrentScope |
  ts.NodeBuilderFlags.MultilineObjectLiterals | ts.NodeBuilderFlags.IgnoreErrors
/** Types longer than this are printed over several lines. */
const lineWidth = 110

interface Doc {
  readonly text: string
  readonly tags: ReadonlyArray<{ readonly name: string; readonly text: string }>
}

const docFrom = (jsDoc: ts.JSDoc | undefined): Doc => ({
  text: jsDoc === undefined ? "" : ts.getTextOfJSDocComment(jsDoc.comment) ?? "",
  tags: (jsDoc?.tags ?? []).map((tag) => ({ name: tag.tagName.text, text: ts.getTextOfJSDocComment(tag.comment) ?? "" }))
})

/** The JSDoc of a declaration (the last one before it). */
const docOf = (node: ts.Node): Doc => docFrom(ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc).at(-1))

/**
 * The module's description: the file's first JSDoc, when the first statement
 * has one of its own after it, or is an import or export (which are not
 * documented themselves).
 */
const moduleDocOf = (source: ts.SourceFile): Doc => {
  const first = source.statements[0]
  const docs = first === undefined ? [] : ts.getJSDocCommentsAndTags(first).filter(ts.isJSDoc)
  const isModuleDoc = docs.length > 1 || (first !== undefined && (ts.isImportDeclaration(first) || ts.isExportDeclaration(first)))
  return docFrom(isModuleDoc ? docs[0] : undefined)
}

const slugOf = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9_ -]/g, "").replace(/ /g, "-")

/** GitHub's anchors for a page's headings, in order: a repeated one gets `-1`, `-2`, … */
const anchorsOf = (headings: ReadonlyArray<string>): ReadonlyArray<string> => {
  const seen = new Map<string, number>()
  return headings.map((heading) => {
    const slug = slugOf(heading)
    const count = seen.get(slug) ?? 0
    seen.set(slug, count + 1)
    return count === 0 ? slug : `${slug}-${count}`
  })
}

/** `{@link X}` → a link to X's entry on the same page when there is one, else `X` as code. */
const linkify = (text: string, local: ReadonlyMap<string, string>) =>
  text.replace(/\{@link(?:code|plain)?\s+([^}\s|]+)\s*(?:\|?\s*([^}]*))?\}/g, (_, target: string, label: string | undefined) => {
    const shown = label !== undefined && label.trim() !== "" ? label.trim() : target
    const name = target.split(".")[0]!
    const anchor = local.get(name)
    return anchor !== undefined ? `[\`${shown}\`](#${anchor})` : `\`${shown}\``
  })

/**
 * The checker names a module it cannot name otherwise by its absolute path
 * (`typeof import("/…/packages/resources/src/Projects")`): written as the
 * import a user writes (`@stytch-effect/resources/Projects`), so the pages do
 * not depend on where the repository is.
 */
const portable = (text: string): string => {
  const out = text.replace(/import\("([^"]+)"\)/g, (whole, file: string) => {
    const relative = path.relative(root, file).split(path.sep).join("/")
    const own = /^packages\/([^/]+)\/src\/(.+?)(?:\.ts)?$/.exec(relative)
    if (own !== null) return `import("@stytch-effect/${own[1]}/${own[2]}")`
    const dependency = /node_modules\/((?:@[^/]+\/)?[^/.][^/]*)\/dist\/dts\/(.+?)(?:\.d\.ts)?$/.exec(relative)
    if (dependency !== null) return `import("${dependency[1]}/${dependency[2]}")`
    return whole
  })
  if (out.includes(root)) throw new Error(`reference: a machine-specific path in: ${out.slice(0, 300)}`)
  return out
}

const isInSources = (declaration: ts.Declaration) => {
  const file = declaration.getSourceFile().fileName
  return file.startsWith(path.join(root, "packages")) && !file.includes(`${path.sep}node_modules${path.sep}`)
}

/**
 * Properties in the order they are written (for a Schema's fields: the
 * `Schema.Struct` literal), not the checker's, which depends on the order
 * types happen to be created in.
 */
const inSourceOrder = (properties: ReadonlyArray<ts.Symbol>): ReadonlyArray<ts.Symbol> => {
  const key = (p: ts.Symbol) => {
    const declaration = p.declarations?.[0]
    return declaration === undefined ? ["~", 0] as const : [declaration.getSourceFile().fileName, declaration.pos] as const
  }
  return [...properties].sort((a, b) => {
    const [fileA, posA] = key(a)
    const [fileB, posB] = key(b)
    return fileA === fileB ? posA - posB : fileA < fileB ? -1 : 1
  })
}

const renderer = (checker: ts.TypeChecker) => {
  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed })

  const typeText = (type: ts.Type, at: ts.Node): string => {
    const line = checker.typeToString(type, at, typeFlags)
    if (line.length <= lineWidth) return line
    const node = checker.typeToTypeNode(type, at, nodeFlags)
    return node === undefined ? line : printer.printNode(ts.EmitHint.Unspecified, node, at.getSourceFile())
  }

  /** `StytchError = StytchApiError | …` for the named error type of an Effect this type returns or is. */
  const namedErrors = (type: ts.Type): ReadonlyArray<string> => {
    const out = new Set<string>()
    const effects = [type, ...type.getCallSignatures().map((s) => s.getReturnType())]
    for (const candidate of effects) {
      const isReference = (candidate.flags & ts.TypeFlags.Object) !== 0 &&
        ((candidate as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0
      if (candidate.getSymbol()?.getName() !== "Effect" || !isReference) continue
      const error = checker.getTypeArguments(candidate as ts.TypeReference)[1]
      if (error === undefined || error.aliasSymbol === undefined || !error.isUnion()) continue
      const members = error.types.map((t) => checker.typeToString(t, undefined, typeFlags)).join(" | ")
      out.add(`\`${error.aliasSymbol.getName()}\` = \`${members}\``)
    }
    return [...out]
  }

  const member = (symbol: ts.Symbol, at: ts.Node): string => {
    const declaration = symbol.declarations?.[0]
    const optional = symbol.flags & ts.SymbolFlags.Optional ? "?" : ""
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration ?? at)
    if (declaration !== undefined && (ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration))) {
      return type.getCallSignatures().map((s) => `${symbol.getName()}${checker.signatureToString(s, at, typeFlags & ~ts.TypeFormatFlags.WriteArrowStyleSignature)}`).join("\n")
    }
    const readonly = declaration !== undefined && ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Readonly ? "readonly " : ""
    const text = typeText(type, at).replace(/\n/g, "\n  ")
    return `${readonly}${symbol.getName()}${optional}: ${text}`
  }

  const isPublic = (declaration: ts.Declaration) =>
    !(ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) &&
    !(ts.isClassElement(declaration) && declaration.name !== undefined && ts.isPrivateIdentifier(declaration.name))

  /** The public members a type has from this repository's sources (not those of Effect's base classes). */
  const members = (type: ts.Type, at: ts.Node) =>
    inSourceOrder(checker.getPropertiesOfType(type).filter((p) => {
      const declarations = p.declarations ?? []
      return declarations.some(isInSources) && declarations.every(isPublic) && !p.getName().startsWith("__")
    })).map((p) => `  ${member(p, at)}`)

  /** The signature block of one declaration of an export named `name`. */
  const signature = (name: string, symbol: ts.Symbol, declaration: ts.Declaration): { code: string; errors: ReadonlyArray<string> } => {
    if (ts.isClassDeclaration(declaration)) {
      const heritage = declaration.heritageClauses?.find((c) => c.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]
      const base = heritage === undefined ? "" : heritage.expression.getText().split(/[<(]/)[0]!
      const constructors = /^(Schema|Context|Effect|Data)\./.test(base) ? [] : checker.getTypeOfSymbolAtLocation(symbol, declaration)
        .getConstructSignatures().map((s) => `  constructor${checker.signatureToString(s, declaration, typeFlags & ~ts.TypeFormatFlags.WriteArrowStyleSignature).replace(/: [^:]+$/, "")}`)
      // Static members too (`ManagementClient.fromLayer`), those declared here (not `prototype`).
      const statics = members(checker.getTypeOfSymbolAtLocation(symbol, declaration), declaration)
      const fields = [...constructors, ...statics.map((m) => m.replace(/^ {2}/, "  static ")), ...members(checker.getDeclaredTypeOfSymbol(symbol), declaration)]
      const head = `class ${name}${base === "" ? "" : ` extends ${base}`}`
      return { code: fields.length === 0 ? head : `${head} {\n${fields.join("\n")}\n}`, errors: [] }
    }
    if (ts.isInterfaceDeclaration(declaration)) {
      const params = declaration.typeParameters === undefined ? "" : `<${declaration.typeParameters.map((p) => p.getText()).join(", ")}>`
      if ((symbol.declarations ?? []).some(ts.isClassDeclaration)) {
        // Merged into a class (declaration merging): what it adds, as written.
        const heritage = declaration.heritageClauses?.map((c) => ` ${c.getText()}`).join("") ?? ""
        const own = declaration.members.map((m) => `  ${m.getText()}`)
        return { code: `interface ${name}${params}${heritage} {${own.length === 0 ? "" : `\n${own.join("\n")}\n`}}`, errors: [] }
      }
      const fields = members(checker.getDeclaredTypeOfSymbol(symbol), declaration)
      if (fields.length === 0) {
        const heritage = declaration.heritageClauses?.map((c) => ` ${c.getText()}`).join("") ?? ""
        return { code: `interface ${name}${params}${heritage} {}`, errors: [] }
      }
      return { code: `interface ${name}${params} {\n${fields.join("\n")}\n}`, errors: [] }
    }
    if (ts.isTypeAliasDeclaration(declaration)) {
      if (declaration.typeParameters !== undefined) {
        return { code: `type ${name}<${declaration.typeParameters.map((p) => p.getText()).join(", ")}> = ${declaration.type.getText()}`, errors: [] }
      }
      const type = checker.getDeclaredTypeOfSymbol(symbol)
      let text = checker.typeToString(type, declaration, typeFlags | ts.TypeFormatFlags.InTypeAlias)
      if (text.length > lineWidth) {
        const node = checker.typeToTypeNode(type, declaration, nodeFlags | ts.NodeBuilderFlags.InTypeAlias)
        if (node !== undefined) text = printer.printNode(ts.EmitHint.Unspecified, node, declaration.getSourceFile())
      }
      return { code: `type ${name} = ${text}`, errors: [] }
    }
    if (ts.isModuleDeclaration(declaration)) return { code: `namespace ${name}`, errors: [] }
    if (ts.isSourceFile(declaration)) {
      // `export * as name from "./Module.js"`: a public module is linked to; an internal one is listed here.
      const relative = path.relative(path.join(root, "packages"), declaration.fileName).split(path.sep)
      if (relative.length === 3 && relative[1] === "src") {
        return { code: `namespace ${name} // = @stytch-effect/${relative[0]}/${relative[2]!.replace(/\.ts$/, "")}`, errors: [] }
      }
      // A module that is only `export type * from "@stytch-effect/<package>/<Module>"`: that module's types.
      const [only, ...rest] = declaration.statements
      if (
        rest.length === 0 && only !== undefined && ts.isExportDeclaration(only) && only.isTypeOnly &&
        only.exportClause === undefined && only.moduleSpecifier !== undefined && ts.isStringLiteral(only.moduleSpecifier) &&
        /^@stytch-effect\/[^/]+\/[^/]+$/.test(only.moduleSpecifier.text)
      ) {
        return { code: `namespace ${name} // = ${only.moduleSpecifier.text} (types only)`, errors: [] }
      }
      const inner = checker.getExportsOfModule(symbol).flatMap((e) => {
        const s = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e
        return (s.declarations ?? []).filter((d) => !ts.isExportSpecifier(d)).map((d) => signature(e.getName(), s, d).code)
      })
      return { code: `namespace ${name} {\n${inner.map((c) => `  ${c.replace(/\n/g, "\n  ")}`).join("\n")}\n}`, errors: [] }
    }
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration)
    if (ts.isFunctionDeclaration(declaration)) {
      const signature = checker.getSignatureFromDeclaration(declaration)
      const text = signature === undefined ? "" : checker.signatureToString(signature, declaration, typeFlags & ~ts.TypeFormatFlags.WriteArrowStyleSignature)
      return { code: `function ${name}${text}`, errors: namedErrors(type) }
    }
    return { code: `const ${name}: ${objectOfConsts(type, declaration) ?? typeText(type, declaration)}`, errors: namedErrors(type) }
  }

  /**
   * A type that refers to the module's exported constants by their types (the
   * `endpoints` of a group: `Endpoint<typeof CreateRequest, typeof
   * CreateResponse, …>` rather than both schemas spelled out), one property a
   * line; `undefined` for any other type.
   */
  const objectOfConsts = (type: ts.Type, at: ts.Node): string | undefined => {
    const consts = new Map<ts.Type, string>()
    const module = checker.getSymbolAtLocation(at.getSourceFile())
    for (const exported of module === undefined ? [] : checker.getExportsOfModule(module)) {
      const declaration = exported.valueDeclaration
      if (declaration !== undefined && ts.isVariableDeclaration(declaration)) {
        consts.set(checker.getTypeOfSymbolAtLocation(exported, declaration), exported.getName())
      }
    }
    let replaced = false
    const text = (t: ts.Type): string => {
      const name = consts.get(t)
      if (name !== undefined) {
        replaced = true
        return `typeof ${name}`
      }
      const isReference = (t.flags & ts.TypeFlags.Object) !== 0 && ((t as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0
      const args = isReference ? checker.getTypeArguments(t as ts.TypeReference) : []
      const target = t.getSymbol()
      if (target !== undefined && args.some((a) => consts.has(a))) {
        return `${checker.symbolToString(target, at, ts.SymbolFlags.Type)}<${args.map(text).join(", ")}>`
      }
      return typeText(t, at)
    }
    if (!type.getSymbol()?.getName().startsWith("__") || type.getCallSignatures().length > 0) return undefined
    const lines = inSourceOrder(checker.getPropertiesOfType(type)).map((p) => {
      return `  ${p.getName()}: ${text(checker.getTypeOfSymbol(p)).replace(/\n/g, "\n  ")}`
    })
    return replaced ? `{\n${lines.join("\n")}\n}` : undefined
  }

  return { signature }
}

interface Entry {
  readonly name: string
  readonly category: string
  readonly declarations: ReadonlyArray<{ readonly code: string; readonly errors: ReadonlyArray<string>; readonly doc: Doc }>
}

const since = (doc: Doc) => doc.tags.find((t) => t.name === "since")?.text.trim()

const renderModule = (
  checker: ts.TypeChecker,
  render: ReturnType<typeof renderer>,
  pkg: Package,
  module: string,
  source: ts.SourceFile,
  barrel: ReadonlyMap<string, string>
): string => {
  const moduleSymbol = checker.getSymbolAtLocation(source)
  const exports = moduleSymbol === undefined ? [] : checker.getExportsOfModule(moduleSymbol)
  const entries: Array<Entry> = []
  for (const exported of exports) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
    // `export { x as y }` and `export * as y from "…"` carry their own JSDoc.
    const specifier = exported.declarations?.find((d) => ts.isExportSpecifier(d) || ts.isNamespaceExport(d))
    const declarations = (symbol.declarations ?? []).filter((d) => !ts.isExportSpecifier(d))
    const rendered: Array<Entry["declarations"][number]> = []
    for (const declaration of specifier === undefined ? declarations : declarations.slice(0, 1)) {
      const doc = docOf(specifier === undefined ? declaration : ts.isNamespaceExport(specifier) ? specifier.parent : specifier)
      rendered.push({ ...render.signature(exported.getName(), symbol, declaration), doc })
    }
    const category = rendered.map((r) => r.doc.tags.find((t) => t.name === "category")?.text.trim()).find((c) => c !== undefined)
    entries.push({ name: exported.getName(), category: category ?? "exports", declarations: rendered })
  }

  const importPath = module === "index" ? pkg.name : `${pkg.name}/${module}`
  const categories = [...new Set(entries.map((e) => e.category))]
  const ordered = categories.flatMap((category) => entries.filter((e) => e.category === category))
  // Anchors as GitHub makes them, over the page's headings in order.
  const anchors = anchorsOf([importPath, ...categories.flatMap((c) => [c, ...entries.filter((e) => e.category === c).map((e) => e.name)])])
  const local = new Map<string, string>()
  let at = 1
  for (const category of categories) {
    at++
    for (const entry of entries.filter((e) => e.category === category)) local.set(entry.name, anchors[at++]!)
  }

  const doc = moduleDocOf(source)
  const namespace = barrel.get(module)
  const lines = [`# ${importPath}`, "", `[Reference](../README.md) / [${pkg.name}](README.md) / ${module}`, ""]
  if (doc.text.trim() !== "") lines.push(linkify(doc.text.trim(), local), "")
  // a module that exports nothing (an executable's entry) is not imported
  if (module !== "index" && entries.length > 0) {
    lines.push("```ts", `import * as ${module} from "${importPath}"`)
    if (namespace !== undefined) lines.push(`import { ${namespace} } from "${pkg.name}" // the same module`)
    lines.push("```", "")
  }
  for (const category of categories) {
    const names = entries.filter((e) => e.category === category).map((e) => `[${e.name}](#${local.get(e.name)})`)
    lines.push(`- ${category}: ${names.join(", ")}`)
  }
  let current: string | undefined
  for (const entry of ordered) {
    if (entry.category !== current) lines.push("", `## ${(current = entry.category)}`)
    const blocks = entry.declarations.map(({ code, errors, doc }) => {
      const parts = ["```ts", portable(code), "```"]
      const target = /^namespace \S+ \/\/ = @stytch-effect\/([^/]+)\/(\S+)(?: \(types only\))?$/.exec(code)
      if (target !== null) parts.push("", `[\`@stytch-effect/${target[1]}/${target[2]}\`](../${target[1]}/${target[2]}.md)`)
      if (errors.length > 0) parts.push("", `Errors: ${errors.join("; ")}`)
      if (doc.text.trim() !== "") parts.push("", linkify(doc.text.trim(), local))
      for (const tag of doc.tags.filter((t) => t.name === "example")) parts.push("", "Example:", "", tag.text.trim())
      const version = since(doc)
      if (version !== undefined) parts.push("", `Since ${version}`)
      return parts.join("\n")
    })
    lines.push("", `### ${entry.name}`, "", blocks.join("\n\n"))
  }
  return `${lines.join("\n")}\n`
}

/** `export * as Projects from "./Projects.js"` in the package's index: module → its name in the barrel. */
const barrelOf = (source: ts.SourceFile | undefined): ReadonlyMap<string, string> => {
  const out = new Map<string, string>()
  for (const statement of source?.statements ?? []) {
    if (!ts.isExportDeclaration(statement) || statement.exportClause === undefined || !ts.isNamespaceExport(statement.exportClause)) continue
    if (statement.moduleSpecifier === undefined || !ts.isStringLiteral(statement.moduleSpecifier)) continue
    out.set(path.basename(statement.moduleSpecifier.text).replace(/\.js$/, ""), statement.exportClause.name.text)
  }
  return out
}

const firstSentence = (text: string) => {
  const flat = text.replace(/\s+/g, " ").trim()
  const match = /^(.+?\.)(\s|$)/.exec(flat)
  return match?.[1] ?? flat
}

/** The generated files: path relative to docs/reference/ → content. */
export const generate = (): ReadonlyMap<string, string> => {
  const packages = packagesOf()
  const program = programOf(packages)
  const checker = program.getTypeChecker()
  const render = renderer(checker)
  const out = new Map<string, string>()
  const index = [
    "# stytch-effect API reference",
    "",
    "Every export of every package: its signature (as the package's `.d.ts` states it), the union behind a",
    "named error type, its description and examples. Generated from the sources by `pnpm reference`",
    "(`scripts/reference.ts`); a test fails when these pages are out of date. Do not edit them by hand.",
    ""
  ]
  for (const pkg of packages) {
    const sourceOf = (module: string) => {
      const source = program.getSourceFile(path.join(root, "packages", pkg.dir, "src", `${module}.ts`))
      if (source === undefined) throw new Error(`reference: ${pkg.name}/${module} is not in the program`)
      return source
    }
    const indexSource = fs.existsSync(path.join(root, "packages", pkg.dir, "src", "index.ts")) ? sourceOf("index") : undefined
    const barrel = barrelOf(indexSource)
    const indexSymbol = indexSource === undefined ? undefined : checker.getSymbolAtLocation(indexSource)
    const ownExports = (indexSymbol === undefined ? [] : checker.getExportsOfModule(indexSymbol)).length > barrel.size
    const modules = ownExports ? ["index", ...pkg.modules] : pkg.modules
    const rows = modules.map((module) => {
      const summary = firstSentence(linkify(moduleDocOf(sourceOf(module)).text, new Map()))
      return `| [${module === "index" ? pkg.name : module}](${module}.md) | ${summary.replace(/\|/g, "\\|")} |`
    })
    const table = ["| module | |", "| --- | --- |", ...rows]
    const example = pkg.modules.find((module) => barrel.has(module))
    out.set(`${pkg.dir}/README.md`, [
      `# ${pkg.name}`,
      "",
      `[Reference](../README.md) / ${pkg.name}`,
      "",
      pkg.description,
      "",
      ...(example === undefined ? [] : [
        `Import a module by its path (\`import * as ${example} from "${pkg.name}/${example}"\`, the smallest bundle) or from`,
        `the package (\`import { ${barrel.get(example) ?? example} } from "${pkg.name}"\`).`,
        ""
      ]),
      `The package's [README](../../../packages/${pkg.dir}/README.md).`,
      "",
      ...table,
      ""
    ].join("\n"))
    for (const module of modules) {
      out.set(`${pkg.dir}/${module}.md`, renderModule(checker, render, pkg, module, sourceOf(module), barrel))
    }
    index.push(`## [${pkg.name}](${pkg.dir}/README.md)`, "", pkg.description, "", ...table.map((row) => row.replace(/\]\((\w+)\.md\)/, `](${pkg.dir}/$1.md)`)), "")
  }
  out.set("README.md", index.join("\n"))
  return out
}

/** Writes docs/reference/ afresh. */
export const write = (files: ReadonlyMap<string, string>) => {
  fs.rmSync(referenceDir, { recursive: true, force: true })
  for (const [file, content] of files) {
    fs.mkdirSync(path.dirname(path.join(referenceDir, file)), { recursive: true })
    fs.writeFileSync(path.join(referenceDir, file), content)
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now()
  const files = generate()
  write(files)
  console.log(`reference: ${files.size} pages -> docs/reference/ (${((Date.now() - started) / 1000).toFixed(1)}s)`)
}
