// The bare yaml-cpp baseline of bench/run: YAML::LoadFile on every file of
// a list, on N threads, keeping nothing. What `mediate validate` and a cold
// `mediate stats` are measured against (same files, same threads).
//
//   yaml_parse_baseline FILE-LIST THREADS
//
// FILE-LIST holds one path per line. Prints "files seconds files/s" and
// exits 1 when a file fails to parse. Built by bench/run (g++ -O2, not by
// CMake) into bench/out/.
#include <yaml-cpp/yaml.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: yaml_parse_baseline FILE-LIST THREADS\n");
    return 2;
  }
  std::vector<std::string> paths;
  std::ifstream list(argv[1]);
  for (std::string line; std::getline(list, line);)
    if (!line.empty()) paths.push_back(line);
  unsigned threads = static_cast<unsigned>(std::max(1, std::atoi(argv[2])));

  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> failed{0};
  auto start = std::chrono::steady_clock::now();
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < paths.size();) {
      try {
        YAML::Node doc = YAML::LoadFile(paths[i]);
        if (!doc.IsMap()) ++failed;
      } catch (const YAML::Exception&) {
        ++failed;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu %.3f %.0f\n", paths.size(), s, s > 0 ? paths.size() / s : 0.0);
  return failed > 0 ? 1 : 0;
}
