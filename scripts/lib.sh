# Shared by every script in scripts/: paths, pinned versions, small helpers.
# Source it; it defines variables and functions and runs nothing.

LIMBER_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Third-party sources and builds live outside the checkout, keyed by version, so a fresh
# clone reuses them and nothing third-party ever sits in the repository.
LIMBER_CACHE=${LIMBER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/limber}
LIMBER_BUILD=${LIMBER_BUILD:-$LIMBER_ROOT/build}

# Debian source packages: name, version, orig tarball and its sha256.
IMGUI_VERSION=1.90.1
IMGUI_DEB=imgui=1.90.1+ds-1
IMGUI_TARBALL=imgui_1.90.1+ds.orig.tar.xz
IMGUI_SHA256=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c

SDL2_VERSION=2.26.5
SDL2_DEB=libsdl2=2.26.5+dfsg-1
SDL2_TARBALL=libsdl2_2.26.5+dfsg.orig.tar.gz
SDL2_SHA256=b3f2c822151804125d08db94c65852f711c2e5df2145a59da120748dc32eb9c3

# Nayuki's QR Code generator (its C++ source: cpp/qrcodegen.cpp and .hpp). Debian's patch
# tarball for this revision is gone from the mirror; the orig tarball, pinned here, is all we use.
QRCODEGEN_VERSION=1.8.0
QRCODEGEN_DEB=qr-code-generator=1.8.0-1.1
QRCODEGEN_TARBALL=qr-code-generator_1.8.0.orig.tar.gz
QRCODEGEN_SHA256=2ec0a4d33d6f521c942eeaf473d42d5fe139abcfa57d2beffe10c5cf7d34ae60

# Boost.PFR with field names (1.84+) exists only in sid's Boost sources; sid moves on, so
# the pinned version comes first and the listed newer ones are tried after it.
BOOST_VERSION=1.88.0
BOOST_DEBS=("boost1.88=1.88.0-1" "boost1.90=1.90.0-6.1")
BOOST_TARBALLS=("boost1.88_1.88.0.orig.tar.xz" "boost1.90_1.90.0.orig.tar.xz")
BOOST_SHA256S=("5fe04fe91e9148c233784082a27a9bc5e0efef2d0eac5ea0940cf455d97f9fdc"
               "72e81363dece294942cf4f0ccb86158b390b723d7b332a59a0f869709f306da6")

IMGUI_SRC=$LIMBER_CACHE/src/imgui-$IMGUI_VERSION
SDL2_SRC=$LIMBER_CACHE/src/SDL2-$SDL2_VERSION
# -video: built with only the subsystems Limber uses (scripts/setup says which); -oz: compiled
# -Oz with LTO like Limber's own code (a new key, so an older -O3 build is never picked up).
SDL2_WASM=$LIMBER_CACHE/wasm/SDL2-$SDL2_VERSION-emcc-video-oz
PFR_INCLUDE=$LIMBER_CACHE/src/pfr/include
QRCODEGEN_SRC=$LIMBER_CACHE/src/qrcodegen-$QRCODEGEN_VERSION

# Debian's emscripten needs its node modules on NODE_PATH (the machine's node is not Debian's).
export NODE_PATH=${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs

say() { printf '\033[1m[limber]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[limber] error:\033[0m %s\n' "$*" >&2; exit 1; }

# Compiler cache: every build goes through ccache (Debian's, installed by scripts/setup) when it
# is there, kept beside the third-party cache, so a second CI run on the same machine, from a
# fresh clone, compiles only what changed. Paths under the checkout are hashed relative to it
# (CCACHE_BASEDIR), so two clones in different folders share the cache. Depend mode reads the
# compiler's own dependency file instead of running the preprocessor again on a miss, so a cold
# cache costs the first run little. LIMBER_CCACHE=0 turns it off.
CCACHE_LAUNCHER=()
if [ "${LIMBER_CCACHE:-1}" != 0 ] && command -v ccache >/dev/null; then
  export CCACHE_DIR=${CCACHE_DIR:-$LIMBER_CACHE/ccache}
  export CCACHE_BASEDIR=$LIMBER_ROOT CCACHE_NOHASHDIR=1 CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-4G} CCACHE_DEPEND=1
  CCACHE_LAUNCHER=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

# Build folders (all under build/, ignored by git):
#   build/native   core + doctest suite, Debug, plain g++ (scripts/run, by hand; not in scripts/test)
#   build/asan     the same under AddressSanitizer + UndefinedBehaviorSanitizer
#   build/bench    the same, Release (-O2): the optimiser's warnings, and scripts/bench's build
#   build/web      the app under Emscripten, Release; the site is build/web/dist
#   build/fuzz     the routine link decoder under libFuzzer + ASan + UBSan (clang 14, libc++)
build_native() {  # build_native <folder> [cmake -D options...]
  local dir=$1; shift
  mkdir -p "$(dirname "$dir")"
  cmake -S "$LIMBER_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=Debug "${CCACHE_LAUNCHER[@]}" "$@" >"$dir.configure.log" 2>&1 \
    || { cat "$dir.configure.log" >&2; die "configuring $dir failed"; }
  cmake --build "$dir" -j"$(nproc)" || die "building $dir failed"
}

# fuzz_routine_link [seconds]: builds only the fuzz targets in build/fuzz, writes the seed corpus
# (the shipped routines as links and as payloads) into build/fuzz/corpus, fuzzes and prints
# libFuzzer's summary. A crash, leak or broken round trip fails it, with the report printed and
# the input kept in build/fuzz (crash-*, leak-*, ...).
fuzz_routine_link() {
  local seconds=${1:-25} dir=$LIMBER_BUILD/fuzz
  mkdir -p "$dir"
  cmake -S "$LIMBER_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DLIMBER_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_C_COMPILER=clang-14 "${CCACHE_LAUNCHER[@]}" \
    >"$dir.configure.log" 2>&1 || { cat "$dir.configure.log" >&2; die "configuring $dir failed"; }
  cmake --build "$dir" -j"$(nproc)" --target limber_fuzz_routine_link limber_fuzz_routine_link_seeds \
    || die "building $dir failed"
  local corpus=$dir/corpus/routine_link
  "$dir/tests/fuzz/limber_fuzz_routine_link_seeds" "$corpus" >/dev/null || die "writing the fuzz seeds failed"
  say "fuzzing the routine link decoder for ${seconds}s (log: $dir/fuzz.log)"
  # -max_len a little over links::kMaxLinkChars (4000), so over-long links are tried too.
  if ! "$dir/tests/fuzz/limber_fuzz_routine_link" -max_total_time="$seconds" -max_len=4100 \
      -print_final_stats=1 -artifact_prefix="$dir/" "$corpus" >"$dir/fuzz.log" 2>&1; then
    tail -n 60 "$dir/fuzz.log" >&2
    die "libFuzzer found a failure in the routine link decoder (report above; the input is kept in $dir)"
  fi
  grep -E '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs' "$dir/fuzz.log"
}

build_web() {
  local dir=$LIMBER_BUILD/web
  mkdir -p "$LIMBER_BUILD"
  emcmake cmake -S "$LIMBER_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=Release "${CCACHE_LAUNCHER[@]}" >"$dir.configure.log" 2>&1 \
    || { cat "$dir.configure.log" >&2; die "configuring the web build failed"; }
  cmake --build "$dir" -j"$(nproc)" || die "building the web app failed"
  [ -f "$dir/dist/limber.wasm" ] || die "the web build produced no $dir/dist/limber.wasm"
}
