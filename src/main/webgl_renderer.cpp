#include "main/webgl_renderer.h"

#include <cstddef>
#include <cstdint>

namespace limber {

namespace {

static_assert(sizeof(ImDrawIdx) == 4, "render() draws with 32-bit indices from vertex 0 of each list");

// Shapes of one colour carry Dear ImGui's white-pixel coordinates at every corner; the vertex
// shader marks them (flat: one answer for the whole triangle) and the fragment shader then
// skips the texture. Texture coordinates are highp: a phone's mediump can miss a texel of a
// large atlas.
constexpr const char* kVertexShader = R"(#version 300 es
uniform mat4 projection;
uniform vec2 white_uv;
layout(location = 0) in vec2 position;
layout(location = 1) in vec2 uv;
layout(location = 2) in vec4 colour;
out highp vec2 frag_uv;
out lowp vec4 frag_colour;
flat out lowp int solid;
void main() {
  frag_uv = uv;
  frag_colour = colour;
  solid = uv == white_uv ? 1 : 0;
  gl_Position = projection * vec4(position, 0.0, 1.0);
})";

constexpr const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D glyphs;
in highp vec2 frag_uv;
in lowp vec4 frag_colour;
flat in lowp int solid;
out vec4 out_colour;
void main() {
  if (solid == 1) {
    out_colour = frag_colour;
  } else {
    out_colour = vec4(frag_colour.rgb, frag_colour.a * texture(glyphs, frag_uv).r);
  }
})";

// Compiles one shader; 0 and the driver's log in `error` if it did not compile.
GLuint compile(GLenum kind, const char* source, std::string& error) {
  const GLuint shader = glCreateShader(kind);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok == GL_TRUE) return shader;
  char log[512] = {};
  glGetShaderInfoLog(shader, sizeof log, nullptr, log);
  error = std::string(kind == GL_VERTEX_SHADER ? "the vertex shader" : "the fragment shader") +
          " did not compile: " + log;
  glDeleteShader(shader);
  return 0;
}

}  // namespace

bool WebglRenderer::init() {
  const GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader, error_);
  if (!vs) return false;
  const GLuint fs = compile(GL_FRAGMENT_SHADER, kFragmentShader, error_);
  if (!fs) {
    glDeleteShader(vs);
    return false;
  }
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glLinkProgram(program_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = GL_FALSE;
  glGetProgramiv(program_, GL_LINK_STATUS, &ok);
  if (ok != GL_TRUE) {
    char log[512] = {};
    glGetProgramInfoLog(program_, sizeof log, nullptr, log);
    error_ = std::string("the shaders did not link: ") + log;
    return false;
  }
  projection_at_ = glGetUniformLocation(program_, "projection");
  white_at_ = glGetUniformLocation(program_, "white_uv");
  texture_at_ = glGetUniformLocation(program_, "glyphs");

  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vertices_);
  glGenBuffers(1, &indices_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vertices_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_);  // part of the vertex array's state
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  constexpr GLsizei stride = sizeof(ImDrawVert);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<const void*>(offsetof(ImDrawVert, col)));
  glBindVertexArray(0);

  ImGui::GetIO().BackendRendererName = "limber_webgl";
  return true;
}

void WebglRenderer::upload_font_atlas() {
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
  if (font_texture_) glDeleteTextures(1, &font_texture_);
  glGenTextures(1, &font_texture_);
  glBindTexture(GL_TEXTURE_2D, font_texture_);
  // Linear: Dear ImGui's baked lines rely on it for their smooth edges.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_)));
}

// Every piece of state the drawing needs, set without reading any back (a read waits for
// the GPU): Limber owns the context, so nothing else depends on it.
void WebglRenderer::set_state(const ImDrawData& data, int fb_width, int fb_height) {
  glViewport(0, 0, fb_width, fb_height);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  const float l = data.DisplayPos.x, r = data.DisplayPos.x + data.DisplaySize.x;
  const float t = data.DisplayPos.y, b = data.DisplayPos.y + data.DisplaySize.y;
  const float projection[16] = {
      2.0f / (r - l), 0.0f, 0.0f, 0.0f,
      0.0f, 2.0f / (t - b), 0.0f, 0.0f,
      0.0f, 0.0f, -1.0f, 0.0f,
      (r + l) / (l - r), (t + b) / (b - t), 0.0f, 1.0f,
  };
  glUseProgram(program_);
  glUniformMatrix4fv(projection_at_, 1, GL_FALSE, projection);
  const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
  glUniform2f(white_at_, white.x, white.y);
  glUniform1i(texture_at_, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vao_);
}

void WebglRenderer::render(const ImDrawData& data) {
  const int fb_width = static_cast<int>(data.DisplaySize.x * data.FramebufferScale.x);
  const int fb_height = static_cast<int>(data.DisplaySize.y * data.FramebufferScale.y);
  if (fb_width <= 0 || fb_height <= 0 || !program_) return;
  set_state(data, fb_width, fb_height);
  GLuint bound_texture = 0;
  const ImVec2 offset = data.DisplayPos, scale = data.FramebufferScale;
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.Size) * sizeof(ImDrawVert), list.VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.IdxBuffer.Size) * sizeof(ImDrawIdx), list.IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
          set_state(data, fb_width, fb_height);
          bound_texture = 0;
        } else {
          cmd.UserCallback(&list, &cmd);
        }
        continue;
      }
      const float x0 = (cmd.ClipRect.x - offset.x) * scale.x, y0 = (cmd.ClipRect.y - offset.y) * scale.y;
      const float x1 = (cmd.ClipRect.z - offset.x) * scale.x, y1 = (cmd.ClipRect.w - offset.y) * scale.y;
      if (x1 <= x0 || y1 <= y0) continue;
      glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(fb_height) - y1),
                static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
      const auto texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID()));
      if (texture != bound_texture) {
        glBindTexture(GL_TEXTURE_2D, texture);
        bound_texture = texture;
      }
      // 32-bit indices (ImDrawIdx), so every command starts at vertex 0 of its list.
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), GL_UNSIGNED_INT,
                     reinterpret_cast<const void*>(static_cast<std::uintptr_t>(cmd.IdxOffset) * sizeof(ImDrawIdx)));
    }
  }
  // The next frame's clear must reach the whole canvas.
  glDisable(GL_SCISSOR_TEST);
  glBindVertexArray(0);
}

}  // namespace limber
