#!/usr/bin/env node
// The `stytch-effect-fake` command: runs the built program (dist/esm/bin). A committed launcher, so
// that a workspace install links the bin before anything is built; in this repository `pnpm fake`
// runs it from source.
import("../dist/esm/bin/stytch-effect-fake.js").catch((error) => {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("stytch-effect-fake.js")) {
    process.stderr.write("stytch-effect-fake: not built; run `pnpm build` first (or `pnpm fake` from the repository)\n")
    process.exit(1)
  }
  throw error
})
