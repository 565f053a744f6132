-- The realistic mix for the breaking point (bench/breaking-point.sh): each request drawn at random, weighted,
-- each as the role that makes it. Credentials and case ids come from the environment:
--   WAYMARK_BENCH_REFERRER_TOKEN, _GATEWAY_TOKEN, _COORDINATOR_TOKEN, _ANALYST_TOKEN: API tokens (Bearer)
--   WAYMARK_BENCH_GATEWAY_COOKIE, _COORDINATOR_COOKIE: signed-in sessions for the HTML pages
--   WAYMARK_BENCH_IDS: case ids, one a line (the gateway may read them all); WAYMARK_BENCH_SCREENING_IDS: those at screening
--   WAYMARK_BENCH_ORGANISATION: the coordinator's organisation (panel meetings are held by it)
--   WAYMARK_BENCH_ONLY: one kind of request alone (intake, case-api, case-page, ..., statistics-api)
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local shared = require("shared")

local sent = 0
local ids, screening = {}, {}
local kinds = {}
local total = 100

local function lines(file, into)
  for line in io.lines(file) do
    if line ~= "" then into[#into + 1] = line end
  end
end

local function bearer(role)
  return {["Authorization"] = "Bearer " .. os.getenv("WAYMARK_BENCH_" .. role .. "_TOKEN"), ["Accept"] = "application/json"}
end

local function cookie(role)
  return {["Cookie"] = os.getenv("WAYMARK_BENCH_" .. role .. "_COOKIE"), ["Accept"] = "text/html"}
end

local function pick(list) return list[math.random(#list)] end

setup = shared.setup

function init(args)
  shared.seed()
  lines(os.getenv("WAYMARK_BENCH_IDS"), ids)
  lines(os.getenv("WAYMARK_BENCH_SCREENING_IDS"), screening)
  local referrer, gateway, coordinator, analyst = bearer("REFERRER"), bearer("GATEWAY"), bearer("COORDINATOR"), bearer("ANALYST")
  local gateway_page, coordinator_page = cookie("GATEWAY"), cookie("COORDINATOR")
  local organisation = os.getenv("WAYMARK_BENCH_ORGANISATION")
  local function json(headers)
    local h = {}
    for k, v in pairs(headers) do h[k] = v end
    h["Content-Type"] = "application/json"
    return h
  end
  -- weight (of 100), name, then a function giving method, path, headers, body
  kinds = {
    {25, "intake", function() -- intake: a school's referral through the API
      sent = sent + 1
      local h = json(referrer)
      h["Idempotency-Key"] = shared.idempotency_key(sent)
      return "POST", "/api/v1/referrals", h, shared.referral()
    end},
    {20, "case-api", function() return "GET", "/api/v1/cases/" .. pick(ids), gateway, nil end},
    {10, "case-page", function() return "GET", "/cases/" .. pick(ids), gateway_page, nil end},
    {10, "screening-queue-page", function() return "GET", "/cases?stage=SCREENING&page=" .. math.random(1, 5), gateway_page, nil end},
    {5, "channel-queue-api", function() return "GET", "/api/v1/cases?stage=CHANNEL&stage=SUPPORT", coordinator, nil end},
    {5, "coordinator-queue-page", function() return "GET", "/cases", coordinator_page, nil end},
    {10, "screening-check", function() -- screening: a system check recorded on a case at screening
      return "POST", "/api/v1/cases/" .. pick(screening) .. "/checks", json(gateway),
        [[{"system": "PNC", "result": "NO_TRACE", "note": "Synthetic check from the load test"}]]
    end},
    {5, "panel-meeting", function() -- panel: the coordinator arranges a meeting
      return "POST", "/api/v1/panel-meetings", json(coordinator), string.format(
        [[{"heldOn": "%s", "attendees": [{"organisation": "%s", "name": "Bench Chair", "role": "Chair"}]}]],
        os.date("!%Y-%m-%d", os.time() + 86400 * math.random(1, 60)), organisation)
    end},
    {10, "statistics-api", function() return "GET", "/api/v1/statistics/referrals", analyst, nil end},
  }
  -- WAYMARK_BENCH_ONLY=name: that kind of request alone, to find which one costs what
  local only = os.getenv("WAYMARK_BENCH_ONLY")
  if only and only ~= "" then
    for _, kind in ipairs(kinds) do
      if kind[2] == only then kinds = {kind} break end
    end
  end
  total = 0
  for _, kind in ipairs(kinds) do total = total + kind[1] end
end

function request()
  local r = math.random(total)
  for _, kind in ipairs(kinds) do
    r = r - kind[1]
    if r <= 0 then
      local method, path, headers, body = kind[3]()
      return wrk.format(method, path, headers, body)
    end
  end
end

-- Which statuses the failures were (each thread keeps its own count, as text the main thread can read at the end).
local failed = {}
function response(status)
  if status >= 400 then
    failed[status] = (failed[status] or 0) + 1
    local parts = {}
    for code, n in pairs(failed) do parts[#parts + 1] = n .. " of " .. code end
    statuses = table.concat(parts, ", ")
  end
end

function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(shared.threads) do
    local s = thread:get("statuses")
    if s and s ~= "" then all[#all + 1] = s end
  end
  shared.done(summary, latency, requests, #all > 0 and (" (" .. table.concat(all, "; ") .. ")") or "")
end
