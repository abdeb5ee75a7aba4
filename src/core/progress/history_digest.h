// progress/history_digest.h: the Progress summary of a history digest (storage/history.h).
//
// Usage:
//     const ProgressSummary p = limber::progress::summarise_history(profile.history, desc);
//     // the same as summarise_progress over every session the digest stands for
#pragma once

#include "progress/progress_summary.h"
#include "storage/history.h"

namespace limber::progress {

ProgressSummary summarise_history(const storage::HistoryDigest& history, const ProgressDesc& desc);

}  // namespace limber::progress
