// The library's one parallel-for: parsing and checking many files on all
// cores (ScanCases, the derived index, validation, the write path).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace mediate {

/// Calls `fn(i)` for every i in [0, n) on `threads` threads (0 = all
/// cores; never more threads than chunks), handing out `chunk` consecutive
/// indices at a time; the calling thread works too. Returns when every call
/// has returned. `fn` must be safe to call concurrently for distinct i.
template <typename Fn>
void ParallelFor(std::size_t n, unsigned threads, std::size_t chunk, Fn&& fn) {
  if (n == 0) return;
  if (chunk == 0) chunk = 1;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t chunks = (n + chunk - 1) / chunk;
  if (threads > chunks) threads = static_cast<unsigned>(chunks);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (;;) {
      std::size_t begin = next.fetch_add(chunk);
      if (begin >= n) break;
      const std::size_t end = std::min(n, begin + chunk);
      for (std::size_t i = begin; i < end; ++i) fn(i);
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads > 0 ? threads - 1 : 0);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

}  // namespace mediate
