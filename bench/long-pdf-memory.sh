#!/usr/bin/env bash
# Memory: an image-only PDF of PAGES pages (500 by default; LongPdf in the samples module) through
# ./archive batch with the pipeline's heap bounded (-Xmx512m by default). Prints whether it went
# through, its time, and the peak resident memory of the pipeline's own process (sampled every
# 0.2 s) beside that of its engine processes together.
#   bench/long-pdf-memory.sh [PAGES] [HEAP] [OUT_DIR]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PAGES="${1:-500}"
HEAP="${2:-512m}"
OUT="${3:-$ROOT/target/bench-long-pdf}"

"$ROOT/archive" --help >/dev/null   # builds the pipeline now, outside the measurement
rm -rf "$OUT" && mkdir -p "$OUT"
"$ROOT/archive" --main org.workersarchive.samples.LongPdf "$OUT/volume.pdf" "$PAGES" >&2

rss_of() { ps -o rss= -p "$1" 2>/dev/null | tr -d ' ' || true; }
start=$(date +%s)
ARCHIVE_JAVA_OPTS="-Xmx$HEAP" "$ROOT/archive" batch "$OUT/volume.pdf" --archive "$OUT/archive" >"$OUT/batch.log" 2>&1 &
launcher=$!
peak=0 engines_peak=0
while kill -0 "$launcher" 2>/dev/null; do
  rss="$(rss_of "$launcher")"
  [ -n "$rss" ] && [ "$rss" -gt "$peak" ] && peak="$rss"
  engines="$({ pgrep -P "$launcher" || true; } | while read -r child; do rss_of "$child"; done | awk '{ s += $1 } END { print s + 0 }')"
  [ "$engines" -gt "$engines_peak" ] && engines_peak="$engines"
  sleep 0.2
done
status=0
wait "$launcher" || status=$?
seconds=$(( $(date +%s) - start ))
pages_read="$(cat "$OUT"/archive/documents/*/provenance.json 2>/dev/null | grep -o '"pagesRead" : "[0-9]*"' | grep -o '[0-9]*' || echo 0)"
echo "long PDF: $PAGES pages, -Xmx$HEAP: exit status $status, $pages_read pages read, $seconds s;" \
  "peak resident memory of the pipeline's process $(( peak / 1024 )) MB, of its engine processes together" \
  "$(( engines_peak / 1024 )) MB (log: $OUT/batch.log)"
[ "$status" -eq 0 ] && [ "$pages_read" = "$PAGES" ]
