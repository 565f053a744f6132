-- Shared by the wrk scripts: numbers the threads, and prints one line in the form the other benchmarks use. The label comes from
-- WAYMARK_BENCH_LABEL. Every status of 400 or more, and every socket error or timeout, counts as an error.
local shared = {}

-- Numbers wrk's threads (each sees its own as the global thread_number) so each seeds its own random sequence.
shared.threads = {}
function shared.setup(thread)
  shared.threads[#shared.threads + 1] = thread
  thread:set("thread_number", #shared.threads)
end

function shared.seed()
  math.randomseed(os.time() * 100 + thread_number)
end

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

-- The local authorities referrals are about: WAYMARK_BENCH_AUTHORITIES (comma-separated ONS codes), else Camden.
local authorities = {}
for code in string.gmatch(os.getenv("WAYMARK_BENCH_AUTHORITIES") or "E09000007", "[^,]+") do authorities[#authorities + 1] = code end

-- A new referral's JSON body: a synthetic subject, as a school would send it.
function shared.referral()
  return string.format([[{"forename": "%s", "surname": "%s%s-Bench", "dateOfBirth": "%04d-%02d-%02d", "gender": "MALE",
 "address": "12 Example Street", "postcode": "%s %d%s%s", "localAuthority": "%s", "personAware": "NO",
 "concern": "Synthetic benchmark referral: shared extremist material in a group chat and spoke admiringly of an attacker; teachers noticed withdrawal from friends and a new interest in weapons.",
 "complexNeeds": ["NEURODIVERSITY"], "otherSafeguarding": "None known", "agenciesInvolved": "School nurse",
 "referrerName": "Bench Teacher", "referrerOrganisation": "Bench Academy", "referrerSector": "EDUCATION",
 "referrerEmail": "dsl@bench.example", "ethnicity": "NOT_STATED"}]],
    forenames[math.random(#forenames)], stems[math.random(#stems)], endings[math.random(#endings)],
    2006 + math.random(0, 8), math.random(1, 12), math.random(1, 28), districts[math.random(#districts)], math.random(0, 9), letter(), letter(),
    authorities[math.random(#authorities)])
end

-- An Idempotency-Key no other request of any thread or run uses; n counts this thread's requests.
function shared.idempotency_key(n)
  return string.format("bench-%d-%d-%d-%d", os.time(), thread_number, n, math.random(1, 2 ^ 30))
end

function shared.done(summary, latency, requests, suffix)
  local e = summary.errors
  io.write(string.format("%s: %d requests, %.1f per second, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%s\n",
    os.getenv("WAYMARK_BENCH_LABEL") or "wrk", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status + e.connect + e.read + e.write + e.timeout, suffix or ""))
end

return shared
