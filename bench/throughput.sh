#!/usr/bin/env bash
# Throughput, side by side on the same page images: a box of four documents (French, Russian,
# German, English; skewed, yellowed, one fed upside down; ThroughputPages in the samples module)
#   (a) the plain tesseract CLI, one process per page, as many at once as there are cores
#       (xargs -P), OMP_THREAD_LIMIT=1, each page with its own language (pages.tsv), as if someone
#       had sorted the box by language first: the baseline;
#   (a') the same with one language list for every page (-l fra+rus+deu+eng), as a user reads a
#       mixed box;
#   (b) ocrmypdf -j <cores> --rotate-pages --deskew on the same pages as one PDF (img2pdf, lossless);
#   (c) ./archive batch on the page files, every quality step on (orientation, deskew, language
#       choice), start-up included;
# and prints pages per minute, the ratio to (a), wall and CPU seconds, the peak resident memory of
# all the processes of each run together (sampled every 0.2 s), and CER/WER against the truth.
# Then the pipeline's own work: the CPU time of the batch outside Tesseract's and Leptonica's calls.
# (a) and (c) run REPEAT times each (default 2), taking turns; the faster run of each is reported.
#   bench/throughput.sh [PAGES_PER_DOCUMENT [sparse|dense [OUT_DIR]]]     (16 sparse pages each: 64 pages)
# SKIP_OTHERS=1 runs only (a) and (c), which the ratio is of: (a') and (b) take longer than both together.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PER_DOCUMENT="${1:-16}"
DENSITY="${2:-sparse}"
REPEAT="${REPEAT:-2}"
SKIP_OTHERS="${SKIP_OTHERS:-}"
OUT="${3:-$ROOT/target/bench-throughput-$DENSITY}"
CORES="$(nproc)"
export OMP_THREAD_LIMIT=1

need=()
if [ -z "$SKIP_OTHERS" ]; then
  command -v ocrmypdf >/dev/null 2>&1 || need+=(ocrmypdf)
  command -v img2pdf >/dev/null 2>&1 || need+=(img2pdf)
fi
[ -x /usr/bin/time ] || need+=(time)
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "throughput: missing ${need[*]}; install as root: apt-get install -y ${need[*]}" >&2
    exit 2
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

"$ROOT/archive" --help >/dev/null   # builds the pipeline now, so that no run below pays for it
rm -rf "$OUT" && mkdir -p "$OUT/tesseract" "$OUT/tesseract-all" "$OUT/ocrmypdf"
"$ROOT/archive" --main org.workersarchive.samples.ThroughputPages "$OUT" "$PER_DOCUMENT" "$DENSITY" >&2
PAGES="$OUT/pages"
[ -n "$SKIP_OTHERS" ] || img2pdf $(cut -f1 "$OUT/pages.tsv" | sed "s|^|$PAGES/|") -o "$OUT/box.pdf"

# measure NAME COMMAND...: runs the command in a session of its own, sampling the resident memory
# of all its processes together; sets SECONDS_TAKEN, CPU_SECONDS (user + system of the command and
# every child it waited for) and PEAK_KB.
measure() {
  local name="$1"; shift
  echo "$name" >&2
  local times="$OUT/$name.time" peak=0 rss sid
  setsid /usr/bin/time -o "$times" -f '%e %U %S' "$@" >"$OUT/$name.log" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    # Either ps may find nothing once the run has ended between two samples: that is no failure.
    sid="$({ ps -o sid= -p "$pid" 2>/dev/null || true; } | tr -d ' ')"
    if [ -n "$sid" ]; then
      rss="$({ ps -s "$sid" -o rss= 2>/dev/null || true; } | awk '{ s += $1 } END { print s + 0 }')"
      if [ "$rss" -gt "$peak" ]; then peak="$rss"; fi
    fi
    sleep 0.2
  done
  wait "$pid" || { echo "throughput: $name failed; see $OUT/$name.log" >&2; exit 1; }
  read -r SECONDS_TAKEN user system < "$times"
  CPU_SECONDS="$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')"
  PEAK_KB="$peak"
}

# (a) and (c) take turns, REPEAT times each, and the faster run of each counts: the machine's speed
# drifts by a third within minutes, and a turn each keeps both on the same footing.
baseline() {
  measure tesseract sh -c 'cut -f1,2 "$1/pages.tsv" | xargs -P "$2" -n 2 sh -c \
    '\''tesseract "$0/pages/$1" "$0/tesseract/$1" -l "$2" 2>/dev/null'\'' "$1"' _ "$OUT" "$CORES"
}
batch() {
  measure pipeline "$ROOT/archive" batch "$PAGES" --archive "$OUT/archive-$1" --workers "$CORES"
}
faster() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(b == "" || a < b) }'; }
for turn in $(seq "$REPEAT"); do
  baseline
  if faster "$SECONDS_TAKEN" "${tesseract[3]:-}"; then
    tesseract=("tesseract CLI, page's language" pages "$OUT/tesseract" "$SECONDS_TAKEN" "$CPU_SECONDS" "$PEAK_KB")
  fi
  batch "$turn"
  if faster "$SECONDS_TAKEN" "${pipeline[3]:-}"; then
    pipeline=("./archive batch" archive "$OUT/archive-$turn" "$SECONDS_TAKEN" "$CPU_SECONDS" "$PEAK_KB")
  fi
done

others=()
if [ -z "$SKIP_OTHERS" ]; then
  measure tesseract-all sh -c 'cut -f1 "$1/pages.tsv" | xargs -P "$2" -I{} \
    tesseract "$1/pages/{}" "$1/tesseract-all/{}" -l fra+rus+deu+eng 2>/dev/null' _ "$OUT" "$CORES"
  others+=("tesseract CLI, fra+rus+deu+eng" pages "$OUT/tesseract-all" "$SECONDS_TAKEN" "$CPU_SECONDS" "$PEAK_KB")

  measure ocrmypdf ocrmypdf -q -j "$CORES" --rotate-pages --deskew -l fra+rus+deu+eng \
    --sidecar "$OUT/ocrmypdf/box.txt" "$OUT/box.pdf" "$OUT/ocrmypdf/box.pdf"
  others+=("ocrmypdf -j $CORES" pdf-sidecar "$OUT/ocrmypdf/box.txt" "$SECONDS_TAKEN" "$CPU_SECONDS" "$PEAK_KB")
fi

"$ROOT/archive" --main org.workersarchive.samples.ThroughputReport "$OUT" \
  "${tesseract[@]}" "${others[@]+"${others[@]}"}" "${pipeline[@]}" | tee "$OUT/results.md"
"$ROOT/archive" --main org.workersarchive.samples.PipelineCpuReport "${pipeline[2]}" "${pipeline[4]}" | tee -a "$OUT/results.md"
echo "pages: $(wc -l < "$OUT/pages.tsv") $DENSITY pages in 4 documents; machine: $CORES cores; $(tesseract --version 2>&1 | head -1);" \
  "ocrmypdf $(ocrmypdf --version 2>/dev/null || echo none)" | tee -a "$OUT/results.md"
