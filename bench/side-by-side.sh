#!/usr/bin/env bash
# DigestGen beside Hugo on the peer corpus (issue 25): the same N synthetic papers as DigestGen seeds and
# as a Hugo site, from ../shared/peer-corpus/gen_corpus.py. Each tool runs as a user runs it, as a whole
# process from start to exit, alternating, RUNS times each, with its old output moved aside first (a clean
# build); the medians and their ratio are printed.
#
#   bench/side-by-side.sh N ROOT [RUNS]      e.g. bench/side-by-side.sh 10000 /dev/shm/side 5
#
# Needs Python 3, Hugo (Debian's package: apt-get install -y hugo, 0.111.3) and a Release build of the CLI
# (dotnet build -c Release src/DigestGen). ROOT should be on tmpfs. The corpus's digest.yml is written here
# from its manifest.json, so `bench build ROOT/content OUT` measures the same corpus in-process too.
set -euo pipefail

n=${1:?papers}
root=${2:?folder}
runs=${3:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
generator=${PEER_CORPUS:-$repo/../shared/peer-corpus/gen_corpus.py}
cli=$repo/src/DigestGen/bin/Release/net10.0/digestgen.dll

[ -f "$cli" ] || { echo "side-by-side: build the CLI first: dotnet build -c Release src/DigestGen" >&2; exit 2; }
command -v hugo > /dev/null || { echo "side-by-side: no hugo (apt-get install -y hugo)" >&2; exit 2; }

if [ ! -f "$root/corpus/manifest.json" ]; then
  python3 "$generator" "$n" "$root/corpus" > /dev/null
fi

# DigestGen's content folder: the generated seeds and a digest.yml listing them with their capture dates.
mkdir -p "$root/content"
ln -sfn "$root/corpus/seeds" "$root/content/seeds"
python3 - "$root/corpus/manifest.json" "$root/content/digest.yml" "$n" <<'PY'
import json, sys
manifest = json.load(open(sys.argv[1]))
lines = [f"title: Peer corpus ({sys.argv[3]} papers)", "base_url: https://bench.example/digest/", "seeds:"]
for seed in manifest["seed_files"]:
    lines += [f"  - file: seeds/{seed['file']}", f"    captured: {seed['captured']}"]
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
PY

bench=$repo/bench/DigestGen.Bench/bin/Release/net10.0/DigestGen.Bench
probe() { [ -x "$bench" ] && "$bench" probe "$root" || echo "host probe: build bench first (dotnet build -c Release bench/DigestGen.Bench)"; }
echo "before: $(probe)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
now() { date +%s%N; }

: > "$root/digestgen.ms"
: > "$root/hugo.ms"
for i in $(seq 1 "$runs"); do
  rm -rf "$root/out-digestgen.old" "$root/public.old" "$root/.digestgen-cache"
  [ -d "$root/out-digestgen" ] && mv "$root/out-digestgen" "$root/out-digestgen.old"
  start=$(now)
  dotnet "$cli" build --content "$root/content" --themes "$repo/themes" --output "$root/out-digestgen" --build-date 2026-11-28 > /dev/null
  echo $(( ($(now) - start) / 1000000 )) >> "$root/digestgen.ms"

  [ -d "$root/public" ] && mv "$root/public" "$root/public.old"
  start=$(now)
  (cd "$root/corpus/hugo" && hugo --quiet --minify=false -d "$root/public" > /dev/null)
  echo $(( ($(now) - start) / 1000000 )) >> "$root/hugo.ms"
  echo "run $i: DigestGen $(tail -1 "$root/digestgen.ms") ms, Hugo $(tail -1 "$root/hugo.ms") ms"
done

ours=$(median < "$root/digestgen.ms")
theirs=$(median < "$root/hugo.ms")
echo "papers=$n runs=$runs DigestGen median ${ours} ms ($(paste -sd/ "$root/digestgen.ms")), Hugo median ${theirs} ms ($(paste -sd/ "$root/hugo.ms")); Hugo/DigestGen $(awk -v a="$theirs" -v b="$ours" 'BEGIN {printf "%.1f", a / b}')x"
echo "output: DigestGen $(du -sb "$root/out-digestgen" | cut -f1) bytes, Hugo $(du -sb "$root/public" | cut -f1) bytes"
echo "after: $(probe)"
