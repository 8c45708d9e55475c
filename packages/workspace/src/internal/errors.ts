import * as Schema from "effect/Schema"

/**
 * An action the live state does not allow as planned. `reason` says why:
 * `Stale` (a resource the plan names is gone: the live configuration changed
 * since the plan), `ReplaceOnly` (a key that cannot change, such as a
 * project's vertical), `NotApplied` (the API answered success without
 * applying a value, such as an unverified sender domain) or
 * `UnknownEnvironment` (promote named an environment the project does not
 * have).
 *
 * @internal
 */
export class ConflictError extends Schema.TaggedError<ConflictError>("@stytch-effect/workspace/ConflictError")(
  "ConflictError",
  {
    reason: Schema.Literal("Stale", "ReplaceOnly", "NotApplied", "UnknownEnvironment"),
    message: Schema.String
  }
) {}

/**
 * Secret references (`{ fromEnv: "NAME" }`) whose variables are not set;
 * raised before any write.
 *
 * @internal
 */
export class SecretReferenceError
  extends Schema.TaggedError<SecretReferenceError>("@stytch-effect/workspace/SecretReferenceError")(
    "SecretReferenceError",
    { names: Schema.Array(Schema.String) }
  )
{
  override get message(): string {
    return `environment variables not set for secret references: ${this.names.join(", ")}`
  }
}
