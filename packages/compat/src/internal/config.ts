import type { RetryPolicy } from "@stytch-effect/core"
import * as Credentials from "@stytch-effect/core/Credentials"
import * as StytchManagement from "@stytch-effect/core/StytchManagement"
import * as StytchProject from "@stytch-effect/core/StytchProject"
import type * as ConfigError from "effect/ConfigError"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import { ClientError } from "../Errors.js"
import type { ClientConfig } from "./clientConfig.js"
import type { ProjectClientConfig } from "./clientConfig.js"

/** A checked configuration. @internal */
export interface Resolved {
  readonly options: StytchManagement.Options & { readonly baseURL: string }
  /** The retry policy's options, when the config sets any. */
  readonly retry: RetryPolicy.Options | undefined
  /** Where the credentials came from. */
  readonly source: "config" | "environment"
}

const describeConfigError = (e: ConfigError.ConfigError): string => (e._op === "InvalidData" ? e.message : String(e))

/** Absent: `undefined`, `null` or `""` (as the official SDK's `!value` check treats them). */
const absent = (value: unknown): boolean =>
  value === undefined || value === null || value === "" ||
  (Redacted.isRedacted(value) && absent(Redacted.value(value as Redacted.Redacted<unknown>)))

const MISSING = "pass workspace_key_id and workspace_key_secret (or access_token) to new ManagementClient(…), " +
  "or set STYTCH_WORKSPACE_KEY_ID and STYTCH_WORKSPACE_KEY_SECRET (or STYTCH_ACCESS_TOKEN) in the environment"

/** The official SDK's message for a missing field, then ours. */
const missing = (field: string, detail: string) =>
  new ClientError("MISSING_CREDENTIALS", `Missing "${field}" in config: ${detail}`)

/** A present credential field must be a usable string (checked by core); the message names the field only. */
const checked = <A>(field: string, kind: "keyID" | "keySecret" | "token", value: A): A => {
  const problem = Credentials.problem(kind, value)
  if (problem !== undefined) throw new ClientError("INVALID_CONFIG", `${field} ${problem}`, { field })
  return value
}

const fromConfig = (
  config: ClientConfig
): { readonly credentials: Credentials.Credentials } | undefined => {
  const { access_token, workspace_key_id, workspace_key_secret } = config
  const hasID = !absent(workspace_key_id)
  const hasSecret = !absent(workspace_key_secret)
  const hasToken = !absent(access_token)
  if ((hasID || hasSecret) && hasToken) {
    throw new ClientError(
      "INVALID_CONFIG",
      "pass either workspace_key_id and workspace_key_secret, or access_token, not both"
    )
  }
  if (hasID && hasSecret) {
    return {
      credentials: Credentials.workspaceKey(
        checked("workspace_key_id", "keyID", workspace_key_id!),
        checked("workspace_key_secret", "keySecret", workspace_key_secret!)
      )
    }
  }
  if (hasID) throw missing("workspace_key_secret", `workspace_key_id is set, workspace_key_secret is missing; ${MISSING}`)
  if (hasSecret) throw missing("workspace_key_id", `workspace_key_secret is set, workspace_key_id is missing; ${MISSING}`)
  if (hasToken) return { credentials: Credentials.accessToken(checked("access_token", "token", access_token!)) }
  return undefined
}

const normal = (key: string) => key.replace(/_/g, "").toLowerCase()

/**
 * A key that is no option but is spelt like one (`baseURL`, `maxRetries`:
 * another casing, or without `_`), or names an alias of one (the other
 * client's base URL option), while that option is absent: a `ClientError`
 * (`INVALID_CONFIG` for a client's config). Ignored, it would send to the
 * default (production) URL, or drop the setting, silently. Other unknown keys
 * are still ignored, as the official SDKs ignore them.
 *
 * @internal
 */
export const checkKeys = (
  config: object,
  options: ReadonlyArray<string>,
  aliases: Readonly<Record<string, string>> = {},
  code: "INVALID_CONFIG" | "INVALID_REQUEST" = "INVALID_CONFIG"
): void => {
  for (const key of Object.keys(config)) {
    if (options.includes(key)) continue
    const option = Object.hasOwn(aliases, key) ? aliases[key] : options.find((option) => normal(option) === normal(key))
    if (option !== undefined && (config as Record<string, unknown>)[option] === undefined) {
      throw new ClientError(code, `${key}: no such option; did you mean ${option}?`, { field: key })
    }
  }
}

