import type { Endpoint } from "@stytch-effect/core"
import { Api, ProjectApi } from "@stytch-effect/resources"
import type * as SchemaAST from "effect/SchemaAST"
import { describe, expect, it } from "vitest"

/**
 * DESIGN's naming rule, derived from the wire name alone: split at `_`, keep
 * the first word as it is, capitalise every later word, except that a later
 * `id`/`ids`/`url`/`urls` becomes `ID`/`IDs`/`URL`/`URLs`.
 */
const special: Readonly<Record<string, string>> = { id: "ID", ids: "IDs", url: "URL", urls: "URLs" }
const domainName = (wire: string): string =>
  wire
    .split("_")
    .map((word, i) => i === 0 ? word : special[word] ?? word.charAt(0).toUpperCase() + word.slice(1))
    .join("")

/** One field of a struct somewhere in a schema: its wire and domain names, and where it is. */
interface Field {
  readonly wire: string
  readonly domain: string
  readonly at: string
}

/**
 * Every field of every struct in a schema, with both names: the keys of a
 * struct's encoded side, named in the domain by its `fromKey` renames
 * (`propertySignatureTransformations`). Recurses through nested structs,
 * optional fields, arrays, unions, classes, refinements, suspensions and any
 * other transformation (the side that holds the renames). Free-form JSON
 * (`Schema.Record`, e.g. a trusted token profile's `attributeMapping`) has
 * keys that are data, not fields: only the values of a record are walked.
 */
const fieldsOf = (root: SchemaAST.AST, at: string): Array<Field> => {
  const fields: Array<Field> = []
  const seen = new Set<SchemaAST.AST>()
  const walk = (ast: SchemaAST.AST, path: string): void => {
    if (seen.has(ast)) return
    seen.add(ast)
    switch (ast._tag) {
      case "Refinement":
        return walk(ast.from, path)
      case "Suspend":
        return walk(ast.f(), path)
      case "Declaration":
        return ast.typeParameters.forEach((t) => walk(t, path))
      case "Union":
        return ast.types.forEach((t) => walk(t, path))
      case "TupleType":
        ast.elements.forEach((e) => walk(e.type, `${path}[]`))
        return ast.rest.forEach((r) => walk(r.type, `${path}[]`))
      case "TypeLiteral":
        return struct(ast, new Map(), path)
      case "Transformation": {
        if (ast.transformation._tag === "TypeLiteralTransformation" && ast.from._tag === "TypeLiteral") {
          const renames = new Map<PropertyKey, PropertyKey>()
          for (const t of ast.transformation.propertySignatureTransformations) renames.set(t.from, t.to)
          return struct(ast.from, renames, path)
        }
        // A class: its fields are on the encoded side (the type side is the class declaration).
        if (ast.to._tag === "Declaration") return walk(ast.from, path)
        // Any other transformation (a secret, a schema that also accepts another wire key):
        // the domain side, which holds the field renames (the encoded side of such a
        // transformation is the wire form only, with no domain names to compare).
        return walk(ast.to, path)
      }
      default:
        return
    }
  }
  const struct = (ast: SchemaAST.TypeLiteral, renames: ReadonlyMap<PropertyKey, PropertyKey>, path: string) => {
    for (const property of ast.propertySignatures) {
      const wire = String(property.name)
      const domain = String(renames.get(property.name) ?? property.name)
      fields.push({ wire, domain, at: `${path}.${domain}` })
      walk(property.type, `${path}.${domain}`)
    }
    for (const index of ast.indexSignatures) walk(index.type, `${path}[key]`)
  }
  walk(root, at)
  return fields
}

const everyEndpoint: ReadonlyArray<Endpoint.Any> = [...Api.endpoints, ...ProjectApi.endpoints]

const everyField = everyEndpoint.flatMap((endpoint) => [
  ...(endpoint.request === undefined
    ? []
    : fieldsOf(endpoint.request.ast, `${endpoint.group}.${endpoint.name} request`)),
  ...fieldsOf(endpoint.response.ast, `${endpoint.group}.${endpoint.name} response`)
])

describe("DESIGN's naming rule", () => {
  it("derives the rule from the wire name", () => {
    expect(domainName("secret_id")).toBe("secretID")
    expect(domainName("redirect_urls")).toBe("redirectURLs")
    expect(domainName("url")).toBe("url")
    expect(domainName("custom_html_customization")).toBe("customHtmlCustomization")
    expect(domainName("create_totps")).toBe("createTotps")
    expect(domainName("sms_autofill_metadata")).toBe("smsAutofillMetadata")
    expect(domainName("dfppa")).toBe("dfppa")
    expect(domainName("id_token")).toBe("idToken")
    expect(domainName("client_ids")).toBe("clientIDs")
  })

  it("every field of every schema of every endpoint follows it (requests and responses, nested too)", () => {
    const broken = everyField
      .filter((f) => f.domain !== domainName(f.wire))
      .map((f) => `${f.at}: wire "${f.wire}" → "${f.domain}", the rule gives "${domainName(f.wire)}"`)
    expect([...new Set(broken)]).toEqual([])
  })

  it("covers every endpoint, nested structs, arrays, unions, classes and optional fields", () => {
    const pairs = new Set(everyField.map((f) => `${f.wire}→${f.domain}`))
    // Every endpoint contributes (the envelope at least), both APIs.
    for (const endpoint of everyEndpoint) {
      expect(everyField.some((f) => f.at.startsWith(`${endpoint.group}.${endpoint.name} response`)), endpoint.name).toBe(true)
    }
    for (
      const pair of [
        "request_id→requestID", // the envelope
        "project_slug→projectSlug", // a class (Project), a path parameter
        "url→url", // RedirectURLs, a class in an array
        "redirect_urls→redirectURLs",
        "custom_html_customization→customHtmlCustomization", // optional, nested in a class
        "create_totps→createTotps", // RBAC policy: nested arrays of classes
        "create_webauthns→createWebauthns",
        "bundle_ids→bundleIDs", // SDK config: a struct behind a transformation
        "api_key→apiKey", // event log streaming: a union of destination configs
        "attribute_mapping→attributeMapping", // free-form JSON: the field is named, its content is not
        "client_id→clientID" // the project API
      ]
    ) expect(pairs.has(pair), pair).toBe(true)
    expect(everyField.length).toBeGreaterThan(1000)
  })
})
