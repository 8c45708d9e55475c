/** Small numeric and formatting helpers shared by the benchmark sections. */

export const median = (values: ReadonlyArray<number>): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Yields one macrotask turn (lets timers, I/O and FinalizationRegistry cleanups run). */
export const macrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Tries to collect garbage between measurements, when node runs with --expose-gc. */
export const settle = async (): Promise<void> => {
  await macrotask()
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc !== undefined) gc()
  await macrotask()
}

export const formatNumber = (n: number, digits = 0): string =>
  Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "—"

export const formatRatio = (n: number | undefined): string =>
  n === undefined || !Number.isFinite(n) ? "—" : `${n.toFixed(2)}×`

export const formatKB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`

/** A plain-text table: the first row is the header. */
export const table = (rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths: Array<number> = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
  const line = (row: ReadonlyArray<string>) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ").trimEnd()
  const [head, ...body] = rows
  if (head === undefined) return ""
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n")
}
