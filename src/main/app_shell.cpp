#include "main/app_shell.h"

#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <string>

#include "app/command.h"
#include "catalogue/load.h"
#include "assets_embedded.h"
#include "browser/main_loop.h"
#include "browser/page.h"
#include "ui/fonts.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace limber {

bool AppShell::load_assets() {
  auto result = catalogue::load({.sources = assets::catalogue_sources,
                                 .exercises = assets::catalogue_exercises,
                                 .routines = assets::catalogue_routines,
                                 .safety = assets::catalogue_safety});
  if (!result.catalogue) {
    browser::report_fatal(catalogue::format_report(result.problems).c_str());
    return false;
  }
  catalogue_ = std::move(*result.catalogue);
  auto clips = animation::load_clips(assets::animation_clips);
  if (!clips.library) {
    std::string report = catalogue::format_report(clips.problems);
    report.replace(0, report.find(':'), "The exercise animations were refused");
    browser::report_fatal(report.c_str());
    return false;
  }
  clips_ = std::move(*clips.library);
  return true;
}

bool AppShell::start() {
  if (!load_assets()) return false;
  // SDL listens for keys on the canvas only, so a page embedding Limber keeps its own keys.
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    browser::report_fatal((std::string("The app could not start its display (") + SDL_GetError() + ").").c_str());
    return false;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

  viewport_ = browser::sync_canvas();
  const int width = viewport_.css_width > 0 ? static_cast<int>(viewport_.css_width) : 360;
  const int height = viewport_.css_height > 0 ? static_cast<int>(viewport_.css_height) : 640;
  // No title: SDL would overwrite the page's own <title>.
  window_ = SDL_CreateWindow(nullptr, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, width, height,
                             SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!window_) {
    browser::report_fatal((std::string("The app could not create its window (") + SDL_GetError() + ").").c_str());
    return false;
  }
  gl_ = SDL_GL_CreateContext(window_);
  if (!gl_) {
    browser::report_fatal("This browser could not start WebGL 2 graphics, which Limber needs to draw.");
    return false;
  }
  SDL_GL_MakeCurrent(window_, gl_);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing of ImGui's is stored; Limber keeps its own data
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  ui::apply_theme(ui::light_theme());
  viewport_ = browser::sync_canvas();
  ui::build_fonts(viewport_.pixel_ratio);
  // A link straight to a screen (#gallery) opens it, with the first screen to go back to.
  const std::string hash = browser::location_hash();
  if (hash.size() > 1 && hash[0] == '#') {
    if (const auto screen = app::screen_from_id(std::string_view(hash).substr(1))) model_.navigate(*screen);
  }
  return true;
}

void AppShell::tick() {
  bool changed = false;
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    changed = true;
  }
  const app::Viewport now = browser::sync_canvas();
  if (now.framebuffer_width != viewport_.framebuffer_width ||
      now.framebuffer_height != viewport_.framebuffer_height || now.pixel_ratio != viewport_.pixel_ratio) {
    viewport_ = now;
    changed = true;
  }
  if (changed) pacer_.wake();

  const pacing::FrameDecision decision = pacer_.tick(/*animating=*/false);
  if (decision.draw) draw_frame();
  if (decision.sleep) browser::sleep_main_loop();
}

void AppShell::draw_frame() {
  if (ui::fonts_need_rebuild(viewport_.pixel_ratio)) {
    ui::build_fonts(viewport_.pixel_ratio);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  // The browser glue's measurements are authoritative: SDL's can lag a zoom change.
  ImGuiIO& io = ImGui::GetIO();
  if (viewport_.css_width > 0 && viewport_.css_height > 0) {
    io.DisplaySize = ImVec2(viewport_.css_width, viewport_.css_height);
    io.DisplayFramebufferScale =
        ImVec2(static_cast<float>(viewport_.framebuffer_width) / viewport_.css_width,
               static_cast<float>(viewport_.framebuffer_height) / viewport_.css_height);
  }
  if (model_.theme() != applied_theme_) {
    applied_theme_ = model_.theme();
    ui::apply_theme(applied_theme_ == app::ThemeChoice::dark ? ui::dark_theme() : ui::light_theme());
  }
  ImGui::NewFrame();
  controls_.begin_frame();
  ui::ScreenContext ctx{.model = model_, .controls = controls_, .catalogue = catalogue_, .clips = clips_};
  ui::draw_screen(ctx);
  figures_drawn_ = ctx.figures_drawn;
  ImGui::Render();

  const ImVec4 clear = ui::clear_colour();
  glViewport(0, 0, viewport_.framebuffer_width, viewport_.framebuffer_height);
  glClearColor(clear.x, clear.y, clear.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(window_);

  if (!ready_) {
    ready_ = true;
    browser::report_ready();
  }
}

std::string AppShell::state_json() const {
  app::AppSnapshot snapshot;
  snapshot.ready = ready_;
  snapshot.screen = model_.screen();
  snapshot.can_go_back = model_.can_go_back();
  snapshot.frames_drawn = pacer_.frames_drawn();
  snapshot.sleeping = browser::main_loop_sleeping();
  snapshot.viewport = viewport_;
  snapshot.font_pixel_ratio = ui::fonts_pixel_ratio();
  snapshot.catalogue_exercises = static_cast<int>(catalogue_.exercises.size());
  snapshot.catalogue_routines = static_cast<int>(catalogue_.routines.size());
  snapshot.clips = static_cast<int>(clips_.clips.size());
  snapshot.figures_drawn = figures_drawn_;
  snapshot.theme = app::theme_id(model_.theme());
  snapshot.controls = controls_.controls();
  return app::state_json(snapshot);
}

std::string AppShell::command(std::string_view name, std::string_view arg) {
  return app::command_result_json(app::run_command(model_, name, arg));
}

}  // namespace limber
