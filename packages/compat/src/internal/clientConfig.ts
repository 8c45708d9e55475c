/**
 * The settings of the two clients (re-exported with their documentation by
 * `ManagementClient` and `ProjectClient`; here so that the configuration
 * checks in `internal/config` need no import of the clients). @internal
 */
import type * as Redacted from "effect/Redacted"
import type { TokenStorage } from "../OAuth.js"

/**
 * The settings of a {@link ManagementClient}.
 *
 * Credentials are a workspace key (`workspace_key_id` + `workspace_key_secret`)
 * or an `access_token`. When the object has neither, they are read from the
 * environment: `STYTCH_WORKSPACE_KEY_ID` + `STYTCH_WORKSPACE_KEY_SECRET`, or
 * `STYTCH_ACCESS_TOKEN` (and `STYTCH_MANAGEMENT_BASE_URL` for the base URL).
 * Empty strings count as absent.
 *
 * @since 0.1.0
 * @category models
 */
export interface ClientConfig {
  /** The workspace key id (sent with the secret as HTTP Basic auth). */
  readonly workspace_key_id?: string | undefined
  /** The workspace key secret. Held redacted: it never appears in errors, `toString` or `inspect`. */
  readonly workspace_key_secret?: string | Redacted.Redacted<string> | undefined
  /** A bearer access token, instead of a workspace key. Held redacted. */
  readonly access_token?: string | Redacted.Redacted<string> | undefined
  /** Default `https://management.stytch.com`. `http:` is refused except for loopback hosts. */
  readonly base_url?: string | undefined
  /** Per-attempt timeout in milliseconds; the request is aborted when it elapses. Default 60000. */
  readonly timeout?: number | undefined
  /**
   * Retries of a retryable failure (transport errors, 408, 429, 5xx; a POST
   * only where the server cannot have acted). Default 2; `0` turns retries off.
   */
  readonly max_retries?: number | undefined
  /**
   * The longest wait before a retry, in milliseconds: caps the backoff and
   * an honoured `Retry-After`. Default 60000.
   */
  readonly max_retry_delay?: number | undefined
  /**
   * An overall bound on each call, in milliseconds: every attempt and every
   * wait between them. Default: none (each attempt is bounded by `timeout`).
   */
  readonly deadline?: number | undefined
  /**
   * The largest response body read, in bytes (after decompression); a larger
   * one is a `ClientError` `UNEXPECTED_RESPONSE` and its connection is
   * closed. Default 16 MiB.
   */
  readonly max_response_size?: number | undefined
  /**
   * Sign in with OAuth instead of a key or token (see `OAuth`): every request
   * carries the access token from `token_storage`, refreshed before it
   * expires and on a 401 (one refresh for all concurrent calls; the rotated
   * refresh token is stored before they continue). Rejects with an
   * `AuthError` when the user must log in (again).
   */
  readonly oauth?: OAuthClientConfig | undefined
}

/**
 * The `oauth` setting of a {@link ManagementClient}.
 *
 * @since 0.1.0
 * @category models
 */
export interface OAuthClientConfig {
  /** Where the tokens are read from and written to. */
  readonly token_storage: TokenStorage
  /** Default: the Stytch CLI's public client (`OAuth.DEFAULT_CLIENT_ID` in core). */
  readonly client_id?: string | undefined
  readonly token_url?: string | undefined
  readonly revoke_url?: string | undefined
  /**
   * Refresh this many milliseconds before the access token expires, but
   * never more than half its lifetime (a token of 60 s or less is
   * refreshed once, halfway). Default 60000.
   */
  readonly refresh_leeway?: number | undefined
}

/**
 * The settings of a {@link ProjectClient} (the official node SDK's names).
 * Without `project_id` and `secret`, they are read from
 * `STYTCH_PROJECT_ID` and `STYTCH_PROJECT_SECRET` (and
 * `STYTCH_PROJECT_BASE_URL`).
 *
 * @since 0.1.0
 * @category models
 */
export interface ProjectClientConfig {
  /** The project id; `project-live-…` sends to api.stytch.com, anything else to test.stytch.com. */
  readonly project_id?: string | undefined
  /** A secret of the project. Held redacted. */
  readonly secret?: string | Redacted.Redacted<string> | undefined
  /** The base URL (stytch-node's `env`, e.g. `https://test.stytch.com/`); `custom_base_url` wins over it. */
  readonly env?: string | undefined
  /** A custom base URL (a CNAME): `https:` only (`http:` for loopback hosts). */
  readonly custom_base_url?: string | undefined
  /** Per-attempt timeout in milliseconds. Default 60000. */
  readonly timeout?: number | undefined
  /** Retries of a retryable failure. Default 2; `0` turns retries off. */
  readonly max_retries?: number | undefined
}
