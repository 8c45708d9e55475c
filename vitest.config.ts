import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src`, import.meta.url))

// Tests run against the TypeScript sources of every workspace package, so one
// class identity (e.g. `StytchApiError`) is shared across packages.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@stytch-effect\/(core|resources|compat|testing)$/, replacement: `${src("$1")}/index.ts` },
      { find: /^@stytch-effect\/(core|resources|compat|testing)\/(.*)$/, replacement: `${src("$1")}/$2.ts` }
    ]
  },
  test: {
    include: ["packages/*/test/**/*.test.ts", "bench/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000
  }
})
