-- GETs of WAYMARK_BENCH_PATH, followed by an id picked at random from the file WAYMARK_BENCH_IDS (one a line) if set;
-- credentials come as -H on the command line (a bearer token, or a session cookie for the HTML page).
--   WAYMARK_BENCH_PATH=/api/v1/cases/ WAYMARK_BENCH_IDS=ids wrk -t2 -c4 -d30s -H "Authorization: Bearer wmk_..." -s bench/wrk/pages.lua URL
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local shared = require("shared")

local ids = {}
local path = os.getenv("WAYMARK_BENCH_PATH")

setup = shared.setup

function init(args)
  shared.seed()
  if os.getenv("WAYMARK_BENCH_IDS") then
    for line in io.lines(os.getenv("WAYMARK_BENCH_IDS")) do
      if line ~= "" then ids[#ids + 1] = line end
    end
  end
end

function request()
  return wrk.format("GET", #ids == 0 and path or path .. ids[math.random(#ids)])
end

done = shared.done
