import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src`, import.meta.url))

// core's `#defaultHttpClient` (package.json `imports`): the `node` target, read
// from the map itself and pointed at its source (dist/esm/x.js → src/x.ts).
const coreImports = JSON.parse(readFileSync(new URL("./packages/core/package.json", import.meta.url), "utf8")).imports
const nodeDefault = (coreImports["#defaultHttpClient"].node.import as string)
  .replace(/^\.\/dist\/esm\//, "")
  .replace(/\.js$/, ".ts")

// Tests run against the TypeScript sources of every workspace package (any
// package under packages/, any module of it), so one
// class identity (e.g. `StytchApiError`) is shared across packages.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@stytch-effect\/([^/]+)$/, replacement: `${src("$1")}/index.ts` },
      { find: /^@stytch-effect\/([^/]+)\/(.*)$/, replacement: `${src("$1")}/$2.ts` },
      { find: /^#defaultHttpClient$/, replacement: `${src("core")}/${nodeDefault}` }
    ]
  },
  test: {
    include: ["packages/*/test/**/*.test.ts", "bench/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000
  }
})
