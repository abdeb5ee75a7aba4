#include "storage/store_sync.h"

#include <algorithm>

namespace limber::storage {

std::string_view store_status_id(StoreStatus status) { return json::enum_name(status); }

void StoreSync::loaded(bool ok, std::string error) {
  loaded_ = true;
  load_failed_ = !ok;
  error_ = std::move(error);
  // A failed read is treated like a failed write: the data lives in memory, writes retry.
  if (!ok) failures_ = 1;
}

std::optional<std::uint64_t> StoreSync::begin_write(double now_seconds, bool urgent) {
  if (!loaded_ || in_flight_ || saved_ == revision_) return std::nullopt;
  if (failures_ > 0 && !urgent && now_seconds < retry_at_) return std::nullopt;
  in_flight_ = true;
  return revision_;
}

void StoreSync::write_finished(std::uint64_t revision, bool ok, std::string error, double now_seconds) {
  in_flight_ = false;
  if (ok) {
    saved_ = std::max(saved_, revision);
    failures_ = 0;
    load_failed_ = false;
    error_.clear();
    return;
  }
  ++failures_;
  error_ = std::move(error);
  double wait = kFirstRetrySeconds;
  for (int i = 1; i < failures_ && wait < kLongestRetrySeconds; ++i) wait *= 2;
  retry_at_ = now_seconds + std::min(wait, kLongestRetrySeconds);
}

void StoreSync::write_conflicted(std::uint64_t) {
  in_flight_ = false;
  // The storage answered: a load that had failed is over once what it held is merged.
  load_failed_ = false;
  failures_ = 0;
  error_.clear();
}

StoreStatus StoreSync::status() const {
  if (!loaded_) return StoreStatus::loading;
  if (failures_ > 0) return StoreStatus::failed;
  return saved_ == revision_ ? StoreStatus::saved : StoreStatus::pending;
}

}  // namespace limber::storage
