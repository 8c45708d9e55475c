#!/usr/bin/env node
// After `changeset version` bumps the packages' package.json, writes each
// version into the package's constant (core: the User-Agent; cli: --version);
// a test checks they agree.
import * as fs from "node:fs"

for (const name of ["core", "cli"]) {
  const { version } = JSON.parse(fs.readFileSync(new URL(`../packages/${name}/package.json`, import.meta.url), "utf8"))
  const target = new URL(`../packages/${name}/src/internal/version.ts`, import.meta.url)
  fs.writeFileSync(target, `/** @internal Kept equal to package.json's version by a test. */\nexport const version = ${JSON.stringify(version)}\n`)
  console.log(`packages/${name}/src/internal/version.ts -> ${version}`)
}
