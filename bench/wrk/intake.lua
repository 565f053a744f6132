-- Sustained API referral intake: every request a new referral with its own Idempotency-Key and subject.
--   WAYMARK_BENCH_TOKEN=wmk_... wrk -t2 -c64 -d30s -s bench/wrk/intake.lua http://127.0.0.1:8097
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local report = require("report")

local forenames = {"Alex", "Sam", "Jordan", "Riley", "Casey", "Morgan", "Taylor", "Jamie", "Kai", "Rowan", "Ellis", "Noor"}
local threads = 0
local sent = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + thread_number)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("WAYMARK_BENCH_TOKEN")
end

function request()
  sent = sent + 1
  wrk.headers["Idempotency-Key"] = string.format("bench-%d-%d-%d-%d", os.time(), thread_number, sent, math.random(1, 2 ^ 30))
  local body = string.format([[{"forename": "%s", "surname": "Bench%d%d", "dateOfBirth": "%04d-%02d-%02d", "gender": "MALE",
 "address": "12 Example Street", "postcode": "NW1 2AB", "localAuthority": "E09000007", "personAware": "NO",
 "concern": "Synthetic benchmark referral: shared extremist material in a group chat and spoke admiringly of an attacker; teachers noticed withdrawal from friends and a new interest in weapons.",
 "complexNeeds": ["NEURODIVERSITY"], "otherSafeguarding": "None known", "agenciesInvolved": "School nurse",
 "referrerName": "Bench Teacher", "referrerOrganisation": "Bench Academy", "referrerSector": "EDUCATION",
 "referrerEmail": "dsl@bench.example", "ethnicity": "NOT_STATED"}]],
    forenames[math.random(#forenames)], math.random(1, 2 ^ 30), thread_number, 2006 + math.random(0, 8), math.random(1, 12), math.random(1, 28))
  return wrk.format(nil, "/api/v1/referrals", nil, body)
end

done = report.done
