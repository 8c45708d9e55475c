/**
 * Writes the JSON Schema of the workspace document (from its Effect Schema)
 * to packages/workspace/schema/workspace.schema.json, for editors. A test
 * fails when the file is stale.
 *
 *   pnpm workspace:schema
 */
import { writeFileSync } from "node:fs"
import { Document } from "@stytch-effect/workspace"

const target = new URL("../packages/workspace/schema/workspace.schema.json", import.meta.url)
writeFileSync(target, `${JSON.stringify(Document.jsonSchema, null, 2)}\n`)
console.log(`wrote ${target.pathname}`)
