// escape-return, escape-member, escape-scope: addresses that reach the caller
// or outlive their block.
#include <string>
#include <string_view>

struct User {
  std::string name;
  int id = 0;
};

User *createUser(int id) {
  User u;
  u.id = id;
  return &u; // escape-return
}

std::string_view greeting(int id) {
  std::string text = "hello #" + std::to_string(id);
  return text; // escape-return: a view of a local string
}

void defaultName(const char *&out) {
  char buf[16] = "anonymous";
  out = buf; // escape-return through an out-parameter
}

class Session {
public:
  void reset(int id) {
    std::string label = std::to_string(id);
    current_ = label; // escape-member
  }

private:
  std::string_view current_;
};

int lastDigit(int n) {
  const char *p = nullptr;
  {
    std::string digits = std::to_string(n);
    p = digits.c_str();
  }
  return p[0]; // escape-scope: 'digits' died at the end of its block
}

int safeLength(const std::string &s) {
  std::string_view v = s; // fine: a view of the caller's string
  return static_cast<int>(v.size());
}
