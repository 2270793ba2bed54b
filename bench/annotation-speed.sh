#!/usr/bin/env bash
# How fast the annotator reads (tokens per second) as the authority list grows from the bundled
# list to 50,000 entries, beside a one-regular-expression-per-spelling baseline in the same run.
# The text: the words of the HIPE-2020 French and German newspaper files in ../shared.
#   bench/annotation-speed.sh [ROUNDS]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HIPE="$ROOT/../shared/ground-truth/hipe2020"
TEXT="$(mktemp)"
trap 'rm -f "$TEXT"' EXIT
# The first column of every token row, as running text.
cat "$HIPE"/HIPE-data-v1.4-*.tsv | awk -F'\t' '!/^#/ && NF > 1 && $1 != "TOKEN" { print $1 }' | paste -sd ' ' > "$TEXT"
"$ROOT/archive" --main org.workersarchive.samples.AnnotationBenchmark "$TEXT" "${1:-5}"
