#include <cstdio>
#include <string>

std::string *GName;

std::string *keepName(const char *Text) {
  std::string *S = new std::string(Text);
  GName = S;
  return S;
}

size_t measure(const char *Text) {
  std::string *S = new std::string(Text);
  size_t N = S->size();
  delete S;
  return N;
}

int main() {
  keepName("a name long enough to live on the heap");
  std::printf("%zu\n", measure("another string, also long enough"));
  return 0;
}
