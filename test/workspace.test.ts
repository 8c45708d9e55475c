import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { describe, expect, it } from "vitest"

// The root tsconfig.json `paths` let tsx (`pnpm demo`, scripts, examples) run every
// workspace package from its sources on a fresh clone, with nothing built. A package
// without its two lines would resolve to its (absent) dist/ there.
const root = fileURLToPath(new URL("..", import.meta.url))
const packages = fs.readdirSync(path.join(root, "packages")).filter((name) =>
  fs.existsSync(path.join(root, "packages", name, "package.json"))
).sort()

describe("root tsconfig.json paths", () => {
  const { config, error } = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile)
  const paths: Record<string, ReadonlyArray<string>> = config?.compilerOptions?.paths ?? {}

  it("parses", () => expect(error).toBeUndefined())

  it.each(packages)("maps @stytch-effect/%s and each of its modules to its sources", (name) => {
    const { name: packageName } = JSON.parse(fs.readFileSync(path.join(root, "packages", name, "package.json"), "utf8"))
    expect(packageName).toBe(`@stytch-effect/${name}`)
    expect(paths[packageName]).toEqual([`./packages/${name}/src/index.ts`])
    expect(paths[`${packageName}/*`]).toEqual([`./packages/${name}/src/*.ts`])
  })
})
