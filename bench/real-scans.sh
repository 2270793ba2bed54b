#!/usr/bin/env bash
# OCR quality on real scans, side by side: the pages of ../shared/ground-truth/real-scans (historical
# French, German Antiqua and Fraktur, typescripts, with human transcriptions that nobody here wrote),
# read by
#   (a) plain tesseract told each page's language (the truth file's), as an archivist would run it,
#   (b) plain tesseract with every language of the archive at once (fra+rus+deu+eng),
#   (c) OCRmyPDF --deskew --rotate-pages with those languages,
#   (d) this pipeline (./archive batch, default settings),
# scored by the set's own score.py: plain CER, order-robust CER (CER-ro), WER and bag-of-words error
# per page, per language and script, and overall; then seconds per page (wall clock, each tool with
# as many pages at once as there are cores, one thread each).
#   bench/real-scans.sh [OUT_DIR] [--skip-others]   (--skip-others: only the pipeline, (a) for the ratio)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SET="${REAL_SCANS:-$ROOT/../shared/ground-truth/real-scans}"
OUT="${1:-$ROOT/target/bench-real-scans}"
SKIP_OTHERS="${2:-}"
CORES="$(nproc)"
ALL_LANGUAGES=fra+rus+deu+eng
export OMP_THREAD_LIMIT=1

[ -f "$SET/score.py" ] || { echo "real-scans: no ground truth at $SET (set REAL_SCANS)" >&2; exit 2; }
if [ -z "$SKIP_OTHERS" ] && ! command -v ocrmypdf >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "real-scans: OCRmyPDF is missing; install it as root: apt-get install -y ocrmypdf" >&2
    exit 2
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ocrmypdf >/dev/null
fi

rm -rf "$OUT" && mkdir -p "$OUT/tesseract-language" "$OUT/tesseract-all" "$OUT/ocrmypdf" "$OUT/pipeline"
PAGES=$(find "$SET/scans" -type f | wc -l)

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
per_page() { awk -v ms=$(( $(now_ms) - $1 )) -v n="$PAGES" 'BEGIN { printf "%.2f", ms / 1000 / n }'; }
# The language a page is in, as its truth file gives it (fra, deu, eng).
language_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["language"])' "$1"; }
export -f language_of

echo "(a) tesseract told each page's language, $CORES at once" >&2
start=$(now_ms)
find "$SET/scans" -type f -print0 | sort -z | xargs -0 -P "$CORES" -I{} bash -c '
  stem=$(basename "$1"); stem=${stem%.*}
  tesseract "$1" "$2/$stem" -l "$(language_of "$3/truth/$stem.gt.json")" 2>/dev/null' _ {} "$OUT/tesseract-language" "$SET"
seconds_language=$(per_page "$start")

if [ -z "$SKIP_OTHERS" ]; then
  echo "(b) tesseract -l $ALL_LANGUAGES, $CORES at once" >&2
  start=$(now_ms)
  find "$SET/scans" -type f -print0 | sort -z | xargs -0 -P "$CORES" -I{} bash -c '
    stem=$(basename "$1"); stem=${stem%.*}
    tesseract "$1" "$2/$stem" -l '"$ALL_LANGUAGES"' 2>/dev/null' _ {} "$OUT/tesseract-all"
  seconds_all=$(per_page "$start")

  echo "(c) ocrmypdf --deskew --rotate-pages -l $ALL_LANGUAGES, $CORES at once" >&2
  start=$(now_ms)
  # A scan with no resolution in its file is refused by OCRmyPDF unless one is given: 300 dpi then.
  # OCRmyPDF gives up a page after 180 s of Tesseract by default, which a newspaper page in four
  # languages takes on a busy machine: the limit is raised so that every page is read.
  find "$SET/scans" -type f -print0 | sort -z | xargs -0 -P "$CORES" -I{} bash -c '
    stem=$(basename "$1"); stem=${stem%.*}
    ocrmypdf -q -j 1 --tesseract-timeout 3600 --deskew --rotate-pages -l '"$ALL_LANGUAGES"' --sidecar "$2/$stem.txt" "$1" "$2/$stem.pdf" 2>>"$2/errors.log" ||
      ocrmypdf -q -j 1 --tesseract-timeout 3600 --deskew --rotate-pages --image-dpi 300 -l '"$ALL_LANGUAGES"' --sidecar "$2/$stem.txt" \
        "$1" "$2/$stem.pdf" 2>>"$2/errors.log" || echo "ocrmypdf failed on $stem" >&2' _ {} "$OUT/ocrmypdf"
  seconds_ocrmypdf=$(per_page "$start")