/**
 * A config that is not an object (`null`, a string, from JavaScript):
 * `INVALID_CONFIG`, not a `TypeError` from inside the client.
 *
 * @internal
 */
export const checkObject = (config: unknown, client: string): void => {
  if (typeof config !== "object" || config === null) {
    throw new ClientError(
      "INVALID_CONFIG",
      `the config of new ${client}(…) must be an object, got ${config === null ? "null" : typeof config}`
    )
  }
}

const CLIENT_OPTIONS = [
  "workspace_key_id",
  "workspace_key_secret",
  "access_token",
  "base_url",
  "timeout",
  "max_retries",
  "max_retry_delay",
  "deadline",
  "max_response_size",
  "oauth"
] as const satisfies ReadonlyArray<keyof ClientConfig>

const PROJECT_CLIENT_OPTIONS = ["project_id", "secret", "env", "custom_base_url", "timeout", "max_retries"] as const satisfies
  ReadonlyArray<keyof ProjectClientConfig>

/** The `timeout` and `max_retries` settings both clients have. */
const checkRetries = (config: Pick<ClientConfig, "timeout" | "max_retries">): void => {
  if (config.timeout !== undefined && !(Number.isFinite(config.timeout) && config.timeout > 0)) {
    throw new ClientError("INVALID_CONFIG", `timeout must be a positive number of milliseconds, got ${config.timeout}`)
  }
  if (config.max_retries !== undefined && !(Number.isInteger(config.max_retries) && config.max_retries >= 0)) {
    throw new ClientError("INVALID_CONFIG", `max_retries must be a non-negative integer, got ${config.max_retries}`)
  }
}

/**
 * Checks a `ClientConfig` synchronously and turns it into core options.
 * Credentials come from the config, or — when it has none at all — from the
 * environment through core's `StytchManagement.config` (which also reads
 * `STYTCH_MANAGEMENT_BASE_URL`). Throws a `ClientError`; never mentions a
 * secret.
 *
 * @internal
 */
export const resolve = (config: ClientConfig): Resolved => {
  checkKeys(config, CLIENT_OPTIONS, { custom_base_url: "base_url" })
  checkRetries(config)
  for (const field of ["max_retry_delay", "deadline", "max_response_size"] as const) {
    const value = config[field]
    if (value !== undefined && !(typeof value === "number" && value > 0 && !Number.isNaN(value))) {
      throw new ClientError("INVALID_CONFIG", `${field} must be a positive number, got ${String(value)}`, { field })
    }
  }

  let credentials: Credentials.Credentials
  let envBaseURL: string | URL | undefined
  let source: Resolved["source"]
  const explicit = fromConfig(config)
  if (explicit !== undefined) {
    credentials = explicit.credentials
    source = "config"
  } else {
    const env = Effect.runSync(Effect.either(StytchManagement.config))
    if (Either.isLeft(env)) {
      // Core's MissingData names the variable to set: the secret when only STYTCH_WORKSPACE_KEY_ID is set, else
      // the id (nothing set, or only the secret); anything else (an empty variable) is detail.
      if (env.left._op === "MissingData") {
        throw env.left.path[0] === "STYTCH_WORKSPACE_KEY_SECRET"
          ? missing("workspace_key_secret", `STYTCH_WORKSPACE_KEY_ID is set, STYTCH_WORKSPACE_KEY_SECRET is missing; ${MISSING}`)
          : missing("workspace_key_id", MISSING)
      }
      throw new ClientError("INVALID_CONFIG", `invalid Stytch credentials in the environment: ${describeConfigError(env.left)}`, {
        cause: env.left
      })
    }
    credentials = env.right.credentials
    envBaseURL = env.right.baseURL
    source = "environment"
  }

  const rawBaseURL = config.base_url ?? envBaseURL ?? StytchManagement.DEFAULT_BASE_URL
  const baseURL = StytchManagement.parseBaseURL(rawBaseURL)
  if (Either.isLeft(baseURL)) {
    const e = baseURL.left
    const origin = config.base_url === undefined && envBaseURL !== undefined ? "STYTCH_MANAGEMENT_BASE_URL" : "base_url"
    const reason = describeConfigError(e)
    // The official SDK's message for a non-https URL comes first.
    const message = /https:/.test(reason) ? `${origin} must use HTTPS scheme: ${reason}` : `invalid ${origin}: ${reason}`
    throw new ClientError("INVALID_BASE_URL", message, { cause: e })
  }

  return {
    options: {
      credentials,
      baseURL: baseURL.right,
      ...(config.timeout === undefined ? {} : { timeout: Duration.millis(config.timeout) }),
      ...(config.deadline === undefined ? {} : { deadline: Duration.millis(config.deadline) }),
      ...(config.max_response_size === undefined ? {} : { maxResponseSize: config.max_response_size })
    },
    retry: config.max_retries === undefined && config.max_retry_delay === undefined ? undefined : {
      ...(config.max_retries === undefined ? {} : { maxRetries: config.max_retries }),
      ...(config.max_retry_delay === undefined ? {} : { maxDelay: Duration.millis(config.max_retry_delay) })
    },
    source
  }
}

