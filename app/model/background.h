#pragma once
// A value worked out on a worker thread, off the frame path: the frame asks for the value of a
// key (want), draws the newest finished one meanwhile (value) and marks that a newer one is on its
// way (busy). Only the latest request is kept: a key asked for while another is being computed
// waits for it, and any key in between is skipped. The destructor waits for the running job.
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace ll::app {

template <typename T>
class BackgroundValue {
 public:
  BackgroundValue() = default;
  BackgroundValue(const BackgroundValue&) = delete;
  BackgroundValue& operator=(const BackgroundValue&) = delete;
  ~BackgroundValue() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
  }

  // The value for `key`: computed by `make` on the worker unless it is the key of the newest value
  // (or of the job running or waiting). `make` must not touch the frame's state: give it copies.
  void want(const std::string& key, std::function<T()> make) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (key == asked_) return;
    asked_ = key;
    pending_ = std::move(make);
    if (!worker_.joinable()) worker_ = std::thread([this] { run(); });
    wake_.notify_all();
  }
  // The newest finished value (null before the first), and its key.
  std::shared_ptr<const T> value() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return value_;
  }
  std::string value_key() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return value_key_;
  }
  // A newer value than value() is being worked out.
  bool busy() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return asked_ != value_key_;
  }

 private:
  void run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return stopping_ || pending_; });
      if (stopping_) return;
      std::function<T()> job = std::move(pending_);
      pending_ = nullptr;
      const std::string key = asked_;
      lock.unlock();
      std::shared_ptr<const T> made;
      try {
        made = std::make_shared<const T>(job());
      } catch (...) {   // out of memory, bad input: the old value stays, the key counts as done
      }
      lock.lock();
      if (made) value_ = std::move(made);
      value_key_ = key;
    }
  }

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::thread worker_;
  std::function<T()> pending_;
  std::string asked_, value_key_;
  std::shared_ptr<const T> value_;
  bool stopping_ = false;
};

}  // namespace ll::app
