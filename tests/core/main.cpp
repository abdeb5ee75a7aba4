// The doctest runner, with one guard. CTest runs each test case on its own, by name
// (doctest_discover_tests); a name that does not survive that trip (CMake splits a name at
// ';') matches nothing, and doctest passes a run that matched nothing. So a run filtered by
// name that ran no test case fails here instead of passing silently.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <string_view>

namespace {

int g_cases_matched = -1;  // test cases that passed the filters; -1 until a run ends

struct MatchCounter : doctest::IReporter {
  explicit MatchCounter(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats& stats) override {
    g_cases_matched = static_cast<int>(stats.numTestCasesPassingFilters);
  }
  void test_case_start(const doctest::TestCaseData&) override {}
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};

}  // namespace

REGISTER_LISTENER("match_counter", 1, MatchCounter);

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int result = context.run();
  if (context.shouldExit()) return result;  // --help, --list-test-cases, ...
  bool by_name = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    by_name |= arg.starts_with("--test-case=") || arg.starts_with("-tc=");
  }
  if (result == 0 && by_name && g_cases_matched == 0) {
    std::fprintf(stderr, "no test case has this name: nothing ran (a ';' in a test case's name breaks CTest's copy of it)\n");
    return 1;
  }
  return result;
}