fi

echo "(d) this pipeline: ./archive batch, $CORES workers" >&2
start=$(now_ms)
# A newspaper page takes a minute of CPU in Fraktur; on a busy machine it can outlast the default
# page time limit (300 s of wall clock), which a benchmark should not measure.
echo "archive.page-timeout=3600" > "$OUT/pipeline.properties"
"$ROOT/archive" batch "$SET/scans" --archive "$OUT/archive" --workers "$CORES" --config "$OUT/pipeline.properties" \
  >"$OUT/pipeline.log" 2>&1 || true
seconds_pipeline=$(per_page "$start")
# Each scan is a document of its own; its plain text is scored under the scan's name.
python3 - "$OUT/archive" "$OUT/pipeline" <<'EOF'
import json, pathlib, shutil, sys
archive, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for report in sorted(archive.glob("runs/*/report.json")):
    for entry in json.loads(report.read_text())["inputs"]:
        if entry["status"] == "ok":
            stem = pathlib.Path(entry["path"]).stem
            shutil.copy(entry["outputs"]["text"], out / (stem + ".txt"))
        else:
            print("pipeline:", entry["path"], entry["status"], entry.get("reason"), file=sys.stderr)
EOF

systems=("tesseract-language=$OUT/tesseract-language")
[ -z "$SKIP_OTHERS" ] && systems+=("tesseract-all=$OUT/tesseract-all" "ocrmypdf=$OUT/ocrmypdf")
systems+=("pipeline=$OUT/pipeline")
python3 "$SET/score.py" "${systems[@]}" --json "$OUT/scores.json" | tee "$OUT/scores.txt"

{
  echo
  echo "seconds per page (wall clock, $CORES at once, $PAGES pages):"
  echo "  tesseract told the language   $seconds_language"
  if [ -z "$SKIP_OTHERS" ]; then
    echo "  tesseract -l $ALL_LANGUAGES   $seconds_all"
    echo "  ocrmypdf                      $seconds_ocrmypdf"
  fi
  echo "  pipeline                      $seconds_pipeline"
} | tee -a "$OUT/scores.txt"
python3 - "$OUT/scores.json" <<'EOF' | tee -a "$OUT/scores.txt"
import json, sys
scores = json.load(open(sys.argv[1]))
def figure(system, group):
    return scores["summary"].get(system, {}).get(group)
print("\npipeline / (a), order-robust CER:")
for group in ["ALL", "*/latin", "*/fraktur", "*/typewriter", "fra", "deu", "eng"]:
    a, p = figure("tesseract-language", group), figure("pipeline", group)
    if a and p and a.get("cer_ro"):
        print(f"  {group:<16} {p['cer_ro']:.2f} / {a['cer_ro']:.2f} = {p['cer_ro'] / a['cer_ro']:.2f}x")
worse = []
for page, a in scores["pages"]["tesseract-language"].items():
    p = scores["pages"].get("pipeline", {}).get(page)
    if p and not p["missing"] and a["chars"]:
        a_ro, p_ro = 100 * a["ce_ro"] / a["chars"], 100 * p["ce_ro"] / p["chars"]
        if p_ro > a_ro + 0.5:
            worse.append(f"  {page:<28} {p_ro:.2f} against {a_ro:.2f}")
print("pages the pipeline reads more than half a point worse (CER-ro) than (a):")
print("\n".join(worse) if worse else "  none")
EOF
echo "all figures: $OUT/scores.txt, $OUT/scores.json" >&2
