# The two commands a newcomer needs:
#   make run    set up, build the release bundle and serve it on http://127.0.0.1:8080
#   make test   set up and run every test (Rust, then the browser tests)
# Tools go to $(HANOI_TOOLS_DIR) (default .tools/); see scripts/setup.

HANOI_TOOLS_DIR ?= $(CURDIR)/.tools
export HANOI_TOOLS_DIR
PORT ?= 8080
WITH_TOOLS = . "$(HANOI_TOOLS_DIR)/env" &&
WITH_WASM_TOOLS = $(WITH_TOOLS) . "$(HANOI_TOOLS_DIR)/wasm-env" &&

.PHONY: run test setup build size test-rust test-e2e clean screenshots

run: build
	node scripts/serve.mjs dist --port $(PORT)

test: setup test-rust build test-e2e

setup:
	@bash scripts/setup

build: setup
	$(WITH_WASM_TOOLS) trunk build --release
	@node scripts/single-file.mjs dist
	@node scripts/stamp-sw.mjs dist
	@$(MAKE) --no-print-directory size

size:
	@for wasm in dist/*.wasm; do \
		printf 'release wasm %s: %s bytes raw, %s bytes gzip\n' "$$(basename $$wasm)" \
			"$$(wc -c < $$wasm)" "$$(gzip -9 -c $$wasm | wc -c)"; \
	done

test-rust:
	cargo test --workspace

test-e2e:
	cd tests/e2e && node --test --test-reporter=spec

clean:
	rm -rf dist target tests/e2e/artifacts

screenshots: build
	node tests/e2e/screenshots.mjs

# Benchmarks (not tests): synthetic corpora, our engine native and wasm beside
# MiniSearch and FlexSearch; writes BENCHMARKS.md. About 15 minutes on 2 cores.
.PHONY: bench
bench:
	bash bench/run.sh
