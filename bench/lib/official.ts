/**
 * The official `stytch-management` Node SDK, for the in-memory comparison.
 * It is not on the npm registry this project installs from, and none of its
 * code is kept here: point `STYTCH_MANAGEMENT_SDK` at a CommonJS build of it
 * (a checkout of stytchauth/stytch-management-node built outside this
 * repository, its `dist/index.js`). Without the variable the official row is
 * left out and its checks say "not measured".
 */
import { createRequire } from "node:module"

/** What the benchmark calls: the official client's `secrets.get`. */
export interface OfficialClient {
  readonly secrets: {
    readonly get: (request: { project_slug: string; environment_slug: string; secret_id: string }) => Promise<unknown>
  }
}

interface OfficialModule {
  readonly ManagementClient: new(config: {
    workspace_key_id: string
    workspace_key_secret: string
    base_url?: string
  }) => OfficialClient
}

/** The official client, or `undefined` when `STYTCH_MANAGEMENT_SDK` is not set. */
export const loadOfficialClient = (
  config: { workspace_key_id: string; workspace_key_secret: string; base_url: string }
): OfficialClient | undefined => {
  const path = process.env.STYTCH_MANAGEMENT_SDK
  if (path === undefined || path === "") return undefined
  const sdk = createRequire(import.meta.url)(path) as OfficialModule
  return new sdk.ManagementClient(config)
}
