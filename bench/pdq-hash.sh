#!/usr/bin/env bash
# Image hashing throughput, whole process against whole process, decoding included: ./waymark pdq hash beside Meta's
# reference Java PDQ (ThreatExchange pdq/java's PDQPhotoHasherTool, compiled here from a checkout you give it; it is
# never part of this repository) on the same images, in the same session, runs alternating. Prints each side's median
# wall and CPU seconds and images a second, the ratio, and whether every hash and quality agree.
#   bench/pdq-hash.sh --reference DIR [--runs 5] [--repeat 1] [FOLDER]
# DIR holds the reference's sources (any folder with pdqhashing/hasher/PDQHasher.java beneath it), for example:
#   git -C THREATEXCHANGE_MIRROR archive HEAD pdq/java/src | tar -x -C /tmp/threatexchange
# FOLDER: default ../shared/data/pdq/images beside the checkout (the JPEG and PNG files; both decode with javax.imageio).
# --repeat K names every file K times in one run: the same images, more of them per process start.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS=5
REPEAT=1
REFERENCE=""
FOLDER="$ROOT/../shared/data/pdq/images"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --reference) REFERENCE="$2"; shift 2 ;;
    *) FOLDER="$1"; shift ;;
  esac
done
[[ -n "$REFERENCE" ]] || { echo "give --reference DIR: Meta's pdq/java sources (see the comment at the top)" >&2; exit 2; }
for d in /usr/lib/jvm/temurin-25*/ /usr/lib/jvm/*-2[1-9]-*/; do [[ -x "${d}bin/java" ]] && JAVA_HOME="${JAVA_HOME:-${d%/}}"; done
export JAVA_HOME
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
hasher="$(find "$REFERENCE" -path '*pdqhashing/hasher/PDQHasher.java' | head -1)"
[[ -n "$hasher" ]] || { echo "no pdqhashing/hasher/PDQHasher.java under $REFERENCE" >&2; exit 2; }
src="${hasher%/pdqhashing/hasher/PDQHasher.java}"
find "$src/pdqhashing" -name '*.java' > "$work/sources"
"$JAVA_HOME/bin/javac" -nowarn -d "$work/reference" @"$work/sources" >&2
mapfile -t images < <(find "$FOLDER" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' \) | sort)
[[ ${#images[@]} -gt 0 ]] || { echo "no JPEG or PNG images in $FOLDER" >&2; exit 2; }
files=()
for ((k = 0; k < REPEAT; k++)); do files+=("${images[@]}"); done
"$ROOT/waymark" pdq hash "${images[0]}" > /dev/null   # builds the jar and its start-up cache first

ours() { "$ROOT/waymark" pdq hash "${files[@]}"; }
reference() { "$JAVA_HOME/bin/java" -cp "$work/reference" pdqhashing.tools.PDQPhotoHasherTool --no-timings "${files[@]}"; }

for side in ours reference; do : > "$work/$side.times"; done
for ((r = 0; r < RUNS; r++)); do
  for side in ours reference; do
    /usr/bin/time -f "%e %U %S" -o "$work/t" bash -c "$(declare -f $side); $(declare -p ROOT JAVA_HOME work files); $side" > "$work/$side.out"
    awk '{ print $1, $2 + $3 }' "$work/t" >> "$work/$side.times"
  done
done
agree=$(diff <(cut -d, -f1,2 "$work/ours.out") <(cut -d, -f1,2 "$work/reference.out") > /dev/null && echo "every hash and quality equal" || echo "HASHES DIFFER")
echo "$(date -u +%FT%TZ) $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); ${#files[@]} images a run (${#images[@]} files x $REPEAT) from $FOLDER; median of $RUNS runs each, alternating"
median() { sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for side in ours reference; do
  wall=$(median "$work/$side.times" 1); cpu=$(median "$work/$side.times" 2)
  printf '%-10s wall %6.2f s  cpu %6.2f s  %7.1f images/s\n' "$side" "$wall" "$cpu" "$(awk -v n="${#files[@]}" -v w="$wall" 'BEGIN { print n / w }')"
  eval "${side}_wall=$wall; ${side}_cpu=$cpu"
done
awk -v ow="$ours_wall" -v rw="$reference_wall" -v oc="$ours_cpu" -v rc="$reference_cpu" \
  'BEGIN { printf "ratio      %.2fx the reference'"'"'s images/s (wall), %.2fx its CPU per image\n", rw / ow, oc / rc }'
echo "$agree"
