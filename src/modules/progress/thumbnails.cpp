#include "modules/progress/thumbnails.hpp"

#include <spdlog/spdlog.h>

#include <fstream>
#include <iterator>

#include "base/error.hpp"
#include "modules/progress/image.hpp"

namespace changwat::progress {
namespace {

std::string stem_of(const std::string& file_name) {
  return std::filesystem::path(file_name).stem().string();
}

}  // namespace

ThumbnailWorker::ThumbnailWorker(std::filesystem::path directory, std::chrono::milliseconds delay)
    : directory_(std::move(directory)), delay_(delay), thread_([this] { run(); }) {}

ThumbnailWorker::~ThumbnailWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  wake_.notify_all();
  idle_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::filesystem::path ThumbnailWorker::thumbnail_path(const std::filesystem::path& directory,
                                                      const std::string& file_name) {
  return directory / "thumbnails" / (stem_of(file_name) + ".jpg");
}

std::filesystem::path ThumbnailWorker::failed_path(const std::filesystem::path& directory,
                                                   const std::string& file_name) {
  return directory / "thumbnails" / (stem_of(file_name) + ".failed");
}

void ThumbnailWorker::enqueue(const std::string& file_name, const std::string& content_type) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    queue_.push_back({file_name, content_type});
  }
  wake_.notify_one();
}

void ThumbnailWorker::wait_idle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return stopping_ || (queue_.empty() && !busy_); });
}

bool ThumbnailWorker::make(const std::filesystem::path& directory, const std::string& file_name,
                           const std::string& content_type) {
  std::ifstream in(directory / file_name, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::path target = thumbnail_path(directory, file_name);
  std::filesystem::create_directories(target.parent_path());
  std::string jpeg;
  try {
    if (!in.good() && !in.eof()) throw std::runtime_error("cannot read the photo");
    jpeg = image::thumbnail(content_type, bytes);
  } catch (const std::exception& error) {
    spdlog::warn("thumbnail of {} failed: {}", file_name, error.what());
    std::ofstream(failed_path(directory, file_name)) << error.what() << '\n';
    return false;
  }
  std::filesystem::path temporary = target;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(jpeg.data(), static_cast<std::streamsize>(jpeg.size()));
    if (!out) return false;
  }
  std::filesystem::rename(temporary, target);
  return true;
}

void ThumbnailWorker::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    if (delay_.count() > 0) {
      wake_.wait_for(lock, delay_, [this] { return stopping_; });
      if (stopping_) return;
    }
    Job job = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    try {
      make(directory_, job.file_name, job.content_type);
    } catch (const std::exception& error) {
      spdlog::error("thumbnail worker: {}", error.what());
    }
    lock.lock();
    busy_ = false;
    if (queue_.empty()) idle_.notify_all();
  }
}

}  // namespace changwat::progress
