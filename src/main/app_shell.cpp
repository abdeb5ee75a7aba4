// The app shell. Index: assets and start, the tick (input, app, page, drawing), storage,
// automation.
#include "main/app_shell.h"

#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_internal.h>  // the input queue's length: see tick()
#include <imgui_impl_sdl2.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <string>

#include "app/address.h"
#include "app/command.h"
#include "assets_embedded.h"
#include "browser/main_loop.h"
#include "browser/page.h"
#include "browser/page_services.h"
#include "catalogue/load.h"
#include "ui/fonts.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/touch_scroll.h"

namespace limber {

// ---- Assets and start --------------------------------------------------------------------

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

double AppShell::session_clock() const {
  return clock_anchor_session_ + (browser::monotonic_ms() - clock_anchor_real_) / 1000.0 * clock_rate_;
}
double AppShell::monotonic_cb(void* self) { return static_cast<AppShell*>(self)->session_clock(); }
std::int64_t AppShell::wall_cb(void*) { return static_cast<std::int64_t>(browser::wall_ms()); }

bool AppShell::start() {
  if (!load_assets()) return false;
  clock_anchor_real_ = browser::monotonic_ms();
  start_ms_ = last_tick_ms_ = clock_anchor_real_;
  app_.init(catalogue_, clips_, {.clock = {.monotonic_seconds = &monotonic_cb, .wall_ms = &wall_cb, .user = this},
                                 .utc_offset_minutes = browser::utc_offset_minutes(),
                                 .page_address = browser::location_address(),
                                 .random_seed = browser::random_seed()});
  browser::set_page_callbacks({
      .store_written = [](void* self, std::uint64_t revision, bool ok, const char* error, const char* found) {
        static_cast<AppShell*>(self)->store_written(revision, ok, error, found);
      },
      .page_hidden = [](void* self) { static_cast<AppShell*>(self)->page_hidden(); },
      .user = this,
  });
  // boot.js read IndexedDB before the app started, so nothing is written before it loaded.
  // Inside a clinic's page (web/embed.js) the address says which routine and which look.
  const app::PageQuery query = app::parse_page_query(browser::location_search(), catalogue_);
  app_.set_embed(query.options);
  browser::set_embed(app_.embed().embedded, app_.embed().host_origin);
  std::string load_error;
  const app::StoredInput stored = browser::stored_data(load_error);
  app_.load_stored(stored, load_error);
  if (!query.error.empty()) app_.show_problem(query.error);

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
  if (!renderer_.init()) {
    browser::report_fatal(("This browser could not prepare Limber's drawing (" + renderer_.error() + ").").c_str());
    return false;
  }

  viewport_ = browser::sync_canvas();
  apply_settings();
  ui::build_fonts(viewport_.pixel_ratio, applied_text_scale_);
  renderer_.upload_font_atlas();
  // A link straight to a screen (#library) opens it, with Today to go back to.
  const std::string hash = browser::location_hash();
  if (links::is_routine_link(hash)) {
    app_.open_link(hash);  // a routine from a clinician: shown to add, or a clear message
  } else if (hash.size() > 1 && hash[0] == '#') {
    app::open_address(app_, hash);  // an unknown or unavailable screen is ignored: Today
  }
  return true;
}

// ---- The tick ----------------------------------------------------------------------------

void AppShell::apply_settings() {
  const storage::Settings& s = app_.settings();
  if (app_.display_theme() != applied_theme_) {
    applied_theme_ = app_.display_theme();
    ui::apply_theme(ui::theme_for(*applied_theme_));
  }
  applied_text_scale_ = static_cast<float>(s.text_size_percent) / 100.0f;
}

void AppShell::sync_page() {
  const app::Screen screen = app_.nav().screen();
  const bool session = app_.player().stage() == app::PlayerStage::running;
  browser::ScreenShown now{.id = std::string(app::screen_id(screen)),
                           .address = app::screen_address(app_),
                           .title = std::string(app::screen_title(screen)),
                           .depth = static_cast<int>(app_.nav().depth()),
                           .session_controls = session,
                           .paused = session && app_.player().engine().status() == session::Status::paused,
                           .stage = std::string(app::stage_id(app_.player().stage())),
                           .question = std::string(app::confirm_id(app_.confirm()))};
  // The question's words change only with the question: not rebuilt every frame.
  now.asking = now.stage == shown_.stage && now.question == shown_.question
                   ? shown_.asking : app::asking_json(app_.confirm(), app_.player().stage());
  if (screen == app::Screen::exercise && app_.selected_exercise()) now.title = app_.selected_exercise()->name;
  if (!(now == shown_)) {
    browser::show_screen(now);
    shown_ = std::move(now);
  }
  if (app_.wants_wake_lock() != wake_lock_) {
    wake_lock_ = app_.wants_wake_lock();
    browser::set_wake_lock(wake_lock_);
  }
  const app::Effects effects = app_.take_effects();
  browser::deliver(effects, {.sounds = app_.settings().sounds, .speech = app_.settings().spoken_cues},
                   app_.embed().host_origin);
  write_storage(false);
}

void AppShell::tick() {
  ticking_ = true;
  tick_once();
  ticking_ = false;
}

void AppShell::tick_once() {
  const double now = browser::monotonic_ms();
  const float dt = static_cast<float>(std::clamp((now - last_tick_ms_) / 1000.0, 0.0, 0.25));
  last_tick_ms_ = now;

  bool changed = false;
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    // A press is where it is made: after a lifted finger cleared the hover (below), SDL sends no
    // move before a second tap on the same spot.
    if (event.type == SDL_MOUSEBUTTONDOWN) {
      ImGui::GetIO().AddMousePosEvent(static_cast<float>(event.button.x), static_cast<float>(event.button.y));
    }
    ImGui_ImplSDL2_ProcessEvent(&event);
    // A lifted finger leaves nothing under it: a phone has no hover, and the control last tapped
    // (or the card a drag began on) would stay highlighted. Queued after the release, so the
    // tap itself still lands where it was made.
    if (event.type == SDL_MOUSEBUTTONUP && event.button.which == SDL_TOUCH_MOUSEID) {
      ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    }
    changed = true;
  }
  const app::Viewport measured = browser::sync_canvas();
  if (measured.framebuffer_width != viewport_.framebuffer_width ||
      measured.framebuffer_height != viewport_.framebuffer_height || measured.pixel_ratio != viewport_.pixel_ratio) {
    viewport_ = measured;
    changed = true;
  }
  // ImGui feeds queued input one kind per frame (so a quick tap's press and release are both
  // seen); typing or a tap while a frame was not due leaves events queued: keep drawing
  // until they are all through, or they would wait for the next wake.
  if (GImGui && GImGui->InputEventsQueue.Size > 0) changed = true;
  if (changed) pacer_.wake();

