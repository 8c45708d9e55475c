import { PasswordStrengthConfig } from "@stytch-effect/resources"
import { badRequest } from "../errors.js"
import { type EnvironmentState, slot } from "../state.js"
import { environmentOf, type Handlers } from "./common.js"

/** A new environment's configuration: zxcvbn with every breach check on. */
const configOf = slot((_: EnvironmentState) => ({
  current: new PasswordStrengthConfig.PasswordStrengthConfig({
    checkBreachOnCreation: true,
    checkBreachOnAuthentication: true,
    validateOnAuthentication: true,
    validationPolicy: "ZXCVBN"
  })
}))

/** LUDS bounds (as the dashboard offers them). */
const LENGTH = { min: 8, max: 32 } as const
const COMPLEXITY = { min: 1, max: 4 } as const

const within = (value: number | undefined, bounds: { readonly min: number; readonly max: number }): value is number =>
  value !== undefined && Number.isInteger(value) && value >= bounds.min && value <= bounds.max

/** @internal */
export const passwordStrengthConfig: Handlers<typeof PasswordStrengthConfig> = {
  get: (request, { workspace }) => ({ passwordStrengthConfig: configOf(environmentOf(workspace, request)).current }),
  set: (request, { workspace }) => {
    const state = configOf(environmentOf(workspace, request))
    // A replace, not a patch: a missing key is its zero value (Go omits false), and a missing policy is the default.
    const policy = request.validationPolicy ?? "ZXCVBN"
    const common = {
      checkBreachOnCreation: request.checkBreachOnCreation,
      checkBreachOnAuthentication: request.checkBreachOnAuthentication,
      validateOnAuthentication: request.validateOnAuthentication,
      validationPolicy: policy
    }
    if (policy === "LUDS") {
      const length = request.ludsMinPasswordLength
      const complexity = request.ludsMinPasswordComplexity
      if (!within(length, LENGTH)) {
        throw badRequest(
          "invalid_luds_min_password_length",
          `luds_min_password_length must be an integer from ${LENGTH.min} to ${LENGTH.max} with the LUDS policy.`
        )
      }
      if (!within(complexity, COMPLEXITY)) {
        throw badRequest(
          "invalid_luds_min_password_complexity",
          `luds_min_password_complexity must be an integer from ${COMPLEXITY.min} to ${COMPLEXITY.max} with the LUDS policy.`
        )
      }
      state.current = new PasswordStrengthConfig.PasswordStrengthConfig({
        ...common,
        ludsMinPasswordLength: length,
        ludsMinPasswordComplexity: complexity
      })
    } else {
      // Under ZXCVBN the LUDS settings do not apply: they are dropped, not stored.
      state.current = new PasswordStrengthConfig.PasswordStrengthConfig(common)
    }
    return { passwordStrengthConfig: state.current }
  }
}
