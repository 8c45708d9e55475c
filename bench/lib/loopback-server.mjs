// A minimal loopback HTTP server for the benchmarks: answers every request
// with the fixed body passed in BENCH_BODY, on 127.0.0.1 and a free port.
// Run as a child process (so its CPU time is not charged to the client's
// event loop); reports its port over IPC and exits when the parent does.
import { createServer } from "node:http"

const body = Buffer.from(process.env.BENCH_BODY ?? "{}")
const headers = { "content-type": "application/json", "content-length": String(body.length) }

const server = createServer((req, res) => {
  req.resume()
  req.on("end", () => {
    res.writeHead(200, headers)
    res.end(body)
  })
})
server.keepAliveTimeout = 60_000
server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: server.address().port })
})
process.on("disconnect", () => process.exit(0))
