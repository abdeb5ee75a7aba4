#include <doctest/doctest.h>

#include "storage/store_sync.h"

using limber::storage::StoreStatus;
using limber::storage::StoreSync;

TEST_CASE("store sync: nothing is written before the stored data has loaded") {
  StoreSync sync;
  sync.changed();
  CHECK(sync.status() == StoreStatus::loading);
  CHECK_FALSE(sync.begin_write(0, false));
  CHECK_FALSE(sync.begin_write(0, true));  // not even when the page is being hidden
  sync.loaded(true, "");
  const auto rev = sync.begin_write(0, false);
  REQUIRE(rev);
  CHECK(*rev == 1);
}

TEST_CASE("store sync: up to date after loading, pending after a change, saved after the write") {
  StoreSync sync;
  sync.loaded(true, "");
  CHECK(sync.status() == StoreStatus::saved);
  CHECK_FALSE(sync.begin_write(0, false));
  sync.changed();
  CHECK(sync.status() == StoreStatus::pending);
  const auto rev = sync.begin_write(0, false);
  REQUIRE(rev);
  sync.write_finished(*rev, true, "", 0.1);
  CHECK(sync.status() == StoreStatus::saved);
  CHECK(sync.saved_revision() == sync.revision());
}

TEST_CASE("store sync: one write at a time, changes made during a write are written next") {
  StoreSync sync;
  sync.loaded(true, "");
  sync.changed();
  const auto first = sync.begin_write(0, false);
  REQUIRE(first);
  sync.changed();
  CHECK_FALSE(sync.begin_write(0, true));
  sync.write_finished(*first, true, "", 0);
  CHECK(sync.status() == StoreStatus::pending);
  const auto second = sync.begin_write(0, false);
  REQUIRE(second);
  CHECK(*second == 2);
  sync.write_finished(*second, true, "", 0);
  CHECK(sync.status() == StoreStatus::saved);
}

TEST_CASE("store sync: a failed write keeps the change, says why, and retries after a growing wait") {
  StoreSync sync;
  sync.loaded(true, "");
  sync.changed();
  auto rev = sync.begin_write(10, false);
  REQUIRE(rev);
  sync.write_finished(*rev, false, "QuotaExceededError", 10);
  CHECK(sync.status() == StoreStatus::failed);
  CHECK(sync.error() == "QuotaExceededError");
  CHECK(sync.retry_at() == doctest::Approx(12));
  CHECK_FALSE(sync.begin_write(11, false));
  rev = sync.begin_write(12, false);  // the first wait is 2 s
  REQUIRE(rev);
  sync.write_finished(*rev, false, "QuotaExceededError", 12);
  CHECK_FALSE(sync.begin_write(15, false));  // then 4 s
  rev = sync.begin_write(16, false);
  REQUIRE(rev);
  sync.write_finished(*rev, true, "", 16);
  CHECK(sync.status() == StoreStatus::saved);
  CHECK(sync.error().empty());
  CHECK(sync.failures() == 0);
}

TEST_CASE("store sync: the wait between retries stops growing at the longest wait") {
  StoreSync sync;
  sync.loaded(true, "");
  sync.changed();
  double now = 0;
  for (int i = 0; i < 12; ++i) {
    const auto rev = sync.begin_write(now, true);
    REQUIRE(rev);
    sync.write_finished(*rev, false, "full", now);
  }
  CHECK_FALSE(sync.begin_write(now + limber::storage::kLongestRetrySeconds - 0.5, false));
  CHECK(sync.begin_write(now + limber::storage::kLongestRetrySeconds, false));
}

TEST_CASE("store sync: an urgent write (the page is being hidden) does not wait for the retry") {
  StoreSync sync;
  sync.loaded(true, "");
  sync.changed();
  auto rev = sync.begin_write(0, false);
  REQUIRE(rev);
  sync.write_finished(*rev, false, "busy", 0);
  CHECK_FALSE(sync.begin_write(0.5, false));
  CHECK(sync.begin_write(0.5, true));
}

TEST_CASE("store sync: a failed load is reported, and the data in memory is written when it changes") {
  StoreSync sync;
  sync.loaded(false, "IndexedDB is not available");
  CHECK(sync.status() == StoreStatus::failed);
  CHECK(sync.load_failed());
  CHECK(sync.error() == "IndexedDB is not available");
  sync.changed();
  const auto rev = sync.begin_write(100, false);
  REQUIRE(rev);
  sync.write_finished(*rev, true, "", 100);
  CHECK(sync.status() == StoreStatus::saved);
  CHECK_FALSE(sync.load_failed());
}
