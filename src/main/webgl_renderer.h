// main/webgl_renderer.h: draws Dear ImGui's draw data with WebGL 2, in place of Dear ImGui's
// own OpenGL 3 backend.
//
// Why our own: the stock backend reads GL state back every frame to restore it afterwards
// (glGetIntegerv), and in a browser each such read waits for the GPU process to finish all
// the work queued before it; Limber owns its whole context, so there is nothing to restore.
// And on software WebGL (SwiftShader, on machines and phones without a usable GPU driver)
// a texture read per pixel is most of what a filled shape costs: shapes of one colour (the
// figure, cards, buttons) are drawn without one, text and Dear ImGui's textured lines with it.
//
// Usage (the GL context current):
//     limber::WebglRenderer renderer;
//     if (!renderer.init()) { /* report renderer.error() */ }
//     renderer.upload_font_atlas();                 // after the atlas is built or rebuilt
//     renderer.render(*ImGui::GetDrawData());       // each frame, after ImGui::Render()
#pragma once

#include <GLES3/gl3.h>
#include <imgui.h>

#include <string>

namespace limber {

class WebglRenderer {
 public:
  // Compiles the shaders and makes the buffers; false with error() saying which step failed.
  bool init();
  // The atlas's alpha as a one-channel texture (a quarter of RGBA's memory and bandwidth).
  void upload_font_atlas();
  void render(const ImDrawData& data);
  const std::string& error() const { return error_; }

 private:
  void set_state(const ImDrawData& data, int fb_width, int fb_height);

  GLuint program_ = 0, vao_ = 0, vertices_ = 0, indices_ = 0, font_texture_ = 0;
  GLint projection_at_ = -1, texture_at_ = -1, white_at_ = -1;
  std::string error_;
};

}  // namespace limber
