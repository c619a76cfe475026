# The two commands a newcomer needs:
#   make run    set up, build the release bundle and serve it on http://127.0.0.1:8080
#   make test   set up and run every test (Rust, then the browser tests)
# Tools go to $(HANOI_TOOLS_DIR) (default .tools/); see scripts/setup.

HANOI_TOOLS_DIR ?= $(CURDIR)/.tools
export HANOI_TOOLS_DIR
PORT ?= 8080
WITH_TOOLS = . "$(HANOI_TOOLS_DIR)/env" &&
WITH_WASM_TOOLS = $(WITH_TOOLS) . "$(HANOI_TOOLS_DIR)/wasm-env" &&

.PHONY: run test setup build size test-rust test-e2e clean screenshots watch report

run: build
	node scripts/serve.mjs dist --port $(PORT)

# For editors: serves a quick (unoptimised) build on http://127.0.0.1:$(PORT)
# and rebuilds and reloads the page whenever an article, corpus.toml or the
# code changes. Its bundle goes to target/watch-dist/, never to dist/.
watch: setup
	$(WITH_WASM_TOOLS) trunk serve --port $(PORT) --dist target/watch-dist \
		--watch "$${HANOI_CORPUS_DIR:-seeds}" --watch src --watch crates/corpus/src --watch crates/search/src \
		--watch crates/search/data --watch www --watch index.html --watch build.rs

test: setup test-lints test-rust build test-injection-dist test-mixed-dist test-many-dist test-e2e test-budgets test-reproducible

setup:
	@bash scripts/setup

build: setup
	$(WITH_WASM_TOOLS) trunk build --release
	@bash scripts/finish-dist.sh dist
	@$(MAKE) --no-print-directory size

size:
	@for wasm in dist/*.wasm; do \
		printf 'release wasm %s: %s bytes raw, %s bytes gzip\n' "$$(basename $$wasm)" \
			"$$(wc -c < $$wasm)" "$$(gzip -9 -c $$wasm | wc -c)"; \
	done

test-rust:
	cargo test --workspace

test-e2e:
	cd tests/e2e && node --test --test-timeout=180000 --test-reporter=spec

clean:
	rm -rf dist target tests/e2e/artifacts

screenshots: build
	node tests/e2e/screenshots.mjs

# The editor's report on seeds/ (or $HANOI_CORPUS_DIR): one HTML page, skipped files, warnings and
# likely misses first (crates/corpus/src/report.rs says what it shows).
report:
	@mkdir -p target/report
	cargo run -q -p corpus -- report "$${HANOI_CORPUS_DIR:-seeds}" --out target/report/report.html
	@echo "$(CURDIR)/target/report/report.html"

# Benchmarks (not tests): synthetic corpora, our engine native and wasm beside
# MiniSearch and FlexSearch, its typo walk beside levenshtein_automata's, then
# the release page in Chromium beside MiniSearch and Pagefind starting cold;
# writes BENCHMARKS.md. About 7 minutes on 2 cores once the tools are set up.
.PHONY: bench
bench:
	bash bench/run.sh

# Reliability checks; each script says what it checks and why in its header.
# test-injection-dist builds tests/hostile/injection/ into its own bundle
# (target/e2e-injection/dist/) for tests/e2e/injection.test.mjs, skipping the
# build when its inputs have not changed; test-mixed-dist does the same for
# tests/mixed-corpus/ (saved pages beside texts) and tests/e2e/pages.test.mjs,
# and test-many-dist for tests/many-articles/ (more articles than a screen)
# and tests/e2e/many-articles.test.mjs.
.PHONY: test-injection-dist test-mixed-dist test-many-dist test-budgets test-reproducible test-hostile fuzz
test-injection-dist: setup
	HANOI_DIST_FEATURES=panic-probe bash scripts/build-dist.sh tests/hostile/injection target/e2e-injection

test-mixed-dist: setup
	bash scripts/build-dist.sh tests/mixed-corpus target/e2e-mixed

test-many-dist: setup
	bash scripts/build-dist.sh tests/many-articles target/e2e-many

# Release wasm (gzip) and single-file sizes against budgets.toml; needs `make build`.
test-budgets:
	node scripts/check-budgets.mjs

# A second, independent release build must equal dist/ byte for byte.
test-reproducible: setup
	bash scripts/check-reproducible.sh

# The hostile-corpus tests at full size (a million words, 50 MB), in release;
# `make test-rust` runs them smaller. About 3 minutes with the release compile.
test-hostile:
	cargo test --release -p corpus --test hostile_corpora

# Clippy on the two library crates: their lib.rs denies unwrap, expect and
# panic outside tests, so library code cannot regain a panic on bad input.
# The fuzz targets are their own workspace, so nothing else builds them: they
# are type-checked here (stable; running them needs `make fuzz`), so a change
# to the crates' API cannot leave them broken until someone fuzzes.
.PHONY: test-lints
test-lints:
	cargo clippy --quiet -p corpus -p search --lib
	cd fuzz && cargo check --quiet --bins

# Every fuzz target for FUZZ_SECONDS each (default 90); cargo-fuzz and a
# nightly toolchain are checked first (scripts/setup-fuzz).
FUZZ_SECONDS ?= 90
fuzz:
	bash scripts/setup-fuzz
	$(WITH_TOOLS) FUZZ_SECONDS=$(FUZZ_SECONDS) bash fuzz/run.sh
