#!/usr/bin/env bash
# How fast the review server answers a page view (the issue's target: under 200 ms on the demo
# archive). Makes the demo archive if it is missing, starts ./archive serve on a free port, asks for
# every page of every document once to warm the server (its JVM compiles, each document is read and
# cached), then ROUNDS times each, and prints the median, 95th percentile and slowest time of the
# HTML page view, and of a 1024-pixel IIIF tile, as curl measures them (connection included).
#   bench/review-latency.sh [ARCHIVE [ROUNDS]]        (default: ./demo-archive, 20 rounds)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARCHIVE="${1:-$ROOT/demo-archive}"
ROUNDS="${2:-20}"
if [ ! -d "$ARCHIVE/documents" ]; then
  "$ROOT/archive" demo --archive "$ARCHIVE" >/dev/null
fi
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
LOG="$(mktemp)"
"$ROOT/archive" serve --archive "$ARCHIVE" --port "$PORT" --read-only >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -f "$LOG"' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "$BASE/" && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.2
done
pages=()
for folder in "$ARCHIVE"/documents/*/; do
  id="$(basename "$folder")"
  count="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["pages"]))' "$folder/provenance.json")"
  for page in $(seq 1 "$count"); do pages+=("$id/$page"); done
done
measure() {   # URL... → one time in ms per line
  for url in "$@"; do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done | awk '{ printf "%.1f\n", $1 * 1000 }'
}
summary() {   # label, then times on stdin
  sort -n | awk -v label="$1" '{ t[NR] = $1 } END {
    printf "%-34s %5d requests   median %6.1f ms   p95 %6.1f ms   slowest %6.1f ms\n", label, NR,
      t[int((NR + 1) / 2)], t[int(NR * 0.95 + 0.999)], t[NR] }'
}
views=(); tiles=()
for p in "${pages[@]}"; do
  views+=("$BASE/view/$p")
  tiles+=("$BASE/iiif/3/$p/0,0,1024,1024/512,/0/default.jpg")
done
measure "${views[@]}" "${tiles[@]}" >/dev/null
echo "$ARCHIVE: ${#pages[@]} pages, $ROUNDS rounds, $(nproc) cores"
for _ in $(seq 1 "$ROUNDS"); do measure "${views[@]}"; done | summary "page view (HTML)"
for _ in $(seq 1 "$ROUNDS"); do measure "${tiles[@]}"; done | summary "IIIF tile (1024 px region, 512 px)"
for _ in $(seq 1 "$ROUNDS"); do measure "$BASE/search?q=camarade"; done | summary "search"
