#!/usr/bin/env bash
# Bulk intake on a running Waymark (PostgreSQL, this machine): how long the upload request takes (every line read,
# checked and saved in one transaction) and how long until every captured file is hashed and matched in the
# background. Inputs are generated: a list of N URLs, and a ZIP of F synthetic PNG images (256x256 noise, python3).
#   bench/bulk-intake.sh [--urls 10000] [--files 500]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
URLS=10000
FILES=500
while [[ $# -gt 0 ]]; do
  case "$1" in
    --urls) URLS="$2"; shift 2 ;;
    --files) FILES="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
DB=waymark_intake_bench
PORT=8098
source "$ROOT/bench/server.sh"
start_server
admin create-user --username bench.analyst --role CONTENT_ANALYST --organisation CTIRU --password-stdin <<< "$PASSWORD" >/dev/null
TOKEN="$(admin create-token --username bench.analyst --days 1 | tail -n 1)"
run="$(date +%s)"
for i in $(seq 1 "$URLS"); do echo "https://video.example/watch?v=bench-$run-$i"; done > "$WORK/urls.txt"
python3 - "$WORK/sweep.zip" "$FILES" "$run" <<'PY'
import random, struct, sys, zipfile, zlib
out, n, run = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def png(seed):
    r = random.Random(seed)
    w = h = 256
    raw = b"".join(b"\0" + bytes(r.getrandbits(8) for _ in range(w * 3)) for _ in range(h))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b"")
with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
    z.writestr("manifest.csv", "url,file\n" + "".join(f"https://forum.example/t/{run}-{i},img/{i}.png\n" for i in range(n)))
    for i in range(n):
        z.writestr(f"img/{i}.png", png(f"{run}-{i}"))
PY
echo "== $(date -u +%FT%TZ); $(nproc) cores; PostgreSQL $("${PSQL[@]}" -d $DB -c 'show server_version'); $(du -h "$WORK/sweep.zip" | cut -f1) ZIP"
upload() { # file: prints "seconds intake-id"
  curl -s -o "$WORK/resp" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" -F source=PARTNER_UNIT -F "file=@$1" "$BASE/api/v1/content-intakes" > "$WORK/t"
  grep -q '"reference"' "$WORK/resp" || { cat "$WORK/resp" >&2; exit 1; }
  echo "$(cat "$WORK/t") $(grep -o '"id":"[0-9a-f-]*"' "$WORK/resp" | head -1 | cut -d'"' -f4)"
}
read -r secs _ < <(upload "$WORK/urls.txt")
printf 'list of %d URLs: saved (%d new items) in %.1f s, %.0f lines/s\n' "$URLS" "$URLS" "$secs" "$(echo "$URLS / $secs" | bc -l)"
started=$(date +%s.%N)
read -r secs id < <(upload "$WORK/sweep.zip")
printf 'ZIP of %d images: upload answered in %.1f s\n' "$FILES" "$secs"
until curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/content-intakes/$id" | grep -q '"finished":true'; do sleep 0.5; done
total=$(echo "$(date +%s.%N) - $started" | bc)
printf 'every image hashed and matched %.1f s after the upload began: %.1f images/s in the background\n' "$total" "$(echo "$FILES / $total" | bc -l)"
curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/content-intakes/$id" | grep -o '"counts":{[^}]*}'
