#include "progress/history_digest.h"

namespace limber::progress {

ProgressSummary summarise_history(const storage::HistoryDigest& history, const ProgressDesc& desc) {
  return summarise_after(history.folded, history.recent, desc);
}

}  // namespace limber::progress
