// Thai text throughput: word segmentation (the ≥ 20 MB/s budget), search terms,
// normalization and collation, fed with the Trat provincial strategy text.
// Reproduce: see the "Thai text" section of docs/performance.md.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "thai/text.hpp"

namespace {

// The seed document lives in the shared folder beside the checkout; the
// CHANGWAT_THAI_TEXT environment variable points at any other UTF-8 file.
std::string seed_path() {
  if (const char* path = std::getenv("CHANGWAT_THAI_TEXT")) return path;
  return std::string(CHANGWAT_SOURCE_DIR) + "/../shared/seed/trat-strategy.th.md";
}

const std::string& seed_text() {
  static const std::string text = [] {
    std::ifstream file(seed_path(), std::ios::binary);
    if (!file) throw std::runtime_error("cannot read " + seed_path());
    std::ostringstream contents;
    contents << file.rdbuf();
    return contents.str();
  }();
  return text;
}

// The seed repeated to about 4 MiB: one big call, like segmenting an imported report.
const std::string& large_text() {
  static const std::string text = [] {
    std::string repeated;
    while (repeated.size() < (4u << 20)) repeated += seed_text() + "\n";
    return repeated;
  }();
  return text;
}

// Non-empty lines of the seed: the size of a project title or description, which
// is what the service layer segments one at a time.
const std::vector<std::string>& paragraphs() {
  static const std::vector<std::string> lines = [] {
    std::vector<std::string> found;
    std::istringstream stream(seed_text());
    for (std::string line; std::getline(stream, line);) {
      if (line.find_first_not_of(" \t\r") != std::string::npos) found.push_back(line);
    }
    return found;
  }();
  return lines;
}

std::size_t total_bytes(const std::vector<std::string>& lines) {
  std::size_t bytes = 0;
  for (const std::string& line : lines) bytes += line.size();
  return bytes;
}

bool have_seed(benchmark::State& state) {
  try {
    seed_text();
    return true;
  } catch (const std::exception& error) {
    state.SkipWithError(error.what());
    return false;
  }
}

void BM_SegmentWordsLargeText(benchmark::State& state) {
  if (!have_seed(state)) return;
  const std::string& text = large_text();
  std::size_t words = 0;
  for (auto _ : state) {
    const auto segmented = changwat::thai::segment_words(text);
    words = segmented.size();
    benchmark::DoNotOptimize(segmented.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["words"] = static_cast<double>(words);
}
BENCHMARK(BM_SegmentWordsLargeText)->Unit(benchmark::kMillisecond);

void BM_SegmentWordsParagraphs(benchmark::State& state) {
  if (!have_seed(state)) return;
  const auto& lines = paragraphs();
  for (auto _ : state) {
    for (const std::string& line : lines) {
      const auto segmented = changwat::thai::segment_words(line);
      benchmark::DoNotOptimize(segmented.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(lines)));
  state.counters["calls"] = benchmark::Counter(static_cast<double>(lines.size()),
                                               benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_SegmentWordsParagraphs)->Unit(benchmark::kMicrosecond);

void BM_SearchTextParagraphs(benchmark::State& state) {
  if (!have_seed(state)) return;
  const auto& lines = paragraphs();
  for (auto _ : state) {
    for (const std::string& line : lines) {
      benchmark::DoNotOptimize(changwat::thai::search_text(line));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(lines)));
}
BENCHMARK(BM_SearchTextParagraphs)->Unit(benchmark::kMicrosecond);

void BM_NormalizeParagraphs(benchmark::State& state) {
  if (!have_seed(state)) return;
  const auto& lines = paragraphs();
  for (auto _ : state) {
    for (const std::string& line : lines) {
      benchmark::DoNotOptimize(changwat::thai::normalize(line));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(lines)));
}
BENCHMARK(BM_NormalizeParagraphs)->Unit(benchmark::kMicrosecond);

// Sorting the seed's words in Thai dictionary order (agency and project lists).
void BM_SortThaiWords(benchmark::State& state) {
  if (!have_seed(state)) return;
  const std::vector<std::string> words = changwat::thai::segment_words(seed_text());
  for (auto _ : state) {
    std::vector<std::string> copy = words;
    changwat::thai::sort_thai(copy);
    benchmark::DoNotOptimize(copy.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words.size()));
}
BENCHMARK(BM_SortThaiWords)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