/**
 * Checks a `ProjectClientConfig` synchronously and turns it into core
 * options; without `project_id` and `secret`, reads them from the
 * environment (core's `StytchProject.config`). Throws a `ClientError`;
 * never mentions the secret.
 *
 * @internal
 */
export const resolveProject = (config: ProjectClientConfig): StytchProject.Options => {
  checkObject(config, "ProjectClient")
  checkKeys(config, PROJECT_CLIENT_OPTIONS, { base_url: "custom_base_url" })
  checkRetries(config)
  let options: StytchProject.Options
  if (absent(config.project_id) && absent(config.secret)) {
    const env = Effect.runSync(Effect.either(StytchProject.config))
    if (Either.isLeft(env)) {
      const how = "pass project_id and secret to new ProjectClient(…), or set STYTCH_PROJECT_ID and STYTCH_PROJECT_SECRET"
      // A variable that is set but unusable (core's message names it, never its value).
      if (env.left._op === "InvalidData") {
        throw new ClientError("INVALID_CONFIG", `invalid Stytch project credentials in the environment: ${env.left.message}`, {
          cause: env.left
        })
      }
      // Only STYTCH_PROJECT_ID set: the secret is what is missing.
      if (env.left._op === "MissingData" && env.left.path[0] === "STYTCH_PROJECT_SECRET") {
        throw new ClientError(
          "MISSING_CREDENTIALS",
          `Missing "secret" in config: STYTCH_PROJECT_ID is set, STYTCH_PROJECT_SECRET is missing; ${how}`,
          { cause: env.left }
        )
      }
      throw new ClientError("MISSING_CREDENTIALS", `Missing "project_id" in config: ${how}`, { cause: env.left })
    }
    options = env.right
  } else if (absent(config.project_id)) {
    throw new ClientError("MISSING_CREDENTIALS", `Missing "project_id" in config`)
  } else if (absent(config.secret)) {
    throw new ClientError("MISSING_CREDENTIALS", `Missing "secret" in config`)
  } else {
    options = { projectID: config.project_id!, secret: config.secret! }
  }
  // stytch-node: `custom_base_url` wins over `env`.
  const baseURL = config.custom_base_url ?? config.env
  const baseKey = config.custom_base_url === undefined && config.env !== undefined ? "env" : "custom_base_url"
  if (baseURL !== undefined) options = { ...options, baseURL }
  if (config.timeout !== undefined) options = { ...options, timeout: Duration.millis(config.timeout) }
  const checked = StytchProject.check(options)
  if (Either.isLeft(checked)) {
    const reason = describeConfigError(checked.left)
    if (checked.left._op === "InvalidData" && checked.left.path[0] === "baseURL") {
      throw new ClientError(
        "INVALID_BASE_URL",
        /https:/.test(reason) ? `${baseKey} must use HTTPS scheme: ${reason}` : `invalid ${baseKey}: ${reason}`,
        { cause: checked.left }
      )
    }
    throw new ClientError("INVALID_CONFIG", reason.replace(/^projectID/, "project_id"), { cause: checked.left })
  }
  return options
}