  const bool session_moving = app_.update(dt);
  sync_page();
  // A canvas with no size (hidden while printing) shows nothing, and laid out at zero width the
  // screen would report controls with no room: no frame until it has a size again, which wakes.
  const bool shown = viewport_.css_width >= 1.0f && viewport_.css_height >= 1.0f;
  if (!shown) animating_ = false;
  const pacing::FrameDecision decision = pacer_.tick(session_moving || animating_);
  if (decision.draw && shown) {
    draw_frame();
    sync_page();  // what the frame's presses asked for goes out now, not a sleep later
    frame_ms_[frame_count_ % frame_ms_.size()] = static_cast<float>(browser::monotonic_ms() - now);
    gl_ms_[frame_count_ % gl_ms_.size()] = last_gl_ms_;
    ++frame_count_;
  }
  if (decision.sleep) browser::sleep_main_loop();
}

void AppShell::tick_in_gesture() {
  // Only with input to act on: SDL has queued the gesture's event (a key, a release), and
  // never from inside a tick (an event the tick itself dispatched).
  if (!ready_ || ticking_ || !SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT)) return;
  // ImGui takes a press and its release in separate frames: a quick click brings both.
  for (int frame = 0; frame < 4; ++frame) {
    pacer_.wake();
    tick();
    if (!GImGui || GImGui->InputEventsQueue.Size == 0) break;
  }
}

