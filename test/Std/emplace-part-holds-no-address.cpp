// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A container's emplace builds its element from the arguments: a part
// whose type holds no address (a std::string key built from a string_view)
// keeps nothing of what they point to. A part that can (a string_view
// element or mapped value) keeps it.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct Pool {
  std::string host;
};

struct Pools {
  std::unordered_map<std::string, std::shared_ptr<Pool>> pools;
  std::unordered_map<std::string, std::string_view> aliases;
  std::vector<std::string> names;
  std::vector<std::string_view> views;

  std::shared_ptr<Pool> at(std::string_view host) {
    auto [it, inserted] = pools.emplace(host, nullptr);
    if (inserted)
      it->second = std::make_shared<Pool>(Pool{std::string(host)});
    return it->second;
  }
  void name(std::string_view n) {
    names.emplace_back(n);
    names.emplace(names.begin(), n);
  }
  void alias(std::string_view to) { aliases.try_emplace("k", to); }
  void view(std::string_view v) { views.emplace_back(v); }
};

bool converts() {
  Pools pools;
  auto cli = pools.at(std::to_string(1));
  pools.name(std::to_string(2));
  return cli->host == "1";
}

Pools global;
void keepsMapped() {
  std::string s = "abc";
  global.alias(s); // CHECK: emplace-part-holds-no-address.cpp:[[@LINE]]:3: warning: address of local 's' is stored in global 'global'{{.*}}[escape-global]
}
void keepsElement() {
  std::string s = "abc";
  global.view(s); // CHECK: emplace-part-holds-no-address.cpp:[[@LINE]]:3: warning: address of local 's' is stored in global 'global'{{.*}}[escape-global]
}
