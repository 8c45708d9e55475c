/**
 * Writes the OpenAPI 3.1 document of every endpoint the SDK defines to
 * docs/openapi.json (from the same definitions the client and the fake use).
 *
 *   pnpm openapi
 */
import { writeFileSync } from "node:fs"
import { OpenApi } from "@stytch-effect/core"
import { Api, ProjectApi } from "@stytch-effect/resources"

const target = new URL("../docs/openapi.json", import.meta.url)
const document = OpenApi.make(Api.endpoints, {
  title: "Stytch Management API (as defined by stytch-effect)",
  version: "v3",
  description: "Programmatic Workspace Actions. Generated from the endpoint definitions of @stytch-effect/resources."
})
writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`)
const operations = Object.values(document.paths as Record<string, object>).reduce((n, ops) => n + Object.keys(ops).length, 0)
console.log(`wrote ${target.pathname} (${operations} operations)`)

// The project API (M2M clients, tokens): a document of its own, from the project-API registry.
const projectTarget = new URL("../docs/openapi-project.json", import.meta.url)
const projectDocument = OpenApi.make(
  ProjectApi.endpoints,
  {
    title: "Stytch project API: M2M (as defined by stytch-effect)",
    version: "v1",
    description: "A project's own API (project id + secret). Generated from the project-API endpoint definitions of @stytch-effect/resources."
  },
  "https://test.stytch.com",
  OpenApi.projectSecurity
)
writeFileSync(projectTarget, `${JSON.stringify(projectDocument, null, 2)}\n`)
console.log(`wrote ${projectTarget.pathname} (${ProjectApi.endpoints.length} operations)`)
