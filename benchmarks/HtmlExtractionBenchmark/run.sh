#!/bin/sh
# Body-extraction F1 of the ingest's HTML reader on the development pages, with the benchmark's own scorer,
# and pages per second on one core. Usage: benchmarks/HtmlExtractionBenchmark/run.sh [pages folder]
set -e
here=$(cd "$(dirname "$0")" && pwd)
eval_dir=${1:-$here/../../../shared/eval/html-dev}
out=${TMPDIR:-/tmp}/html-extraction-predictions.json
dotnet build -c Release "$here" -v q -nologo >/dev/null
# One core: the reader is single-threaded; taskset keeps the runtime's helper threads there too.
taskset -c 0 dotnet "$here/bin/Release/net10.0/HtmlExtractionBenchmark.dll" "$eval_dir/html" "$out" "${ROUNDS:-3}"
python3 "$eval_dir/score.py" "$eval_dir/ground-truth.json" "$out"
