import * as Schema from "effect/Schema"

/**
 * An action the live state does not allow as planned (a replace-only key
 * changed, a resource named in the plan is gone).
 *
 * @internal
 */
export class ConflictError extends Schema.TaggedError<ConflictError>("@stytch-effect/workspace/ConflictError")(
  "ConflictError",
  { message: Schema.String }
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
