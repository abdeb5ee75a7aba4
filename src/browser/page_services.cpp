#include "browser/page_services.h"

#include <emscripten/emscripten.h>

#include <cstdlib>

#include "browser/main_loop.h"

namespace limber::browser {

namespace {
PageCallbacks g_callbacks;
std::string g_buffer;  // text handed over from the page
}  // namespace

// ---- Storage ------------------------------------------------------------------------------

EM_JS(int, limber_js_stored_kind, (), {
  const s = Module.limberStored || {};
  if (s.error) return 2;
  if (s.waiting) return 5;
  if (s.kind === 'parts') return s.legacyPresent ? 4 : 1;
  return s.kind === 'legacy' ? 3 : 0;
});
EM_JS(char*, limber_js_stored_string, (int error), {
  const s = Module.limberStored || {};
  const text = String((error ? s.error : s.text) || "");
  // Read once: the app keeps its own copy, the page need not hold a second.
  if (!error) s.text = null;
  const size = lengthBytesUTF8(text) + 1;
  const out = _malloc(size);
  if (out) stringToUTF8(text, out, size);
  return out;
});

EM_JS(char*, limber_js_stored_unsaved, (), {
  const s = Module.limberStored || {};
  const text = String(s.unsaved || "");
  s.unsaved = null;
  const size = lengthBytesUTF8(text) + 1;
  const out = _malloc(size);
  if (out) stringToUTF8(text, out, size);
  return out;
});
EM_JS(int, limber_js_stored_held_before, (), {
  const s = Module.limberStored || {};
  return typeof s.heldBefore === 'number' && s.heldBefore >= 0 ? Math.min(s.heldBefore, 2147483647) : -1;
});

app::StoredInput stored_data(std::string& error) {
  char* unsaved = limber_js_stored_unsaved();
  app::StoredInput in{.unsaved = unsaved ? unsaved : "", .held_before = limber_js_stored_held_before()};
  free(unsaved);
  const int kind = limber_js_stored_kind();
  if (kind == 0) return in;
  char* text = limber_js_stored_string(kind == 2 ? 1 : 0);
  std::string value(text ? text : "");
  free(text);
  using Kind = app::StoredInput::Kind;
  if (kind == 2) error = std::move(value);
  else if (kind == 5) in.kind = Kind::waiting;
  else {
    in.kind = kind == 3 ? Kind::legacy : Kind::parts;
    in.text = std::move(value);
    in.legacy_present = kind == 4;
  }
  return in;
}

EM_JS(void, limber_js_store_write, (double revision, const char* text), {
  window.LimberPage.store.save(UTF8ToString(text)).then((r) => {
    // Through the heap, not ccall's stack: another tab's document can be megabytes.
    const heap = (t) => { const n = lengthBytesUTF8(t) + 1; const p = _malloc(n); if (p) stringToUTF8(t, p, n); return p; };
    const error = heap(r.error || ""), found = heap(r.conflict || "");
    if (error && found) _limber_store_written(revision, r.ok ? 1 : 0, error, found);
    else _limber_store_written(revision, 0, 0, 0);
    _free(error);
    _free(found);
  });
});
void store_write(std::uint64_t revision, const std::string& text) {
  limber_js_store_write(static_cast<double>(revision), text.c_str());
}

EM_JS(void, limber_js_store_clear, (), { window.LimberPage.store.clearAll(); });
EM_JS(void, limber_js_store_set_aside, (const char* text), { window.LimberPage.store.setAside(UTF8ToString(text)); });
EM_JS(void, limber_js_keep_unsaved, (const char* text), { window.LimberPage.store.keepUnsaved(UTF8ToString(text)); });
void store_set_aside(const std::string& text) { limber_js_store_set_aside(text.c_str()); }

// ---- Effects --------------------------------------------------------------------------------

EM_JS(void, limber_js_cue, (const char* kind, const char* text, int sounds, int speech), {
  window.LimberPage.cue(UTF8ToString(kind), UTF8ToString(text), {sounds: !!sounds, speech: !!speech});
});
EM_JS(void, limber_js_download, (const char* name, const char* mime, const char* text), {
  window.LimberPage.download(UTF8ToString(name), UTF8ToString(mime), UTF8ToString(text));
});
EM_JS(void, limber_js_persist, (), { window.LimberPage.persist(); });
EM_JS(void, limber_js_read_sessions, (), { window.LimberPage.store.readSessions(); });
EM_JS(void, limber_js_choose_file, (), { window.LimberPage.chooseBackupFile(); });
EM_JS(void, limber_js_apply_update, (), { window.LimberPage.applyUpdate(); });
EM_JS(void, limber_js_print_sheet, (const char* html), { window.LimberPage.showSheet(UTF8ToString(html)); });
EM_JS(void, limber_js_copy_link, (const char* fragment), { window.LimberPage.copyLink(UTF8ToString(fragment)); });
EM_JS(void, limber_js_set_embed, (int embedded, const char* host), {
  window.LimberPage.setEmbed(!!embedded, UTF8ToString(host));
});
EM_JS(void, limber_js_post_to_host, (const char* origin, const char* message), {
  window.LimberPage.postToHost(UTF8ToString(origin), UTF8ToString(message));
});

void set_embed(bool embedded, const std::string& host_origin) { limber_js_set_embed(embedded ? 1 : 0, host_origin.c_str()); }

void deliver(const app::Effects& effects, const CueOutputs& outputs, const std::string& host_origin) {
  for (const std::string& message : effects.host_events) limber_js_post_to_host(host_origin.c_str(), message.c_str());
  for (const session::Cue& cue : effects.cues) {
    limber_js_cue(std::string(session::cue_kind_id(cue.kind)).c_str(), cue.text.c_str(), outputs.sounds ? 1 : 0,
                  outputs.speech ? 1 : 0);
  }
  // Notices and updates: in the live region only (no tone, no voice: they are read on screen).
  for (const app::Announcement& a : effects.announcements) limber_js_cue(a.kind.c_str(), a.text.c_str(), 0, 0);
  for (const app::Download& d : effects.downloads) limber_js_download(d.file_name.c_str(), d.mime.c_str(), d.text.c_str());
  if (effects.clear_storage) limber_js_store_clear();
  for (const std::string& text : effects.set_aside) store_set_aside(text);
  if (effects.keep_unsaved) limber_js_keep_unsaved(effects.keep_unsaved->c_str());
  if (effects.request_persist) limber_js_persist();
  if (effects.read_sessions) limber_js_read_sessions();
  if (effects.choose_backup_file) limber_js_choose_file();
  if (effects.apply_update) limber_js_apply_update();
  if (!effects.copy_link.empty()) limber_js_copy_link(effects.copy_link.c_str());
  if (!effects.print_sheet.empty()) limber_js_print_sheet(effects.print_sheet.c_str());
}

// ---- Screen, history, wake lock -------------------------------------------------------------

EM_JS(void, limber_js_show_screen, (const char* id, const char* address, const char* title, int depth, int session,
                                    int paused, const char* stage, const char* question, const char* asking), {
  window.LimberPage.screen(UTF8ToString(id), UTF8ToString(address), UTF8ToString(title), depth, !!session, !!paused,
                           UTF8ToString(stage), UTF8ToString(question), JSON.parse(UTF8ToString(asking)));
});
void show_screen(const ScreenShown& s) {
  limber_js_show_screen(s.id.c_str(), s.address.c_str(), s.title.c_str(), s.depth, s.session_controls ? 1 : 0,
                        s.paused ? 1 : 0, s.stage.c_str(), s.question.c_str(), s.asking.c_str());
}

EM_JS(void, limber_js_text_fields, (const char* json), { window.LimberPage.textFields(JSON.parse(UTF8ToString(json))); });
void show_text_fields(const std::string& fields_json) { limber_js_text_fields(fields_json.c_str()); }

EM_JS(void, limber_js_show_report, (const char* json, const char* problem), {
  window.LimberPage.mirror(JSON.parse(UTF8ToString(json)), UTF8ToString(problem));
});
void show_report(const std::string& report_json, const std::string& problem) {
  limber_js_show_report(report_json.c_str(), problem.c_str());
}

EM_JS(void, limber_js_wake_lock, (int on), { window.LimberPage.wakeLock(!!on); });
void set_wake_lock(bool on) { limber_js_wake_lock(on ? 1 : 0); }

EM_JS(int, limber_js_utc_offset, (), { return -new Date().getTimezoneOffset(); });
int utc_offset_minutes() { return limber_js_utc_offset(); }
EM_JS(double, limber_js_wall_ms, (), { return Date.now(); });
double wall_ms() { return limber_js_wall_ms(); }
double monotonic_ms() { return emscripten_get_now(); }
// 52 random bits from the page's crypto, as a double (exact below 2^53).
EM_JS(double, limber_js_random_bits, (), {
  const words = new Uint32Array(2);
  crypto.getRandomValues(words);
  return words[0] * 1048576 + (words[1] & 0xfffff);
});
std::uint64_t random_seed() { return static_cast<std::uint64_t>(limber_js_random_bits()); }

void set_page_callbacks(const PageCallbacks& callbacks) { g_callbacks = callbacks; }

}  // namespace limber::browser

using limber::browser::g_callbacks;

extern "C" {

EMSCRIPTEN_KEEPALIVE void limber_store_written(double revision, int ok, const char* error, const char* conflict) {
  if (g_callbacks.store_written) {
    g_callbacks.store_written(g_callbacks.user, static_cast<std::uint64_t>(revision), ok != 0, error ? error : "",
                              conflict ? conflict : "");
  }
  limber::browser::wake_main_loop();
}

EMSCRIPTEN_KEEPALIVE void limber_page_hidden() {
  if (g_callbacks.page_hidden) g_callbacks.page_hidden(g_callbacks.user);
  limber::browser::wake_main_loop();
}

}  // extern "C"
