#!/usr/bin/env bash
# `make bench`: generates the 1k, 10k and 100k synthetic corpora, measures
# our engine natively and as wasm in Node beside MiniSearch and FlexSearch,
# and its typo walk beside levenshtein_automata's (bench/automata),
# then the release page of the seeds in headless Chromium (bench/page.mjs)
# beside MiniSearch and Pagefind starting cold on the same passages,
# and writes BENCHMARKS.md at the repository root.
#
# BENCH_SIZES (default "1000 10000 100000") picks the corpora, e.g.
# BENCH_SIZES=1000 for a quick check of the pipeline.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
tools="${HANOI_TOOLS_DIR:-$root/.tools}"
# Always, as the Makefile does: it skips what is installed, and it puts the
# browser-test packages into this checkout, which the page step imports.
bash scripts/setup
# shellcheck disable=SC1091
. "$tools/env"

bench="$root/bench"
out="$bench/out"
export CARGO_TARGET_DIR="$bench/target"
sizes="${BENCH_SIZES:-1000 10000 100000}"
started=$SECONDS
# Other work on the machine shows in the latency tails; the report says how much.
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
step() { printf '\n==> [%3ds] %s\n' "$((SECONDS - started))" "$*" >&2; }

# Timed passes per query: fewer on the big corpus, where the JS peers are
# slow, so the whole run stays within about 5 minutes on two cores.
reps_for() {
    case "$1" in
        1000) echo 10 ;;
        10000) echo 5 ;;
        *) echo 2 ;;
    esac
}

step "native build (release, opt-level 3)"
cargo build --release --quiet --manifest-path bench/Cargo.toml -p hanoi-bench

step "wasm build (the app's profile: opt-level \"z\", search and fst at 2, wasm-opt -Oz as index.html asks)"
wasm_pkg="$bench/target/wasm-pkg"
(
    # shellcheck disable=SC1091
    . "$tools/wasm-env"
    # wasm-env moves the target dir when it swaps the compiler (build-std);
    # follow it, but inside bench/target.
    [ "$CARGO_TARGET_DIR" = "$bench/target" ] || export CARGO_TARGET_DIR="$bench/target/wasm-build-std"
    cargo build --profile shipped --quiet --manifest-path bench/Cargo.toml -p hanoi-bench-wasm --target wasm32-unknown-unknown
    wasm-bindgen --target nodejs --out-dir "$wasm_pkg" \
        "$CARGO_TARGET_DIR/wasm32-unknown-unknown/shipped/hanoi_bench_wasm.wasm"
)
# The shipped wasm-opt passes, read from index.html's rust link so the two cannot drift apart.
opt_params=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)
# shellcheck disable=SC2086 # the passes are separate words
wasm-opt -Oz $opt_params \
    "$wasm_pkg/hanoi_bench_wasm_bg.wasm" -o "$wasm_pkg/hanoi_bench_wasm_bg.wasm"

step "JavaScript peers (npm ci)"
(cd bench && npm ci --silent --no-audit --no-fund)

native="$bench/target/release/hanoi-bench"
dirs=()
for n in $sizes; do
    dir="$out/$((n / 1000))k"
    dirs+=("$dir")
    step "corpus of $n passages"
    "$native" generate --seeds seeds --passages "$n" --out "$dir"
    step "native: build, size, latency ($(reps_for "$n") passes)"
    "$native" native --corpus "$dir" --reps "$(reps_for "$n")"
    step "the typo walk, two automata, native ($(reps_for "$n") passes)"
    "$native" automata --corpus "$dir" --reps "$(reps_for "$n")"
    step "wasm, MiniSearch, FlexSearch in Node, and the two automata in wasm ($(reps_for "$n") passes)"
    node --max-old-space-size=8192 --expose-gc bench/js/bench.mjs "$dir" "$wasm_pkg" "$(reps_for "$n")"
done

step "the page as shipped: release bundles of the seeds and of the 10k corpus"
bash scripts/build-dist.sh seeds "$bench/target/page-seeds"
# The peers index the same passages: the seeds' extraction, the generated corpus.
cargo run --release --quiet -p corpus -- extract seeds --json >"$out/seeds.json"
pages=("seeds=$bench/target/page-seeds/dist=$out/seeds.json")
if [ -d "$out/10k" ]; then
    "$native" articles --corpus "$out/10k" --out "$out/10k/articles"
    bash scripts/build-dist.sh "$out/10k/articles" "$bench/target/page-10k"
    pages+=("10k=$bench/target/page-10k/dist=$out/10k")
fi

step "BENCHMARKS.md"
BENCH_COMMAND="${BENCH_COMMAND:-make bench}" BENCH_LOAD_START="$load_start" BENCH_RUSTC="$(rustc --version)" \
    BENCH_SECONDS="$((SECONDS - started))" node bench/js/report.mjs "$root/BENCHMARKS.md" "${dirs[@]}"
step "the page in headless Chromium"
node bench/page.mjs "$root/BENCHMARKS.md" "${pages[@]}"
step "done"
