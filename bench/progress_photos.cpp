// Benchmark helper of the progress module (issue 10), used by bench/progress_photos.sh:
//   --jpeg PATH [--megabytes N]  writes a phone-sized JPEG (4000 × 3000, noise tuned until
//                                the file is about N MB, default 5) with libjpeg-turbo;
//   --read-model                 the read model of 2,000 projects × 12 months in memory:
//                                a snapshot built from rows, and the dashboard queries
//                                (summarize 2,000 projects, missing reports) p50/p99;
//   --decode PATH                the upload's own work on a JPEG (check + EXIF) and the
//                                background thumbnail, p50 of 10 runs.
// jpeglib.h needs FILE and size_t declared before it.
// clang-format off
#include <cstddef>
#include <cstdio>
#include <jpeglib.h>
// clang-format on

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "modules/progress/image.hpp"
#include "modules/progress/model.hpp"

namespace changwat::progress {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(p * values.size()))];
}

std::string encode(int width, int height, int noise) {
  jpeg_compress_struct info;
  jpeg_error_mgr error;
  info.err = jpeg_std_error(&error);
  jpeg_create_compress(&info);
  unsigned char* out = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&info, &out, &size);
  info.image_width = static_cast<JDIMENSION>(width);
  info.image_height = static_cast<JDIMENSION>(height);
  info.input_components = 3;
  info.in_color_space = JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, 92, TRUE);
  jpeg_start_compress(&info, TRUE);
  std::vector<unsigned char> row(static_cast<std::size_t>(width) * 3);
  std::minstd_rand random(7);
  while (info.next_scanline < info.image_height) {
    int y = static_cast<int>(info.next_scanline);
    for (int x = 0; x < width; ++x) {
      int n = noise > 0 ? static_cast<int>(random() % static_cast<unsigned>(noise)) : 0;
      row[x * 3] = static_cast<unsigned char>((x * 255 / width + n) & 0xff);
      row[x * 3 + 1] = static_cast<unsigned char>((y * 255 / height + n / 2) & 0xff);
      row[x * 3 + 2] = static_cast<unsigned char>((128 + n) & 0xff);
    }
    JSAMPROW pointer = row.data();
    jpeg_write_scanlines(&info, &pointer, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  std::string jpeg(reinterpret_cast<const char*>(out), size);
  std::free(out);
  return jpeg;
}

int write_jpeg(const std::string& path, double megabytes) {
  const auto target = static_cast<std::size_t>(megabytes * 1000 * 1000);
  int low = 1;
  int high = 256;
  std::string best;
  for (int round = 0; round < 7; ++round) {  // bisect the noise amplitude
    int noise = (low + high) / 2;
    std::string jpeg = encode(4000, 3000, noise);
    auto distance = [&](const std::string& j) {
      return std::llabs(static_cast<long long>(j.size()) - static_cast<long long>(target));
    };
    if (best.empty() || distance(jpeg) < distance(best)) best = jpeg;
    (jpeg.size() < target ? low : high) = noise;
  }
  std::ofstream(path, std::ios::binary)
      .write(best.data(), static_cast<std::streamsize>(best.size()));
  std::printf("wrote %s: %zu bytes, 4000 x 3000\n", path.c_str(), best.size());
  return 0;
}

int read_model() {
  const int projects = 2000;
  std::unordered_map<std::int64_t, std::shared_ptr<const ProjectProgress>> map;
  std::vector<std::int64_t> ids;
  std::minstd_rand random(3);
  auto start = Clock::now();
  for (int p = 0; p < projects; ++p) {
    auto project = std::make_shared<ProjectProgress>();
    project->element_id = 1000 + p;
    double percent = 0;
    for (int m = 0; m < 12; ++m) {
      percent = std::min(100.0, percent + static_cast<double>(random() % 12));
      auto status = static_cast<ProgressStatus>(random() % kStatusCount);
      project->months.push_back({action_plan::first_month_of(2569).plus(m), percent, status});
    }
    ids.push_back(project->element_id);
    map[project->element_id] = std::move(project);
  }
  auto snapshot = std::make_shared<const ProgressSnapshot>(2569, 1, std::move(map));
  std::printf("snapshot of %d projects x 12 months built in %.2f ms\n", projects, ms_since(start));
  std::vector<double> summaries;
  std::vector<double> missing;
  std::vector<double> swaps;
  long long sink = 0;
  for (int round = 0; round < 500; ++round) {
    auto t = Clock::now();
    StatusSummary summary = snapshot->summarize(ids, action_plan::Month{2026, 3});
    summaries.push_back(ms_since(t));
    sink += summary.count(ProgressStatus::delayed);
    t = Clock::now();
    sink += static_cast<long long>(snapshot->missing_report(ids, {2026, 9}).size());
    missing.push_back(ms_since(t));
    t = Clock::now();
    auto next = snapshot->with(ids[round % projects], snapshot->projects().begin()->second, round);
    swaps.push_back(ms_since(t));
  }
  std::printf("summarize 2,000 projects at a month: p50 %.3f ms, p99 %.3f ms\n",
              percentile(summaries, 0.5), percentile(summaries, 0.99));
  std::printf("missing reports of 2,000 projects for a month: p50 %.3f ms, p99 %.3f ms\n",
              percentile(missing, 0.5), percentile(missing, 0.99));
  std::printf("swap one project after a write (copy of 2,000 pointers): p50 %.3f ms, p99 %.3f ms\n",
              percentile(swaps, 0.5), percentile(swaps, 0.99));
  return sink < 0 ? 1 : 0;
}

int decode(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<double> checks;
  std::vector<double> thumbnails;
  for (int round = 0; round < 10; ++round) {
    auto t = Clock::now();
    image::Info info = image::inspect("image/jpeg", bytes);
    checks.push_back(ms_since(t));
    t = Clock::now();
    std::string thumbnail = image::thumbnail("image/jpeg", bytes);
    thumbnails.push_back(ms_since(t));
    if (info.width <= 0 || thumbnail.empty()) return 1;
  }
  std::printf(
      "upload check + EXIF of %zu bytes: p50 %.2f ms; thumbnail (background): p50 %.1f ms\n",
      bytes.size(), percentile(checks, 0.5), percentile(thumbnails, 0.5));
  return 0;
}

}  // namespace
}  // namespace changwat::progress

int main(int argc, char** argv) {
  using namespace changwat::progress;
  std::vector<std::string> args(argv + 1, argv + argc);
  double megabytes = 5;
  for (std::size_t i = 0; i + 1 < args.size(); ++i)
    if (args[i] == "--megabytes") megabytes = std::atof(args[i + 1].c_str());
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--jpeg" && i + 1 < args.size()) return write_jpeg(args[i + 1], megabytes);
    if (args[i] == "--decode" && i + 1 < args.size()) return decode(args[i + 1]);
    if (args[i] == "--read-model") return read_model();
  }
  std::fprintf(
      stderr,
      "usage: bench_progress_photos --jpeg PATH [--megabytes N] | --read-model | --decode PATH\n");
  return 2;
}
