/* Two lookups SDL makes that Limber answers itself, in the manner of sdl_software_blits.c,
 * so that what stands behind them stays out of the download (a duplicate-symbol error at
 * link time would mean SDL or Dear ImGui needs the originals again):
 *
 * eglGetProcAddress: SDL asks for a GL function by name only for the six below (whether an
 * extension is there, the attributes of the current context). Emscripten's own lookup knows
 * every WebGL function by name, which links all of them twice over (each name, and a
 * JavaScript copy of each function): 9 KB gzip. The answers for these names are the same;
 * any other name, as in Emscripten's, gets none.
 *
 * SDL_GameController*: Dear ImGui's SDL2 backend reads a game controller only when the app
 * turns on gamepad navigation, which Limber does not, and SDL is built without joysticks
 * (scripts/setup), so no controller could ever open. Answering "none" here leaves out SDL's
 * controller mappings and their parser: 8 KB gzip. */
#include <EGL/egl.h>
#include <GLES3/gl3.h>
#include <SDL.h>
#include <string.h>

#define LIMBER_GL_PROC(name) \
  if (strcmp(procname, #name) == 0) return (__eglMustCastToProperFunctionPointerType)name

__eglMustCastToProperFunctionPointerType eglGetProcAddress(const char* procname) {
  LIMBER_GL_PROC(glGetString);
  LIMBER_GL_PROC(glGetStringi);
  LIMBER_GL_PROC(glGetIntegerv);
  LIMBER_GL_PROC(glGetError);
  LIMBER_GL_PROC(glBindFramebuffer);
  LIMBER_GL_PROC(glGetFramebufferAttachmentParameteriv);
  return NULL;
}

SDL_GameController* SDL_GameControllerOpen(int joystick_index) {
  (void)joystick_index;
  SDL_SetError("Limber is built without game controllers");
  return NULL;
}

Uint8 SDL_GameControllerGetButton(SDL_GameController* controller, SDL_GameControllerButton button) {
  (void)controller;
  (void)button;
  return 0;
}

Sint16 SDL_GameControllerGetAxis(SDL_GameController* controller, SDL_GameControllerAxis axis) {
  (void)controller;
  (void)axis;
  return 0;
}
