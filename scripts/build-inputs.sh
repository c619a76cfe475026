# Sourced by scripts/build-dist.sh and scripts/check-reproducible.sh: the
# paths, relative to the repository root, that a release bundle is built
# from besides its corpus. One list, so the rebuild check and the staleness
# check cannot drift apart.
# shellcheck disable=SC2034
BUILD_INPUTS=(Cargo.toml Cargo.lock Trunk.toml index.html build.rs src www crates)
