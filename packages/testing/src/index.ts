/**
 * Test utilities for stytch-effect: a stateful fake of the Management API.
 *
 * @since 0.1.0
 */
export * as FakeManagementApi from "./FakeManagementApi.js"
export * as Fault from "./Fault.js"
