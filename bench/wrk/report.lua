-- Shared by the wrk scripts: prints one line in the form the other benchmarks use. The label comes from
-- WAYMARK_BENCH_LABEL. Every status of 400 or more, and every socket error or timeout, counts as an error.
local report = {}

function report.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("%s: %d requests, %.1f per second, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d\n",
    os.getenv("WAYMARK_BENCH_LABEL") or "wrk", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status + e.connect + e.read + e.write + e.timeout))
end

return report
