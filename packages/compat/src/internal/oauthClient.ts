import type * as HttpClient from "@effect/platform/HttpClient"
import type { StytchManagement } from "@stytch-effect/core"
import * as CoreOAuth from "@stytch-effect/core/OAuth"
import * as RetryPolicy from "@stytch-effect/core/RetryPolicy"
import * as Duration from "effect/Duration"
import * as Layer from "effect/Layer"
import { ClientError } from "../Errors.js"
import type { ClientConfig } from "./clientConfig.js"
import { checkStorage, checkURL, storageLayer } from "../OAuth.js"
import * as Config from "./config.js"

/**
 * The layer of a `ManagementClient` configured with `oauth`: core's OAuth
 * credentials layer over the promise token storage. Checks synchronously
 * (throws a `ClientError`): no workspace key or access token next to
 * `oauth`, a storage with the three methods, usable endpoint URLs; the base
 * URL, timeout and retries are checked by the same code as for other
 * credentials.
 *
 * @internal
 */
export const oauthClient = (
  config: ClientConfig,
  transport: Layer.Layer<HttpClient.HttpClient>
): { readonly layer: Layer.Layer<StytchManagement.StytchManagement, unknown>; readonly description: string } => {
  const oauth = config.oauth!
  if (
    [config.workspace_key_id, config.workspace_key_secret, config.access_token].some((v) =>
      v !== undefined && v !== null && v !== ""
    )
  ) {
    throw new ClientError("INVALID_CONFIG", "pass either oauth, or workspace_key_id and workspace_key_secret, or access_token")
  }
  const storage = checkStorage(oauth.token_storage, "oauth.token_storage")
  const tokenURL = checkURL(oauth.token_url, "oauth.token_url")
  const revokeURL = checkURL(oauth.revoke_url, "oauth.revoke_url")
  if (oauth.client_id !== undefined && !/^[\x21-\x7e]+$/.test(oauth.client_id)) {
    throw new ClientError("INVALID_CONFIG", "oauth.client_id must be a non-empty printable ASCII string", {
      field: "oauth.client_id"
    })
  }
  const leeway = oauth.refresh_leeway
  if (leeway !== undefined && !(typeof leeway === "number" && leeway >= 0 && leeway !== Infinity)) {
    throw new ClientError("INVALID_CONFIG", "oauth.refresh_leeway must be a non-negative number of milliseconds", {
      field: "oauth.refresh_leeway"
    })
  }
  // The same checks of base_url, timeout and max_retries as any client: `resolve` with a stand-in
  // token (never used: the OAuth layer authorizes every request from the storage).
  const resolved = Config.resolve({ ...config, oauth: undefined, access_token: "oauth" })
  const { credentials: _unused, ...options } = resolved.options
  const client = CoreOAuth.layerWithHttpClient({
    ...options,
    clientID: oauth.client_id,
    tokenURL,
    revokeURL,
    refreshLeeway: leeway === undefined ? undefined : Duration.millis(leeway)
  }).pipe(Layer.provide(Layer.merge(transport, storageLayer(storage))))
  const layer = resolved.retry === undefined ? client : Layer.merge(client, RetryPolicy.layer(resolved.retry))
  return {
    layer,
    description: `ManagementClient { base_url: ${JSON.stringify(options.baseURL)}, oauth: { client_id: ${
      JSON.stringify(oauth.client_id ?? CoreOAuth.DEFAULT_CLIENT_ID)
    } } }`
  }
}
