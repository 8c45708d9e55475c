import { readFileSync } from "node:fs"
import { Api } from "@stytch-effect/resources"
import { describe, expect, it } from "vitest"
import { managementDocument as document } from "../../../scripts/lib/openapiDocuments.js"

const root = new URL("../../../", import.meta.url)
/** Every operation of the API reference (shared/api/management-api.json): group, name, method, path. */
const reference = JSON.parse(
  readFileSync(new URL("fixtures/reference-operations.json", import.meta.url), "utf8")
) as ReadonlyArray<{ group: string; name: string; method: string; path: string }>

const pairs = (paths: Record<string, object>) =>
  Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort()

describe("OpenAPI document", () => {
  it("lists every operation of the API reference (62 method+path pairs), and nothing else", () => {
    const expected = reference.map((o) => `${o.method} ${o.path}`).sort()
    expect(expected).toHaveLength(62)
    expect(pairs(document.paths as Record<string, object>)).toEqual(expected)
    expect(Api.endpoints).toHaveLength(62)
  })

  it("each endpoint has the reference's name, method and path", () => {
    for (const endpoint of Api.endpoints) {
      expect(reference).toContainEqual({
        group: endpoint.group,
        name: endpoint.name,
        method: endpoint.method,
        path: endpoint.path
      })
    }
  })

  it("is OpenAPI 3.1 with snake_case wire schemas", () => {
    expect(document.openapi).toBe("3.1.0")
    const text = JSON.stringify(document)
    expect(text).toContain("\"secret_id\"")
    expect(text).not.toContain("\"secretID\"")
  })

  it("docs/openapi.json is up to date (run `pnpm openapi`)", () => {
    const committed = JSON.parse(readFileSync(new URL("docs/openapi.json", root), "utf8"))
    expect(committed).toEqual(document)
  })
})
