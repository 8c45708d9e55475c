/**
 * Bundle figures of the project API (issue: one project-API operation ≤ 10 KB gz over Effect's floor;
 * JOSE only where tokens are verified): `tsx bench/projectBundle.ts`. Same bundler settings as
 * bench/bundle.ts (esbuild, ESM, browser, minified, tree-shaken, gzip -9).
 */
import { bundle } from "./bundle.js"
const files = [
  ["floor", "bench/bundle/floor.ts"],
  ["Secrets.get", "bench/bundle/one-operation.ts"],
  ["M2MClients.get", "bench/bundle/project-operation.ts"],
  ["M2M.token", "bench/bundle/project-token.ts"],
  ["M2M.authenticateToken", "bench/bundle/project-verify.ts"]
] as const
const out = await Promise.all(files.map(([key, file]) => bundle({ key: "one", label: key, file })))
const floor = out[0]!.gzipped
for (const b of out) console.log(b.entry.label.padEnd(24), (b.gzipped / 1024).toFixed(2), "KB gz; over floor", ((b.gzipped - floor) / 1024).toFixed(2), "KB; jose min bytes:", b.byPackage.get("jose") ?? 0)
