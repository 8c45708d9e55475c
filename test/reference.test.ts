import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { beforeAll, describe, expect, it } from "vitest"
import { generate, referenceDir } from "../scripts/reference.js"

// docs/reference/ is committed so that it reads on GitHub and in a clone with nothing
// built; this keeps it equal to what the sources say (`pnpm reference` regenerates it).
const root = fileURLToPath(new URL("..", import.meta.url))

const committed = (dir: string, prefix = ""): ReadonlyArray<string> =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? committed(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]
  )

describe("docs/reference", () => {
  let expected: ReadonlyMap<string, string> = new Map()
  // One TypeScript program over every package's sources: seconds, more on a loaded machine.
  beforeAll(() => {
    expected = generate()
  }, 120_000)

  it("is up to date (run `pnpm reference`)", () => {
    expect([...committed(referenceDir)].sort()).toEqual([...expected.keys()].sort())
    for (const [file, content] of expected) {
      expect(fs.readFileSync(path.join(referenceDir, file), "utf8"), `docs/reference/${file}`).toBe(content)
    }
  })

  it("has a page for every package and every public module", () => {
    for (const dir of fs.readdirSync(path.join(root, "packages"))) {
      const src = path.join(root, "packages", dir, "src")
      if (!fs.existsSync(src)) continue
      expect(expected.has(`${dir}/README.md`), dir).toBe(true)
      for (const file of fs.readdirSync(src).filter((f) => f.endsWith(".ts") && f !== "index.ts")) {
        expect(expected.has(`${dir}/${file.replace(/\.ts$/, ".md")}`), `${dir}/${file}`).toBe(true)
      }
    }
  })

  it("states an operation as its .d.ts does, its error union named, on one line", () => {
    const page = expected.get("resources/Projects.md") ?? ""
    expect(page).toContain("const create: (request: CreateRequest) => Effect<CreateResponse, StytchError, StytchManagement>\n")
    expect(page).toContain("Errors: `StytchError` = `StytchApiError | TransportError | UnexpectedResponseError | InvalidRequestError`")
    expect(page).toContain("const getAll: () => Effect<GetAllResponse, ResponseError, StytchManagement>\n")
    expect(page).not.toMatch(/^---$/m) // no front matter
  })

  it("lists a class's static methods with its constructor", () => {
    expect(expected.get("compat/ManagementClient.md") ?? "").toMatch(
      /class ManagementClient extends PromiseClient \{\n {2}constructor\(.*\)\n {2}static fromLayer<E>\(layer: Layer\.Layer<StytchManagement\.StytchManagement, E>\): ManagementClient\n/
    )
  })

  it("resolves every relative link of its pages", () => {
    for (const [file, content] of expected) {
      for (const [, target] of content.matchAll(/\]\(([^)#:\s]+\.md)(?:#[^)]*)?\)/g)) {
        const resolved = path.resolve(referenceDir, path.dirname(file), target!)
        expect(fs.existsSync(resolved), `docs/reference/${file} -> ${target}`).toBe(true)
      }
    }
  })
})

describe("the READMEs", () => {
  const readmes = ["README.md", ...fs.readdirSync(path.join(root, "packages")).map((dir) => `packages/${dir}/README.md`)]
    .filter((file) => fs.existsSync(path.join(root, file)))

  it.each(readmes)("%s links to the reference, and the link resolves in a clone", (file) => {
    const links = [...fs.readFileSync(path.join(root, file), "utf8").matchAll(/\]\(([^)#\s]*docs\/reference\/[^)#\s]*)\)/g)]
      .map((match) => match[1]!)
    expect(links.length, `${file} links to docs/reference/`).toBeGreaterThan(0)
    for (const link of links) {
      expect(fs.existsSync(path.resolve(root, path.dirname(file), link)), `${file} -> ${link}`).toBe(true)
    }
  })
})
