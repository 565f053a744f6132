-- Sustained API referral intake: every request a new referral with its own Idempotency-Key and subject.
--   WAYMARK_BENCH_TOKEN=wmk_... wrk -t2 -c64 -d30s -s bench/wrk/intake.lua http://127.0.0.1:8097
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local shared = require("shared")

local sent = 0

setup = shared.setup

function init(args)
  shared.seed()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("WAYMARK_BENCH_TOKEN")
end

function request()
  sent = sent + 1
  wrk.headers["Idempotency-Key"] = shared.idempotency_key(sent)
  return wrk.format(nil, "/api/v1/referrals", nil, shared.referral())
end

done = shared.done
