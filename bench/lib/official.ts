/**
 * The official `stytch-management` Node SDK's request path, for the
 * in-memory comparison: `ManagementClient` → `secrets.get` → `request`, as
 * in stytchauth/stytch-management-node@e5d49ed (package 1.2.0, MIT,
 * Copyright (c) 2025 Stytch): `lib/shared/client.ts` (BaseClient),
 * `lib/shared/index.ts` (request), `lib/secrets.ts` (get), trimmed to that
 * one operation, otherwise unchanged. The package is not on the npm
 * registry this project installs from, so its code is copied here. It
 * calls the global `fetch`, which the benchmark replaces by a stub.
 */

interface FetchConfig {
  baseURL: string
  headers: Record<string, string>
  timeout: number
}

interface RequestConfig {
  url: string
  method: "GET" | "DELETE" | "POST" | "PUT" | "PATCH"
  params?: Record<string, string | number | boolean | undefined>
  data?: unknown
  headers?: Record<string, string>
}

class ManagementStytchError extends Error {
  constructor(readonly data: unknown) {
    super(JSON.stringify(data))
  }
}

class RequestError extends Error {
  constructor(message: string, readonly request: RequestConfig) {
    super(message)
  }
}

class ClientError extends Error {
  constructor(readonly code: string, message: string) {
    super(message)
  }
}

/** `lib/shared/index.ts`'s `request`. */
async function request<T>(fetchConfig: FetchConfig, requestConfig: RequestConfig): Promise<T> {
  const url = new URL(requestConfig.url, fetchConfig.baseURL)
  if (requestConfig.params) {
    Object.entries(requestConfig.params).forEach(([key, value]) => {
      if (value !== undefined) url.searchParams.append(key, String(value))
    })
  }
  const finalHeaders = { ...fetchConfig.headers, ...requestConfig.headers }
  let response: Response
  try {
    const body = requestConfig.data ? JSON.stringify(requestConfig.data) : undefined
    response = await fetch(url.toString(), {
      method: requestConfig.method,
      body,
      cache: "no-store",
      ...fetchConfig,
      headers: finalHeaders
    } as RequestInit)
  } catch (e) {
    throw new RequestError((e as Error).message, requestConfig)
  }
  let responseJSON
  try {
    responseJSON = await response.json()
  } catch (e) {
    throw new RequestError(`Unable to parse JSON response from server: ${(e as Error).message}`, requestConfig)
  }
  if (response.status >= 400) throw new ManagementStytchError(responseJSON)
  return responseJSON as T
}

export interface GetRequest {
  readonly project_slug: string
  readonly environment_slug: string
  readonly secret_id: string
}

/** `ManagementClient` with its `secrets.get` only. */
export class OfficialClient {
  private readonly fetchConfig: FetchConfig
  constructor(config: { workspace_key_id: string; workspace_key_secret: string; base_url: string }) {
    this.fetchConfig = {
      baseURL: config.base_url,
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Stytch Management Node v1.0.0",
        Authorization: "Basic " + Buffer.from(config.workspace_key_id + ":" + config.workspace_key_secret).toString("base64")
      },
      timeout: 10 * 60 * 1000
    }
  }

  readonly secrets = {
    get: (params: GetRequest): Promise<unknown> => {
      if (!params.project_slug) throw new ClientError("MISSING_PATH_PARAMETER", "project_slug cannot be empty")
      if (!params.environment_slug) throw new ClientError("MISSING_PATH_PARAMETER", "environment_slug cannot be empty")
      if (!params.secret_id) throw new ClientError("MISSING_PATH_PARAMETER", "secret_id cannot be empty")
      return request(this.fetchConfig, {
        method: "GET",
        url: `/pwa/v3/projects/${encodeURIComponent(params.project_slug)}/environments/${
          encodeURIComponent(params.environment_slug)
        }/secrets/${encodeURIComponent(params.secret_id)}`
      })
    }
  }
}
