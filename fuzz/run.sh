#!/usr/bin/env bash
# `make fuzz`: runs every fuzz target for a bounded time and stops at the
# first crash, leaving the input that caused it under fuzz/artifacts/<target>/.
#
#   FUZZ_SECONDS=90 fuzz/run.sh [target...]     (default: every target)
#
# Starting corpora: the extractor starts from the real articles (seeds/ and
# the corpus crate's held-out and blind sets), so it mutates realistic text
# instead of rediscovering French from random bytes; the page target from the
# saved-page fixtures and the hostile pages; the query target starts
# from the query syntax in the search crate's README. libFuzzer keeps what it
# learns in fuzz/corpus/ (git-ignored) for the next run.
#
# A crash is a bug in the crate: reproduce it with
#   cargo +nightly fuzz run <target> fuzz/artifacts/<target>/crash-...
# then fix it and add the input as a regression test in the crate's tests.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
seconds="${FUZZ_SECONDS:-90}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(query extract page index)

cd "$here"
mkdir -p corpus/query corpus/extract corpus/page
for file in "$root"/seeds/*.htm* "$root"/crates/corpus/tests/pages/*.html "$root"/tests/hostile/injection/*.html; do
    [ -f "$file" ] && cp -n "$file" corpus/page/ 2>/dev/null || true
done
for file in "$root"/seeds/*.txt "$root"/crates/corpus/tests/heldout/*.txt "$root"/crates/corpus/tests/blind/*.txt; do
    [ -f "$file" ] && cp -n "$file" corpus/extract/ 2>/dev/null || true
done
# Query seeds: four control bytes (filters, dates, sort and page; see
# fuzz_targets/query.rs), then the query text.
i=0
while IFS= read -r query; do
    i=$((i + 1))
    printf '\x00\x00\x00\x00%s' "$query" >"corpus/query/seed-$i"
done <<'QUERIES'
coopération internationale
coop
cybercrminalité
"lutte contre la cybercriminalité"
-russie -"droits humains" convention
speaker:waly orateur:"ghada waly"
country:RU pays:russie
date:2025-10 date:2025-10-01..2025-10-31 date:2025.. date:..2025-06
l'ONUDC jusqu'au œuvre
Việt Nam 联合国 🌏 co&#769;operation
QUERIES

# Build first: a target that no longer compiles (the crates' API moved) is
# not a crash, and must not be reported as one.
cargo +nightly fuzz build || { echo "fuzz: the fuzz targets do not build; update fuzz/fuzz_targets to the crates' API" >&2; exit 2; }

summary=()
status=0
for target in "${targets[@]}"; do
    case "$target" in
        query) options=(-dict=dict/query.dict -max_len=2048) ;;
        extract) options=(-dict=dict/extract.dict -max_len=65536) ;;
        page) options=(-dict=dict/page.dict -max_len=65536) ;;
        index) options=(-max_len=4096) ;;
        *) echo "fuzz: unknown target $target (query, extract, page, index)" >&2; exit 2 ;;
    esac
    echo "==> fuzzing $target for ${seconds}s"
    log="$(mktemp)"
    started=$SECONDS
    # -timeout: one input taking 10 s is a finding too (quadratic rules);
    # -rss_limit_mb: so is one eating 2 GB.
    set +e
    cargo +nightly fuzz run "$target" -- "${options[@]}" -max_total_time="$seconds" \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 2>&1 | tee "$log" |
        grep -E '^(Done |==[0-9]+==|SUMMARY|thread .* panicked|stat::(number_of_executed_units|new_units_added))'
    result="${PIPESTATUS[0]}"
    set -e
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    # libFuzzer's own clock: the time spent fuzzing, without the build before it.
    fuzzed="$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)"
    if [ "$result" -eq 0 ]; then
        summary+=("$target: ${runs:-?} executions in ${fuzzed:-?}s, no crash")
    else
        status=1
        crash="$(sed -n 's/.*Test unit written to //p' "$log" | tail -1)"
        summary+=("$target: CRASH after $((SECONDS - started))s; input saved to ${crash:-fuzz/artifacts/$target/}")
        grep -A6 'panicked' "$log" | head -12 || true
    fi
    rm -f "$log"
done
echo
printf 'fuzz: %s\n' "${summary[@]}"
exit "$status"
