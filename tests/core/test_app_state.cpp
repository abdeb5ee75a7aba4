#include <doctest/doctest.h>

#include <array>

#include "app/app_state.h"
#include "app_fixtures.h"
#include "json/json_value.h"

using namespace limber::app;

TEST_CASE("app state: the shell's part carries frames, viewport, timing and the report's controls") {
  const std::array report = {
      ScreenNode{.role = NodeRole::heading, .name = "Today", .level = 1, .width = 300, .height = 40},
      ScreenNode{.role = NodeRole::button, .id = "start", .name = "Start", .x = 20, .y = 600.5f, .width = 350, .height = 64},
      ScreenNode{.role = NodeRole::setting_switch, .id = "sounds", .name = "Sounds", .checked = Checked::no, .width = 9, .height = 9},
      ScreenNode{.role = NodeRole::button, .id = "more", .name = "More", .disabled = true, .width = 9, .height = 9},
  };
  AppSnapshot s;
  s.ready = true;
  s.frames_drawn = 7;
  s.sleeping = true;
  s.presses_held = true;
  s.page_scroll_y = 120;
  s.page_scroll_max = 900.5f;
  s.viewport = {.css_width = 390, .css_height = 844, .pixel_ratio = 3, .framebuffer_width = 1170, .framebuffer_height = 2532};
  s.font_pixel_ratio = 3;
  s.catalogue_exercises = 24;
  s.catalogue_routines = 4;
  s.clips = 24;
  s.figures_drawn = 2;
  s.frame_cpu_ms_median = 1.5;
  s.frame_gl_ms_median = 0.5;
  s.frame_cpu_samples = 30;
  s.heap_bytes = 33554432;
  s.frame_vertices = 5120;
  s.frame_indices = 9000;
  s.frame_draw_calls = 12;
  s.report = report;
  CHECK(state_json(s, nullptr) ==
        std::string(R"({"app":"limber","version":")") + LIMBER_VERSION +
            R"(","ready":true,"frames":7,"sleeping":true,"pressesHeld":true,"scroll":{"y":120,"max":900.5},)"
            R"("viewport":{"width":390,"height":844,"pixelRatio":3,"framebufferWidth":1170,"framebufferHeight":2532},)"
            R"("fontPixelRatio":3,"catalogue":{"exercises":24,"routines":4},"clips":24,"figures":2,"heapBytes":33554432,)"
            R"("frameGeometry":{"vertices":5120,"indices":9000,"drawCalls":12},)"
            R"("frameCpuMs":{"median":1.5,"gl":0.5,"samples":30},)"
            R"("controls":[{"id":"start","label":"Start","role":"button","x":20,"y":600.5,"width":350,"height":64},)"
            R"({"id":"sounds","label":"Sounds","role":"setting_switch","x":0,"y":0,"width":9,"height":9,"checked":false},)"
            R"({"id":"more","label":"More","role":"button","x":0,"y":0,"width":9,"height":9,"disabled":true}]})");
}

TEST_CASE("app state: a label with quotes, a backslash and a line break stays valid JSON and reads back") {
  const std::array report = {
      ScreenNode{.role = NodeRole::button, .id = "q", .name = "Say \"go\" \\ now\nplease", .width = 1, .height = 1}};
  AppSnapshot s;
  s.report = report;
  const auto parsed = limber::json::parse(state_json(s, nullptr));
  REQUIRE(parsed.ok());
  const auto& list = parsed.value.find("controls")->as_array();
  REQUIRE(list.size() == 1);
  CHECK(list[0].find("label")->as_string() == "Say \"go\" \\ now\nplease");
}

TEST_CASE("app state: the app's part names the screen, storage, data and the session") {
  limber::test::AppRig r;
  REQUIRE(r.run("start", "gentle_bad_day").ok);
  REQUIRE(r.run("pain", "3").ok);
  r.advance(1);
  const auto parsed = limber::json::parse(state_json({}, &r.app));
  REQUIRE(parsed.ok());
  const auto& v = parsed.value;
  CHECK(v.find("screen")->as_string() == "player");
  CHECK(v.find("title")->as_string() == "Session");
  CHECK(v.find("storage")->find("status")->as_string() == "pending");
  CHECK(v.find("data")->find("interrupted")->as_bool());
  const auto* session = v.find("session");
  CHECK(session->find("stage")->as_string() == "running");
  CHECK(session->find("routine")->as_string() == "gentle_bad_day");
  CHECK(session->find("exercise")->as_number() == 1);
  CHECK(session->find("exercises")->as_number() == 4);
  CHECK(session->find("phase")->as_string() == "get_ready");
}
