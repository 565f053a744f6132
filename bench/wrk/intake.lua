-- Sustained API referral intake: every request a new referral with its own Idempotency-Key and subject.
--   WAYMARK_BENCH_TOKEN=wmk_... wrk -t2 -c64 -d30s -s bench/wrk/intake.lua http://127.0.0.1:8097
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local shared = require("shared")

-- Synthetic people spread as real referrals are: many surnames and postcodes, so no blocking key of record
-- linkage holds thousands of them (one shared postcode and surname initial made every lookup read 2,000 rows).
local forenames = {"Alex", "Sam", "Jordan", "Riley", "Casey", "Morgan", "Taylor", "Jamie", "Kai", "Rowan", "Ellis", "Noor"}
local stems = {"Ash", "Brook", "Carr", "Dale", "Ell", "Fenn", "Gray", "Hale", "Irv", "Jess", "Kerr", "Lamb", "Marsh", "Nash",
  "Orme", "Pike", "Quill", "Rook", "Stone", "Thorn", "Upt", "Vale", "Wick", "Yard"}
local endings = {"ley", "ton", "well", "wood", "field", "ford", "by", "ham", "worth", "more", "stead", "combe"}
local districts = {"E1", "E2", "E3", "E5", "E8", "E9", "E14", "E17", "N1", "N4", "N7", "N15", "N17", "NW1", "NW5", "NW6", "NW10",
  "SE1", "SE5", "SE8", "SE13", "SE15", "SE18", "SW2", "SW4", "SW8", "SW9", "SW11", "SW17", "W2", "W3", "W6", "W10", "W12"}
local letters = "ABDEFGHJLNPQRSTUWXYZ"
local function letter() local i = math.random(#letters) return letters:sub(i, i) end
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
  wrk.headers["Idempotency-Key"] = string.format("bench-%d-%d-%d-%d", os.time(), thread_number, sent, math.random(1, 2 ^ 30))
  local body = string.format([[{"forename": "%s", "surname": "%s%s-Bench", "dateOfBirth": "%04d-%02d-%02d", "gender": "MALE",
 "address": "12 Example Street", "postcode": "%s %d%s%s", "localAuthority": "E09000007", "personAware": "NO",
 "concern": "Synthetic benchmark referral: shared extremist material in a group chat and spoke admiringly of an attacker; teachers noticed withdrawal from friends and a new interest in weapons.",
 "complexNeeds": ["NEURODIVERSITY"], "otherSafeguarding": "None known", "agenciesInvolved": "School nurse",
 "referrerName": "Bench Teacher", "referrerOrganisation": "Bench Academy", "referrerSector": "EDUCATION",
 "referrerEmail": "dsl@bench.example", "ethnicity": "NOT_STATED"}]],
    forenames[math.random(#forenames)], stems[math.random(#stems)], endings[math.random(#endings)],
    2006 + math.random(0, 8), math.random(1, 12), math.random(1, 28), districts[math.random(#districts)], math.random(0, 9), letter(), letter())
  return wrk.format(nil, "/api/v1/referrals", nil, body)
end

done = shared.done
