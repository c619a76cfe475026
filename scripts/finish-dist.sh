#!/usr/bin/env bash
# What a release bundle needs after Trunk, in this order: the single-file
# page and embed script (built from Trunk's output), then the service
# worker's cache stamp (a hash of every file, the single file included).
# Run by `make build` and by scripts/build-dist.sh, so every bundle a test
# opens is finished the same way as dist/.
#
#   scripts/finish-dist.sh <dist-dir>
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 <dist-dir>" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node "$root/scripts/single-file.mjs" "$1"
node "$root/scripts/stamp-sw.mjs" "$1"
