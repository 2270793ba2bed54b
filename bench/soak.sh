#!/usr/bin/env bash
# Soak: FILES small scans (5,000 by default; slips of one line, samples' Slips) dropped into the inbox
# of the real ./archive watch with a bounded heap (-Xmx256m by default) and 2 workers, all at once
# (a rename each). Samples every SECONDS_BETWEEN s the resident memory of the watch's own process and
# of its engine processes together, with the documents made so far, into OUT_DIR/memory.csv, then
# prints the highest of each within each thousand files done: whether memory grows with the files.
#   bench/soak.sh [FILES] [HEAP] [OUT_DIR]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FILES="${1:-5000}"
HEAP="${2:-256m}"
OUT="${3:-$ROOT/target/bench-soak}"
SECONDS_BETWEEN="${SECONDS_BETWEEN:-2}"

"$ROOT/archive" --help >/dev/null   # builds the pipeline now, outside the measurement
rm -rf "$OUT" && mkdir -p "$OUT/inbox"
"$ROOT/archive" --main org.workersarchive.samples.Slips "$OUT/slips" "$FILES" >&2

rss_of() { ps -o rss= -p "$1" 2>/dev/null | tr -d ' ' || true; }
documents() { { find "$OUT/archive/documents" -mindepth 1 -maxdepth 1 -type d ! -name '.*' 2>/dev/null || true; } | wc -l; }

ARCHIVE_JAVA_OPTS="-Xmx$HEAP" "$ROOT/archive" watch --inbox "$OUT/inbox" --archive "$OUT/archive" --workers 2 \
  >"$OUT/watch.log" 2>&1 &
watch=$!
trap 'kill -TERM "$watch" 2>/dev/null || true' EXIT
until grep -q '^Watching' "$OUT/watch.log"; do
  kill -0 "$watch" 2>/dev/null || { echo "the watch did not start; see $OUT/watch.log" >&2; exit 1; }
  sleep 0.5
done
start=$(date +%s)
find "$OUT/slips" -name '*.png' -exec mv -t "$OUT/inbox" {} +
echo "seconds,documents,watchResidentMB,enginesResidentMB" >"$OUT/memory.csv"
while :; do
  done_count="$(documents)"
  watch_rss="$(rss_of "$watch")"
  engines="$({ pgrep -P "$watch" || true; } | while read -r child; do rss_of "$child"; done | awk '{ s += $1 } END { print s + 0 }')"
  echo "$(( $(date +%s) - start )),$done_count,$(( ${watch_rss:-0} / 1024 )),$(( engines / 1024 ))" >>"$OUT/memory.csv"
  if [ "$done_count" -ge "$FILES" ] && [ -z "$(ls -A "$OUT/inbox")" ]; then break; fi
  kill -0 "$watch" 2>/dev/null || { echo "the watch process died; see $OUT/watch.log" >&2; exit 1; }
  sleep "$SECONDS_BETWEEN"
done
seconds=$(( $(date +%s) - start ))
kill -TERM "$watch"; wait "$watch" || true
trap - EXIT
failed="$({ find "$OUT/archive/failed" -type f ! -name '*.reason.txt' 2>/dev/null || true; } | wc -l)"
echo "soak: $FILES files through watch (-Xmx$HEAP, 2 workers) in $seconds s, $(documents) documents, $failed failed"
echo "highest resident memory in each thousand files done (MB): files, watch process, its engine processes together"
awk -F, 'NR > 1 { k = int(($2 - 1) / 1000) + 1; if ($2 == 0) k = 1;
           if ($3 > w[k]) w[k] = $3; if ($4 > e[k]) e[k] = $4; if (k > last) last = k }
         END { for (k = 1; k <= last; k++) printf "  %5d-%5d  %5d  %5d\n", (k - 1) * 1000 + 1, k * 1000, w[k], e[k] }' \
  "$OUT/memory.csv"
echo "samples: $OUT/memory.csv"
