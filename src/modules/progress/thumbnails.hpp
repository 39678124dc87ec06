#pragma once
// The background worker that makes photo thumbnails off the I/O and request threads:
// one thread owned by the progress service, started with it and joined when it is
// destroyed (after the server has stopped), never detached. A thumbnail is written to
// a temporary name and renamed, so a reader sees none or the whole file.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>

namespace changwat::progress {

class ThumbnailWorker {
 public:
  // `delay` holds each photo back that long first (tests see the 202 of a thumbnail
  // not made yet; CHANGWAT_TEST_THUMBNAIL_DELAY_MS).
  explicit ThumbnailWorker(std::filesystem::path directory,
                           std::chrono::milliseconds delay = std::chrono::milliseconds(0));
  // Finishes the photo in hand, drops the rest (made again at the next start).
  ~ThumbnailWorker();
  ThumbnailWorker(const ThumbnailWorker&) = delete;
  ThumbnailWorker& operator=(const ThumbnailWorker&) = delete;

  // Queues a photo file (its name in the directory) for a thumbnail.
  void enqueue(const std::string& file_name, const std::string& content_type);
  // Blocks until nothing is queued or being made.
  void wait_idle();

  // Where a photo's thumbnail is (or will be), and the marker of one that failed.
  static std::filesystem::path thumbnail_path(const std::filesystem::path& directory,
                                              const std::string& file_name);
  static std::filesystem::path failed_path(const std::filesystem::path& directory,
                                           const std::string& file_name);
  // Makes one thumbnail now, on the calling thread; false if the image is unreadable.
  static bool make(const std::filesystem::path& directory, const std::string& file_name,
                   const std::string& content_type);

 private:
  struct Job {
    std::string file_name;
    std::string content_type;
  };
  void run();

  std::filesystem::path directory_;
  std::chrono::milliseconds delay_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<Job> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace changwat::progress
