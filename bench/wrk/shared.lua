-- Shared by the wrk scripts: numbers the threads, and prints one line in the form the other benchmarks use. The label comes from
-- WAYMARK_BENCH_LABEL. Every status of 400 or more, and every socket error or timeout, counts as an error.
local shared = {}

-- Numbers wrk's threads (each sees its own as the global thread_number) so each seeds its own random sequence.
local threads = 0
function shared.setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function shared.seed()
  math.randomseed(os.time() * 100 + thread_number)
end

function shared.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("%s: %d requests, %.1f per second, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d\n",
    os.getenv("WAYMARK_BENCH_LABEL") or "wrk", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status + e.connect + e.read + e.write + e.timeout))
end

return shared
