#!/usr/bin/env bash
# vPDQ hashing throughput, whole process: ./waymark vpdq hash over a folder of videos (decoding included), as an
# integrator runs it, at the reference's settings (every frame at full size, every frame at 128x128, one frame a
# second). Prints frames hashed, wall and CPU seconds, and frames per second of each, best of --runs.
#   bench/vpdq-hash.sh [--runs 3] [FOLDER]      (default: ../shared/data/vpdq/videos beside the checkout)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS=3
FOLDER="$ROOT/../shared/data/vpdq/videos"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    *) FOLDER="$1"; shift ;;
  esac
done
shopt -s nullglob
videos=("$FOLDER"/*.mp4 "$FOLDER"/*.webm "$FOLDER"/*.mov)
[[ ${#videos[@]} -gt 0 ]] || { echo "no videos in $FOLDER" >&2; exit 2; }
"$ROOT/waymark" vpdq hash --seconds-per-hash 1 "${videos[0]}" > /dev/null   # builds the jar and its start-up cache first
out="$(mktemp)"; timing="$(mktemp)"; trap 'rm -f "$out" "$timing"' EXIT
echo "$(date -u +%FT%TZ) $(nproc) cores; ${#videos[@]} videos from $FOLDER"
for setting in "" "--downsample 128" "--seconds-per-hash 1"; do
  best=""; best_wall=""
  for ((r = 0; r < RUNS; r++)); do
    /usr/bin/time -f "%e %U %S" -o "$timing" "$ROOT/waymark" vpdq hash $setting "${videos[@]}" > "$out"
    read -r wall user sys < "$timing"
    frames=$(grep -vc '^#' "$out")
    line=$(awk -v f="$frames" -v w="$wall" -v u="$user" -v s="$sys" \
      'BEGIN { printf "%6d frames  wall %6.2f s  cpu %6.2f s  %7.1f frames/s (wall)  %7.1f frames/cpu-s", f, w, u + s, f / w, f / (u + s) }')
    if [[ -z "$best" ]] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best="$line"; best_wall="$wall"; fi
  done
  printf '%-24s %s\n' "${setting:-every frame, full size}" "$best"
done
