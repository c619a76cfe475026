#!/usr/bin/env bash
# Builds the release bundle of one corpus folder into its own output folder,
# for tests that need a bundle other than dist/ (the injection fixtures, the
# reproducibility check):
#
#   scripts/build-dist.sh <corpus-dir> <out-dir>     -> <out-dir>/dist/
#
# HANOI_DIST_FEATURES names cargo features for this bundle (the injection
# bundle turns on `panic-probe`; the reproducibility bundle must not).
#
# These builds compile in their own cargo target dir, target/dist-builds/,
# so they never lock or invalidate target/ or write dist/, which `make build`
# and the people working on the app use. They share that one dir among
# themselves: the dependencies are compiled for wasm once, not once per
# bundle (about 3 minutes and 350 MB each on two cores); a lock keeps two of
# them from using it at once. A release build takes minutes on two cores,
# so the build is skipped when a hash of every input (the corpus, the app's
# and crates' sources, the lock file, the Trunk config and the wasm compiler
# flags) matches the one
# recorded by the last successful build; set HANOI_FORCE_BUILD=1 to rebuild.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 <corpus-dir> <out-dir>" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$(cd "$1" && pwd)"
mkdir -p "$2"
out="$(cd "$2" && pwd)"
tools="${HANOI_TOOLS_DIR:-$root/.tools}"
# shellcheck source=scripts/build-inputs.sh
. "$root/scripts/build-inputs.sh"

# Content hashes of the inputs, in a stable order; the file names are part of
# the hash, so renaming an article counts as a change.
inputs_hash() {
    (
        cd "$root"
        find "${BUILD_INPUTS[@]}" -type f -not -path '*/target/*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
        cd "$corpus" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum
        # The compiler flags setup chose (path remapping, the build-std fallback) shape the bytes too.
        cat "$tools/wasm-env"
        echo "features: ${HANOI_DIST_FEATURES:-}"
    ) | sha256sum | cut -d' ' -f1
}

target_dir="$root/target/dist-builds"
mkdir -p "$target_dir"
# Two builds at once would overwrite each other's wasm in the shared target
# dir, or interleave their writes into one dist/: the second waits.
exec 9>"$target_dir/.lock"
flock 9

stamp="$out/inputs.sha256"
want="$(inputs_hash)"
if [ -z "${HANOI_FORCE_BUILD:-}" ] && [ -f "$out/dist/index.html" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    echo "build-dist: $out/dist is up to date with its inputs, not rebuilding"
    exit 0
fi

rm -f "$stamp"
rm -rf "$out/dist"
cd "$root"
. "$tools/env"
. "$tools/wasm-env"
features=()
[ -n "${HANOI_DIST_FEATURES:-}" ] && features=(--features "$HANOI_DIST_FEATURES")
HANOI_CORPUS_DIR="$corpus" CARGO_TARGET_DIR="$target_dir" trunk build --release "${features[@]}" --dist "$out/dist"
bash scripts/finish-dist.sh "$out/dist"
echo "$want" >"$stamp"
