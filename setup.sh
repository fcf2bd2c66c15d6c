#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (and for CI):
#   ./setup.sh demo   install packages, build (release), run scenarios/noisy-neighbour.yaml
#   ./setup.sh test   install packages, build (release), run the whole test suite
#   ./setup.sh hardening [FUZZ_SECONDS]   (CI) the suite under ASan+UBSan, then bounded fuzzing
# Packages come from Debian only; nothing is downloaded at build time.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(cmake ninja-build g++ libboost-dev libboost-program-options-dev libboost-graph-dev
          libeigen3-dev libyaml-cpp-dev libgtest-dev libbenchmark-dev libfmt-dev nlohmann-json3-dev
          qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev)
BUILD_DIR=${LAMBDASIM_BUILD_DIR:-build}

install_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "==> installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
    echo "==> building (release) in $BUILD_DIR/"
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$BUILD_DIR" --parallel "$(nproc)"
}

case "${1:-}" in
demo)
    install_packages "${PACKAGES[@]}"
    build
    echo "==> lambdasim run scenarios/noisy-neighbour.yaml"
    "$BUILD_DIR/lambdasim" run scenarios/noisy-neighbour.yaml
    ;;
test)
    install_packages "${PACKAGES[@]}"
    build
    echo "==> running the test suite"
    ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$(nproc)"
    ;;
hardening)
    install_packages "${PACKAGES[@]}" clang libclang-rt-14-dev
    exec scripts/ci-hardening.sh "${2:-120}"
    ;;
*)
    echo "usage: ./setup.sh demo | test | hardening [FUZZ_SECONDS]" >&2
    exit 1
    ;;
esac
