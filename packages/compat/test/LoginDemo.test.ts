import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

// `pnpm demo:login`: the OAuth login example, run as a user would (tsx, from the repository root).
const root = fileURLToPath(new URL("../../../", import.meta.url))
const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url))

describe("the login demo (pnpm demo:login)", () => {
  it("logs in against the served fake in both styles, calls the API and logs out", async () => {
    const { code, stderr, stdout } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(tsx, ["examples/login.ts"], { cwd: root, timeout: 90_000 }, (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr })
      })
    })
    expect(stderr.replace(/npm warn.*\n?/g, "")).toBe("")
    expect(code).toBe(0)
    const steps = [
      /running against the fake API served at http:\/\/127\.0\.0\.1:\d+/,
      /1\. login URL: http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize \(PKCE S256\)/,
      /signed in; scopes: .*offline_access/,
      /token file mode: 600/,
      /created project \S+ with the OAuth access token/,
      /logged out; token file removed: true/,
      /2\. the authorization server redirected back with a code/,
      /signed in \(promise\)/,
      /1 project\(s\) visible/,
      /logged out; storage empty: true/,
      /done\./
    ]
    let rest = stdout
    for (const step of steps) {
      const match = step.exec(rest)
      expect(match, `expected ${step} in:\n${stdout}`).not.toBeNull()
      rest = rest.slice(match!.index + match![0].length)
    }
    // no JWT-looking token is printed
    expect(stdout).not.toMatch(/eyJ[\w-]+\.[\w-]+\./)
  }, 120_000)
})
