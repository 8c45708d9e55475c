/**
 * Test utilities for stytch-effect: a stateful fake of the Management API.
 *
 * @since 0.1.0
 */
/**
 * The stateful fake of the Management API: an in-memory Layer or a loopback HTTP server.
 *
 * @since 0.1.0
 */
export * as FakeManagementApi from "./FakeManagementApi.js"
/**
 * Faults to inject into the fake: error statuses, latency, malformed bodies, disconnects.
 *
 * @since 0.1.0
 */
export * as Fault from "./Fault.js"
