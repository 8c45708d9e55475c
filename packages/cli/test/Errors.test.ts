/** What the CLI prints for a failure: the hint follows the error's reason, not only its type. */
import { Workspace } from "@stytch-effect/workspace"
import { describe, expect, it } from "vitest"
import { describe as describeFailure } from "../src/internal/errors.js"

describe("a workspace ConflictError", () => {
  it("gets the hint of its reason: plan again only when the live configuration changed", () => {
    const hint = (reason: Workspace.ConflictError["reason"]) =>
      describeFailure(new Workspace.ConflictError({ reason, message: "m" })).hint
    expect(hint("Stale")).toBe("run `stytch-effect plan` again: the live configuration changed")
    expect(hint("ReplaceOnly")).toMatch(/^this key cannot change in place/)
    expect(hint("NotApplied")).toMatch(/did not apply it: check the value \(e\.g\. verify the sender's domain\)/)
  })
})
