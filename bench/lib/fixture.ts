/**
 * What every benchmark sends and receives: one workspace key, one
 * `secrets.get` request and its fixed response body, one `projects.create`
 * request and its body.
 */
import { Credentials } from "@stytch-effect/core"

export const KEY_ID = "workspace-key-bench"
export const KEY_SECRET = "workspace-key-secret-bench"
export const credentials = Credentials.workspaceKey(KEY_ID, KEY_SECRET)

/** The `Authorization` header the SDK sends for {@link credentials}. */
export const authorization = `Basic ${Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString("base64")}`

export const getRequest = {
  projectSlug: "project-bench",
  environmentSlug: "production",
  secretID: "secret-test-1b1c0a26-b8a7-4e5d-9a40-6f2f8cfe0d4c"
} as const

export const getPath = (r: typeof getRequest = getRequest): string =>
  `/pwa/v3/projects/${encodeURIComponent(r.projectSlug)}/environments/${
    encodeURIComponent(r.environmentSlug)
  }/secrets/${encodeURIComponent(r.secretID)}`

/** The fixed `secrets.get` response body. */
export const getBody = JSON.stringify({
  request_id: "request-id-test-8f6c2d1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f",
  status_code: 200,
  secret: {
    secret_id: getRequest.secretID,
    last_four: "abcd",
    created_at: "2026-01-01T00:00:00Z",
    used_at: "2026-01-02T00:00:00Z"
  }
})

export const createRequest = { name: "Bench project", vertical: "B2B" } as const

/** The fixed `projects.create` response body. */
export const createBody = JSON.stringify({
  request_id: "request-id-test-2f6c2d1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f",
  status_code: 200,
  project: {
    project_slug: "bench-project-1",
    name: "Bench project",
    vertical: "B2B",
    created_at: "2026-01-01T00:00:00Z"
  }
})