void AppShell::draw_frame() {
  apply_settings();
  if (ui::fonts_need_rebuild(viewport_.pixel_ratio, applied_text_scale_)) {
    ui::build_fonts(viewport_.pixel_ratio, applied_text_scale_);
    renderer_.upload_font_atlas();
  }
  ImGui_ImplSDL2_NewFrame();
  // The browser glue's measurements are authoritative: SDL's can lag a zoom change.
  ImGuiIO& io = ImGui::GetIO();
  if (viewport_.css_width > 0 && viewport_.css_height > 0) {
    io.DisplaySize = ImVec2(viewport_.css_width, viewport_.css_height);
    io.DisplayFramebufferScale =
        ImVec2(static_cast<float>(viewport_.framebuffer_width) / viewport_.css_width,
               static_cast<float>(viewport_.framebuffer_height) / viewport_.css_height);
  }
  ImGui::NewFrame();
  controls_.begin_frame({.focus = app_.focused_control(), .press = app_.take_press()});
  ui::ScreenContext ctx{.app = app_, .commands = app_, .controls = controls_, .time = (browser::monotonic_ms() - start_ms_) / 1000.0,
                        .guard = &tap_guard_};
  ui::draw_screen(ctx);
  figures_drawn_ = ctx.figures_drawn;
  animating_ = ctx.animating;
  ImGui::Render();
  const ImDrawData* drawn = ImGui::GetDrawData();
  frame_vertices_ = drawn->TotalVtxCount;
  frame_indices_ = drawn->TotalIdxCount;
  frame_draw_calls_ = 0;
  for (int i = 0; i < drawn->CmdListsCount; ++i) frame_draw_calls_ += drawn->CmdLists[i]->CmdBuffer.Size;

  const ImVec4 clear = ui::clear_colour();
  glViewport(0, 0, viewport_.framebuffer_width, viewport_.framebuffer_height);
  glClearColor(clear.x, clear.y, clear.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  const double gl_start = browser::monotonic_ms();
  renderer_.render(*ImGui::GetDrawData());
  last_gl_ms_ = static_cast<float>(browser::monotonic_ms() - gl_start);
  SDL_GL_SwapWindow(window_);

  // The page's text boxes follow the fields as drawn (app/text_entry.h): moved with a scroll,
  // gone with the screen.
  if (controls_.text_fields() != fields_shown_) {
    fields_shown_ = controls_.text_fields();
    browser::show_text_fields(app::text_fields_json(fields_shown_));
  }

  // The accessible mirror follows the report, and only when it changed: a frame redrawn for a
  // hover or a moving figure sends nothing.
  const std::span<const app::ScreenNode> report = controls_.report();
  if (!std::equal(report.begin(), report.end(), report_shown_.begin(), report_shown_.end())) {
    report_shown_.assign(report.begin(), report.end());
    browser::show_report(app::screen_report_json(report_shown_), app::check_screen_report(report_shown_));
  }

  if (!ready_) {
    ready_ = true;
    browser::report_ready();
    app_.host_ready();
  }
}

// ---- Storage -----------------------------------------------------------------------------

void AppShell::write_storage(bool urgent) {
  if (const auto write = app_.begin_write(browser::monotonic_ms() / 1000.0, urgent)) {
    browser::store_write(write->revision, write->text);
  }
}

void AppShell::store_written(std::uint64_t revision, bool ok, const char* error, const char* conflict) {
  const std::string found = conflict ? conflict : "";
  const double now = browser::monotonic_ms() / 1000.0;
  app_.write_finished(revision, ok, error ? error : "", now,
                      found.empty() ? std::nullopt : std::optional<std::string>(found));
  // A sleeping loop has no tick to retry from: wake it when the retry is due.
  if (!ok) browser::wake_main_loop_after((app_.sync().retry_at() - now) * 1000.0 + 20.0);
  pacer_.wake();
}

void AppShell::page_hidden() {
  // The tab may never come back: pause (if the setting says so) and write now.
  app_.page_hidden();
  write_storage(/*urgent=*/true);
  pacer_.wake();
}

// ---- Automation --------------------------------------------------------------------------

std::string AppShell::state_json() const {
  app::AppSnapshot snapshot;
  snapshot.ready = ready_;
  snapshot.frames_drawn = pacer_.frames_drawn();
  snapshot.sleeping = browser::main_loop_sleeping();
  snapshot.presses_held = !tap_guard_.admits((browser::monotonic_ms() - start_ms_) / 1000.0);
  snapshot.page_scroll_y = ui::last_page_scroll().y;
  snapshot.page_scroll_max = ui::last_page_scroll().max;
  snapshot.viewport = viewport_;
  snapshot.font_pixel_ratio = ui::fonts_pixel_ratio();
  snapshot.catalogue_exercises = static_cast<int>(catalogue_.exercises.size());
  snapshot.catalogue_routines = static_cast<int>(catalogue_.routines.size());
  snapshot.clips = static_cast<int>(clips_.clips.size());
  snapshot.figures_drawn = figures_drawn_;
  snapshot.frame_vertices = frame_vertices_;
  snapshot.frame_indices = frame_indices_;
  snapshot.frame_draw_calls = frame_draw_calls_;
  const std::size_t samples = std::min(frame_count_, frame_ms_.size());
  const auto median = [samples](std::array<float, 240> values) {
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(samples / 2),
                     values.begin() + static_cast<std::ptrdiff_t>(samples));
    return static_cast<double>(values[samples / 2]);
  };
  if (samples > 0) {
    snapshot.frame_cpu_ms_median = median(frame_ms_);
    snapshot.frame_gl_ms_median = median(gl_ms_);
    snapshot.frame_cpu_samples = static_cast<int>(samples);
  }
  snapshot.heap_bytes = browser::heap_bytes();
  snapshot.report = report_shown_;
  return app::state_json(snapshot, &app_);
}

std::string AppShell::command(std::string_view name, std::string_view arg) {
  const app::CommandResult result = app::run_command(app_, name, arg);
  // What the app decided that the shell carries out: the session clock's speed, a scroll.
  if (app_.clock_rate() != clock_rate_) {
    clock_anchor_session_ = session_clock();
    clock_anchor_real_ = browser::monotonic_ms();
    clock_rate_ = app_.clock_rate();
  }
  if (const float dy = app_.take_scroll(); dy != 0.0f) {
    ui::scroll_page_by(dy);
    pacer_.wake();
  }
  // A press on the page's element is carried out now, inside the person's gesture, so what it
  // opens (a file picker, the clipboard) is allowed as a tap's would be.
  if (result.ok && name == "press" && !ticking_) {
    pacer_.wake();
    tick();
  }
  sync_page();
  return app::command_result_json(result);
}

}  // namespace limber
