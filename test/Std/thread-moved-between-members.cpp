// RUN: not %clang-escape --caret=false %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

// A pool whose worker threads capture `this` and live in the pool's own
// members. A worker that moves its own std::thread from one member container
// to another (a finished dynamic worker) moves the same thread: the object
// still holds it, and a join through either container joins it. What the
// pool's members hold, moved between them, stays in the pool.

#include <condition_variable>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

class Pool {
public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i)
      threads_.emplace_back(std::thread([this] { worker(false); }));
    dynamic_.emplace_back(std::thread([this] { worker(true); }));
  }
  void shutdown() {
    {
      std::lock_guard<std::mutex> l(m_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto &t : threads_)
      t.join();
    std::list<std::thread> rest;
    {
      std::lock_guard<std::mutex> l(m_);
      rest = std::move(dynamic_);
    }
    for (auto &t : rest)
      t.join();
    for (auto &t : finished_)
      t.join();
  }

private:
  void moveToFinished(std::thread::id id) {
    for (auto it = dynamic_.begin(); it != dynamic_.end(); ++it)
      if (it->get_id() == id) {
        finished_.push_back(std::move(*it));
        dynamic_.erase(it);
        return;
      }
  }
  void worker(bool dynamic) {
    std::unique_lock<std::mutex> l(m_);
    if (dynamic && !cv_.wait_for(l, std::chrono::seconds(1), [&] { return stop_; })) {
      moveToFinished(std::this_thread::get_id());
      return;
    }
    cv_.wait(l, [&] { return stop_; });
  }
  bool stop_ = false;
  std::vector<std::thread> threads_;
  std::list<std::thread> dynamic_;
  std::vector<std::thread> finished_;
  std::condition_variable cv_;
  std::mutex m_;
};

void joinedByShutdown() {
  Pool pool(4);
  pool.shutdown();
}

// --- Still reported -----------------------------------------------------------

// The same move, then the moved thread is detached: it may outlive the pool.
class DetachingPool {
public:
  DetachingPool() { dynamic_.emplace_back(std::thread([this] { worker(); })); }
  void shutdown() {
    for (auto &t : finished_)
      t.detach();
  }

private:
  void worker() {
    std::lock_guard<std::mutex> l(m_);
    finished_.push_back(std::move(dynamic_.back()));
    dynamic_.pop_back();
  }
  std::vector<std::thread> dynamic_;
  std::vector<std::thread> finished_;
  std::mutex m_;
};

void detachedAfterTheMove() {
  DetachingPool pool; // MISS (known): a member thread detached in a loop over the member is not followed
  pool.shutdown();
}

// The worker moves its thread out of the pool, into a global list.
std::vector<std::thread> g_orphans;
class OrphaningPool {
public:
  OrphaningPool() { dynamic_.emplace_back(std::thread([this] { worker(); })); }

private:
  void worker() {
    std::thread self = std::move(dynamic_.front());
    dynamic_.clear();
    g_orphans.push_back(std::move(self));
  }
  std::vector<std::thread> dynamic_;
};

void movedOutOfThePool() {
  OrphaningPool pool; // CHECK: thread-moved-between-members.cpp:[[@LINE]]:17: warning: address of local 'pool' is stored in global 'g_orphans' (via 'OrphaningPool::OrphaningPool'){{.*}}[escape-global]
}
