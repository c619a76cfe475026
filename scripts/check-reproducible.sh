#!/usr/bin/env bash
# Checks that the release build is reproducible: the same sources give
# byte-identical files. Run by `make test-reproducible` after `make build`.
#
# It builds seeds/ a second time, independently of `make build`: another
# cargo target dir (scripts/build-dist.sh uses target/dist-builds/, so no
# compiled artifact is shared with target/), another output folder, the corpus named by absolute path through HANOI_CORPUS_DIR,
# and the same post-processing (single file, service worker stamp). Then it
# compares the sha256 of every file with dist/ and names each one that differs.
# Different folders for the two builds is the point: a path leaking into the
# wasm, a timestamp, or a hash-map order would all show up as a difference.
#
# What it costs: a full second release build would add minutes to every
# `make test`, so scripts/build-dist.sh skips the rebuild when no input
# changed since the last check (the comparison with a fresh dist/ still runs).
# The first run compiles every dependency for wasm (about 5 minutes on two
# cores, shared with the injection bundle's build); a run after a source
# change costs one release build of the app (2 to 3 minutes); otherwise a
# few seconds. HANOI_FORCE_BUILD=1 rebuilds anyway.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=scripts/build-inputs.sh
. scripts/build-inputs.sh
reference="dist"
second="target/repro"

[ -f "$reference/index.html" ] || { echo "check-reproducible: $reference/index.html is missing: run \`make build\` first" >&2; exit 1; }
# A dist/ older than the sources would differ for that reason alone.
newer="$(find "${BUILD_INPUTS[@]}" seeds -type f -not -path '*/target/*' -newer "$reference/index.html" -print -quit)"
if [ -n "$newer" ]; then
    echo "check-reproducible: $newer changed after $reference/ was built: run \`make build\` first" >&2
    exit 1
fi
bash scripts/build-dist.sh seeds "$second"

# sha256 of every file of a folder, relative names, sorted; Trunk's .stage/
# is a leftover of an interrupted build, not part of the output.
hashes() { (cd "$1" && find . -type f -not -path './.*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum); }

a="$(mktemp)"
b="$(mktemp)"
trap 'rm -f "$a" "$b"' EXIT
hashes "$reference" >"$a"
hashes "$second/dist" >"$b"
if cmp -s "$a" "$b"; then
    echo "check-reproducible: $(wc -l <"$a") files byte-identical in $reference/ and $second/dist/"
    exit 0
fi
echo "check-reproducible: two builds of the same sources differ:" >&2
# Files present on one side only, or with different contents.
join -j 2 -a 1 -a 2 -e missing -o 0,1.1,2.1 <(sort -k2 "$a") <(sort -k2 "$b") |
    awk '$2 != $3 { printf "  %s: %s in dist/, %s in the second build\n", $1, substr($2, 1, 12), substr($3, 1, 12) }' >&2
echo "(if sources changed since \`make build\`, run it again: dist/ must be built from the current tree)" >&2
exit 1
