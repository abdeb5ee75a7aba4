# Options and compiler settings shared by every Limber target.

option(LIMBER_SANITIZE "Build native targets with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

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

# Warnings are errors in our own code (third-party targets do not call this).
function(limber_strict_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
    -Woverloaded-virtual -Wnull-dereference -Wdouble-promotion -Wformat=2 -Werror)
endfunction()

if(LIMBER_SANITIZE AND NOT EMSCRIPTEN)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
