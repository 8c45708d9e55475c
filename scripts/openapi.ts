/**
 * Writes the OpenAPI 3.1 documents of every endpoint the SDK defines to
 * docs/openapi.json (Management API) and docs/openapi-project.json (project
 * API), from the same definitions the client and the fake use.
 *
 *   pnpm openapi
 */
import { writeFileSync } from "node:fs"
import { ProjectApi } from "@stytch-effect/resources"
import { managementDocument, projectDocument } from "./lib/openapiDocuments.js"

const target = new URL("../docs/openapi.json", import.meta.url)
writeFileSync(target, `${JSON.stringify(managementDocument, null, 2)}\n`)
const operations = Object.values(managementDocument.paths as Record<string, object>).reduce((n, ops) => n + Object.keys(ops).length, 0)
console.log(`wrote ${target.pathname} (${operations} operations)`)

const projectTarget = new URL("../docs/openapi-project.json", import.meta.url)
writeFileSync(projectTarget, `${JSON.stringify(projectDocument, null, 2)}\n`)
console.log(`wrote ${projectTarget.pathname} (${ProjectApi.endpoints.length} operations)`)
