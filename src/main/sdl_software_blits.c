/* Limber draws everything with WebGL; SDL's software blitters (SDL_blit*.c and
 * SDL_RLEaccel.c: about 40,000 wasm instructions, 10 KB of the gzip download) are linked
 * only because SDL's surface code can call them. These definitions take their place: a
 * blit between surfaces is refused with a clear error, and no surface is ever RLE-encoded.
 * Nothing in Limber blits (no window surface, icon or custom cursor); a duplicate-symbol
 * error at link time would mean SDL needs the real ones again. */
#include <SDL.h>

int SDL_CalculateBlit(SDL_Surface* surface);
int SDL_RLESurface(SDL_Surface* surface);
void SDL_UnRLESurface(SDL_Surface* surface, int recode);

int SDL_CalculateBlit(SDL_Surface* surface) {
  (void)surface;
  return SDL_SetError("Limber draws with WebGL only: software blits are not built in");
}

int SDL_RLESurface(SDL_Surface* surface) {
  (void)surface;
  return -1;
}

void SDL_UnRLESurface(SDL_Surface* surface, int recode) {
  (void)surface;
  (void)recode;
}
