/**
 * TrustedTokenProfiles (not yet implemented: this group has no endpoints yet).
 *
 * @since 0.2.0
 */
import { Endpoint } from "@stytch-effect/core"

/**
 * The endpoint definitions of this group.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const endpoints = Endpoint.group("trustedTokenProfiles", {})
