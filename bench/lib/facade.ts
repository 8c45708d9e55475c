/** The promise facade as the benchmarks construct it. */
import type * as HttpClient from "@effect/platform/HttpClient"
import { ManagementClient } from "@stytch-effect/compat"
import { KEY_ID, KEY_SECRET } from "./fixture.js"

/** A `ManagementClient` for the benchmark's workspace key, over fetch or the given `HttpClient`. */
export const makeFacade = (baseURL: string, httpClient?: HttpClient.HttpClient): ManagementClient =>
  new ManagementClient(
    { workspace_key_id: KEY_ID, workspace_key_secret: KEY_SECRET, base_url: baseURL },
    httpClient === undefined ? {} : { httpClient }
  )
