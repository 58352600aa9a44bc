// Members of a class nested in an instantiation over a closure
// (`GenView<lambda>::Cursor::read`, range-v3's generate_view cursor) share
// their USR with the same member over another closure of the same function:
// they are keyed by their linkage name too, as the members of the
// instantiation itself are. Before, the two bodies were one function, and
// the cursor over a counting generator kept what the other one's read did.
// RUN: not %clang-escape --caret=false %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <type_traits>

void *g_published;

template <class G> struct GenView {
  G gen_;
  decltype(gen_()) val_{};
  struct Cursor {
    GenView *view_;
    decltype(gen_()) read() const {
      view_->val_ = view_->gen_();
      return view_->val_;
    }
    // Only a view over a generator of pointers publishes itself.
    void publish() const {
      if constexpr (std::is_pointer<decltype(view_->gen_())>::value)
        g_published = view_;
    }
  };
  Cursor begin() { return Cursor{this}; }
};
template <class G> GenView<G> generate(G g) { return GenView<G>{g}; }

int twoInOneFunction() {
  int k = 42;
  auto internal = generate([k] { return &k; });
  internal.begin().publish(); // CHECK: :[[@LINE]]:3: warning: address of local 'internal' is stored in global 'g_published'
  (void)internal.begin().read();
  int i = 0;
  auto counting = generate([&i] { return ++i; });
  auto it = counting.begin();
  it.publish();
  return it.read();
}

int main() { return twoInOneFunction(); }
