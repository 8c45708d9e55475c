import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { projectDocument as document } from "../../../scripts/lib/openapiDocuments.js"

const root = new URL("../../../", import.meta.url)

describe("project API OpenAPI document", () => {
  it("lists the M2M operations, with project Basic auth and public token/JWKS endpoints", () => {
    const paths = document.paths as Record<string, Record<string, { operationId: string; security?: unknown }>>
    expect(Object.keys(paths).sort()).toEqual([
      "/v1/m2m/clients",
      "/v1/m2m/clients/search",
      "/v1/m2m/clients/{client_id}",
      "/v1/m2m/clients/{client_id}/secrets/rotate",
      "/v1/m2m/clients/{client_id}/secrets/rotate/cancel",
      "/v1/m2m/clients/{client_id}/secrets/rotate/start",
      "/v1/public/{project_id}/oauth2/token",
      "/v1/sessions/jwks/{project_id}"
    ])
    expect(document.security).toEqual([{ projectSecret: [] }])
    expect(paths["/v1/public/{project_id}/oauth2/token"]!.post!.security).toEqual([])
    expect(paths["/v1/m2m/clients"]!.post!.security).toBeUndefined()
  })

  it("docs/openapi-project.json is up to date (run `pnpm openapi`)", () => {
    const committed = JSON.parse(readFileSync(new URL("docs/openapi-project.json", root), "utf8"))
    expect(committed).toEqual(document)
  })
})
