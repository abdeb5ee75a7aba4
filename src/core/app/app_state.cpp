#include "app/app_state.h"

#include <array>

#include "app/app.h"
#include "catalogue/model.h"
#include "json/json_writer.h"
#include "progress/progress_summary.h"

namespace limber::app {

namespace {

std::string_view notice_id(NoticeKind k) { return json::enum_name(k); }

void write_app(json::Writer& w, const App& app) {
  const Screen screen = app.nav().screen();
  w.key("screen").value(screen_id(screen))
      .key("title").value(screen_title(screen))
      .key("canGoBack").value(app.nav().can_go_back())
      .key("depth").value(static_cast<int>(app.nav().depth()))
      .key("theme").value(json::enum_name(app.display_theme()))
      .key("embedded").value(app.embedded())
      .key("host").value(app.embed().host_origin)
      .key("confirm").value(confirm_id(app.confirm()));
  if (const links::SharedRoutine* in = app.incoming()) {
    w.key("incoming").begin_object()
        .key("name").value(in->routine.name)
        .key("note").value(in->routine.note.value_or(""))
        .key("exercises").value(static_cast<int>(in->routine.items.size()))
        .key("updates").value(app.incoming_updates() ? app.incoming_updates()->id : std::string())
        .key("changes").begin_array();
    for (const std::string& change : app.incoming_changes()) w.value(change);
    w.end_array().end_object();
  }
  if (app.draft().routine()) {
    // The routine being edited: what its text fields hold and any refusal of what was typed.
    // Each field by its id (app/text_entry.h), item notes as "item_note-<n>".
    const std::size_t items = app.draft().routine()->items.size();
    std::vector<TextTarget> targets;
    for (const TextField field : {TextField::routine_name, TextField::link_note, TextField::clinic_name, TextField::clinic_phone}) {
      targets.push_back({.field = field});
    }
    for (std::size_t i = 0; i < items; ++i) targets.push_back({.field = TextField::item_note, .item = i});
    w.key("draft").begin_object().key("exercises").value(static_cast<int>(items));
    for (const TextTarget& t : targets) w.key(text_target_id(t)).value(app.draft().text(t));
    w.key("textProblems").begin_object();
    for (const TextTarget& t : targets) w.key(text_target_id(t)).value(app.draft().text_problem(t));
    w.end_object();
    const std::optional<catalogue::Routine> finished = app.draft().finished();
    w.key("version").value(finished->version.value_or(0));
    w.key("howOften").value(catalogue::frequency_sentence(*finished));
    w.key("shareProblem").value(app.draft().share_problem());
    w.end_object();
  }
  w.key("lastLink").value(app.draft().last_link());
  w.key("linkCopy").value(json::enum_name(app.draft().link_copy()));
  w.key("update").begin_object()
      .key("ready").value(app.update_ready())
      .key("applying").value(app.update_applying())
      .end_object();
  w.key("notice").begin_object()
      .key("kind").value(notice_id(app.notice().kind))
      .key("text").value(app.notice().text)
      .end_object();
  const storage::StoreSync& sync = app.sync();
  w.key("storage").begin_object()
      .key("status").value(storage::store_status_id(sync.status()))
      .key("revision").value(sync.revision())
      .key("saved").value(sync.saved_revision())
      .key("error").value(sync.error())
      .key("lastWriteBytes").value(static_cast<std::uint64_t>(app.last_write_bytes()));
  // What the browser said of keeping it (app/data_safety.h), and what Limber offers.
  const StorageFacts* facts = app.storage_facts();
  w.key("kept").value(!facts ? "not_reported" : !facts->persisted ? "cannot_say" : *facts->persisted ? "promised" : "not_promised");
  w.key("lastBackupMs");
  if (app.settings().last_backup_ms) w.value(*app.settings().last_backup_ms);
  else w.null();
  w.key("backupOffered").value(app.backup_offered())
      .end_object();
  const storage::Profile& d = app.data();
  w.key("data").begin_object()
      .key("sessions").value(d.history.sessions())
      .key("routines").value(static_cast<int>(d.routines.size()))
      .key("interrupted").value(d.in_progress.has_value());
  if (d.in_progress) {
    const int done = session::count_outcomes(d.in_progress->record).completed;
    w.key("inProgress").begin_object()
        .key("routine").value(d.in_progress->record.routine)
        .key("nextExercise").value(d.in_progress->next_exercise)
        .key("completed").value(done);
    w.key("painAfter");
    d.in_progress->record.pain_after ? w.value(*d.in_progress->record.pain_after) : w.null();
    w.end_object();
  }
  // The newest session's last pain score (the kill test looks for it after a restart).
  w.key("lastPainAfter");
  if (!d.history.recent.empty() && d.history.recent.back().record.pain_after) w.value(*d.history.recent.back().record.pain_after);
  else w.null();
  // The ids of the sessions held in full (the newest; storage/history.h), oldest first.
  w.key("sessionIds").begin_array();
  for (const storage::StoredSession& s : d.history.recent) w.value(s.id);
  w.end_array().end_object();
  // What the Progress screen shows, computed the same way.
  const progress::ProgressSummary summary = app.progress_summary();
  w.key("progress").begin_object()
      .key("sessions").value(summary.sessions_total)
      .key("thisWeek").value(summary.sessions_this_week)
      .key("streakDays").value(summary.streak_days)
      .key("painPoints").value(summary.pain_points)
      .key("guidance").value(progress::guidance_id(summary.guidance))
      .end_object();

  const Player& p = app.player();
  w.key("session").begin_object().key("stage").value(stage_id(p.stage()));
  if (p.stage() != PlayerStage::closed) {
    const session::Snapshot& s = p.engine().snapshot();
    w.key("routine").value(p.routine_id())
        .key("status").value(session::status_id(s.status))
        .key("phase").value(session::phase_id(s.phase))
        .key("exercise").value(p.next_exercise() - p.finished_exercises() + s.exercise + 1)
        .key("exercises").value(p.routine_exercises())
        .key("exerciseId").value(s.exercise_id)
        .key("rep").value(s.rep)
        .key("reps").value(s.reps)
        .key("side").value(session::side_id(s.side))
        .key("text").value(s.text)
        .key("finished").value(p.next_exercise())
        .key("remaining").value(s.session_remaining);
  }
  w.end_object();
}

}  // namespace

std::string state_json(const AppSnapshot& s, const App* app) {
  json::Writer w;
  w.begin_object()
      .key("app").value("limber")
      .key("version").value(LIMBER_VERSION)
      .key("ready").value(s.ready)
      .key("frames").value(s.frames_drawn)
      .key("sleeping").value(s.sleeping)
      .key("pressesHeld").value(s.presses_held);
  w.key("scroll").begin_object()
      .key("y").value(static_cast<double>(s.page_scroll_y))
      .key("max").value(static_cast<double>(s.page_scroll_max))
      .end_object();
  w.key("viewport").begin_object()
      .key("width").value(static_cast<double>(s.viewport.css_width))
      .key("height").value(static_cast<double>(s.viewport.css_height))
      .key("pixelRatio").value(static_cast<double>(s.viewport.pixel_ratio))
      .key("framebufferWidth").value(s.viewport.framebuffer_width)
      .key("framebufferHeight").value(s.viewport.framebuffer_height)
      .end_object();
  w.key("fontPixelRatio").value(static_cast<double>(s.font_pixel_ratio));
  w.key("catalogue").begin_object()
      .key("exercises").value(s.catalogue_exercises)
      .key("routines").value(s.catalogue_routines)
      .end_object();
  w.key("clips").value(s.clips).key("figures").value(s.figures_drawn).key("heapBytes").value(s.heap_bytes);
  w.key("frameGeometry").begin_object()
      .key("vertices").value(s.frame_vertices)
      .key("indices").value(s.frame_indices)
      .key("drawCalls").value(s.frame_draw_calls)
      .end_object();
  w.key("frameCpuMs").begin_object()
      .key("median").value(s.frame_cpu_ms_median)
      .key("gl").value(s.frame_gl_ms_median)
      .key("samples").value(s.frame_cpu_samples)
      .end_object();
  w.key("controls").begin_array();
  for (const ScreenNode& c : s.report) {
    if (!is_control(c.role)) continue;
    w.begin_object()
        .key("id").value(c.id)
        .key("label").value(c.name)
        .key("role").value(node_role_id(c.role))
        .key("x").value(static_cast<double>(c.x))
        .key("y").value(static_cast<double>(c.y))
        .key("width").value(static_cast<double>(c.width))
        .key("height").value(static_cast<double>(c.height));
    if (c.checked != Checked::none) w.key("checked").value(c.checked == Checked::yes);
    if (c.disabled) w.key("disabled").value(true);
    if (c.focused) w.key("focused").value(true);
    if (c.hovered) w.key("hovered").value(true);
    w.end_object();
  }
  w.end_array();
  if (app) write_app(w, *app);
  w.end_object();
  return w.str();
}

}  // namespace limber::app
