#!/usr/bin/env bash
# OCR quality, side by side: the plain tesseract CLI (one language list for every page, as a user
# would run it), OCRmyPDF (--deskew --rotate-pages) and this pipeline, on the same page images
# (bench pages generated from the samples: clean, degraded, turned), scored against their ground
# truth: CER and WER per condition, per language and overall, and seconds per page.
#   bench/ocr-quality.sh [OUT_DIR]       (COPIES=n for n copies of each page with new randomness;
#                                         THRESHOLDINGS="otsu sauvola …" also runs the pipeline once
#                                         with each of those archive.thresholding settings)
# Every tool gets the same parallelism: as many pages at once as there are cores, one thread each.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/target/bench-ocr}"
COPIES="${COPIES:-1}"
CORES="$(nproc)"
LANGS=fra+rus+deu+eng
export OMP_THREAD_LIMIT=1

if ! command -v ocrmypdf >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ocr-quality: OCRmyPDF is missing; install it as root: apt-get install -y ocrmypdf" >&2
    exit 2
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ocrmypdf >/dev/null
fi

rm -rf "$OUT" && mkdir -p "$OUT/tesseract" "$OUT/ocrmypdf"
"$ROOT/archive" --main org.workersarchive.samples.BenchmarkPages "$OUT" "$COPIES"
PAGES="$OUT/pages"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
seconds() { awk -v ms=$(( $(now_ms) - $1 )) 'BEGIN { printf "%.2f", ms / 1000 }'; }

echo "plain tesseract ($LANGS), $CORES at once" >&2
start=$(now_ms)
find "$PAGES" -name '*.png' -print0 | sort -z |
  xargs -0 -P "$CORES" -I{} sh -c 'tesseract "$1" "$2/$(basename "$1")" -l '"$LANGS"' 2>/dev/null' _ {} "$OUT/tesseract"
tesseract_seconds=$(seconds "$start")

echo "ocrmypdf --deskew --rotate-pages ($LANGS), $CORES at once" >&2
start=$(now_ms)
find "$PAGES" -name '*.png' -print0 | sort -z |
  xargs -0 -P "$CORES" -I{} sh -c 'n=$(basename "$1"); ocrmypdf -q -j 1 --deskew --rotate-pages -l '"$LANGS"' \
    --sidecar "$2/$n.txt" "$1" "$2/$n.pdf" 2>>"$2/errors.log" || echo "ocrmypdf failed on $n" >&2' _ {} "$OUT/ocrmypdf"
ocrmypdf_seconds=$(seconds "$start")

echo "this pipeline (./archive batch, $CORES workers)" >&2
start=$(now_ms)
"$ROOT/archive" batch "$PAGES" --archive "$OUT/pipeline" --workers "$CORES" >/dev/null
pipeline_seconds=$(seconds "$start")

variants=()
for thresholding in ${THRESHOLDINGS:-}; do
  echo "this pipeline with archive.thresholding=$thresholding" >&2
  echo "archive.thresholding=$thresholding" > "$OUT/$thresholding.properties"
  start=$(now_ms)
  "$ROOT/archive" batch "$PAGES" --archive "$OUT/pipeline-$thresholding" --workers "$CORES" \
    --config "$OUT/$thresholding.properties" >/dev/null
  variants+=("pipeline, $thresholding" archive "$OUT/pipeline-$thresholding" "$(seconds "$start")")
done

"$ROOT/archive" --main org.workersarchive.samples.OcrComparison "$OUT/truth" \
  "tesseract CLI" text "$OUT/tesseract" "$tesseract_seconds" \
  "ocrmypdf" text "$OUT/ocrmypdf" "$ocrmypdf_seconds" \
  "this pipeline" archive "$OUT/pipeline" "$pipeline_seconds" \
  "${variants[@]+"${variants[@]}"}" | tee "$OUT/results.md"
echo "pages: $(find "$PAGES" -name '*.png' | wc -l); machine: $CORES cores; $(tesseract --version 2>&1 | head -1);" \
  "ocrmypdf $(ocrmypdf --version)" | tee -a "$OUT/results.md"
