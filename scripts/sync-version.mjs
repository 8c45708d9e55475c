#!/usr/bin/env node
// After `changeset version` bumps packages/core/package.json, writes the same
// version into the User-Agent constant (a test checks they agree).
import * as fs from "node:fs"

const { version } = JSON.parse(fs.readFileSync(new URL("../packages/core/package.json", import.meta.url), "utf8"))
const target = new URL("../packages/core/src/internal/version.ts", import.meta.url)
fs.writeFileSync(target, `/** @internal Kept equal to package.json's version by a test. */\nexport const version = ${JSON.stringify(version)}\n`)
console.log(`packages/core/src/internal/version.ts -> ${version}`)
