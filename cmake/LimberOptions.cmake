# Options and compiler settings shared by every Limber target.

option(LIMBER_SANITIZE "Build native targets with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(LIMBER_FUZZ "Build the libFuzzer targets in tests/fuzz (clang only; instruments every target)" OFF)

# Where scripts/setup keeps third-party sources and builds (outside the checkout).
if(NOT DEFINED LIMBER_CACHE)
  if(DEFINED ENV{LIMBER_CACHE})
    set(LIMBER_CACHE "$ENV{LIMBER_CACHE}")
  elseif(DEFINED ENV{XDG_CACHE_HOME})
    set(LIMBER_CACHE "$ENV{XDG_CACHE_HOME}/limber")
  else()
    set(LIMBER_CACHE "$ENV{HOME}/.cache/limber")
  endif()
endif()
set(LIMBER_CACHE "${LIMBER_CACHE}" CACHE PATH "scripts/setup's cache of third-party sources")

set(LIMBER_PFR_INCLUDE "${LIMBER_CACHE}/src/pfr/include" CACHE PATH "Boost.PFR headers (only boost/pfr)")
if(NOT EXISTS "${LIMBER_PFR_INCLUDE}/boost/pfr.hpp")
  message(FATAL_ERROR "Boost.PFR is missing at ${LIMBER_PFR_INCLUDE}: run scripts/setup first")
endif()

# Nayuki's QR Code generator (scripts/setup unpacks its C++ source): plain C++, no
# dependencies, so the portable core links it. Third-party: built without our warnings.
set(LIMBER_QRCODEGEN_DIR "${LIMBER_CACHE}/src/qrcodegen-1.8.0" CACHE PATH "Nayuki's QR Code generator (its C library)")
if(NOT EXISTS "${LIMBER_QRCODEGEN_DIR}/qrcodegen.c")
  message(FATAL_ERROR "The QR Code generator is missing at ${LIMBER_QRCODEGEN_DIR}: run scripts/setup first")
endif()

# Warnings are errors in our own code (third-party targets do not call this).
# -Wno-missing-field-initializers: our *_desc structs are filled with designated
# initializers that leave the rest at their zero defaults on purpose (sokol style).
function(limber_strict_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
    -Woverloaded-virtual -Wnull-dereference -Wdouble-promotion -Wformat=2
    -Wno-missing-field-initializers -Werror)
  # GCC 12 reports -Wrestrict inside libstdc++'s std::string operator+ at -O2 and above,
  # a known false positive (GCC bug 105329); the warning stays on for other compilers.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
endfunction()

if(LIMBER_SANITIZE AND NOT EMSCRIPTEN)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# Fuzzing: coverage for libFuzzer in every target (the fuzz targets link libFuzzer itself),
# ASan + UBSan stopping at the first report, at -O1 as libFuzzer recommends. With LLVM's libc++,
# as under Emscripten: clang 14 cannot compile json/json_value.h against GCC 12's libstdc++.
if(LIMBER_FUZZ)
  if(EMSCRIPTEN OR NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "LIMBER_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  if(NOT CMAKE_C_COMPILER_ID STREQUAL "Clang")  # the QR Code generator is C: instrumented alike
    message(FATAL_ERROR "LIMBER_FUZZ needs clang for C too: configure with -DCMAKE_C_COMPILER=clang-14")
  endif()
  add_compile_options($<$<COMPILE_LANGUAGE:CXX>:-stdlib=libc++> -fsanitize=fuzzer-no-link,address,undefined
                      -fno-sanitize-recover=undefined -fno-omit-frame-pointer -O1 -g)
  add_link_options(-stdlib=libc++ -fsanitize=address,undefined)
endif()
