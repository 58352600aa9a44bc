// Senders in stdexec's way: a class template whose argument is a closure
// object, built by inline functions, so that the closures are numbered in
// their context and mangled alike in every file.
extern void *g_kept;

template <auto Tag> struct sexpr {
  static constexpr bool keep = Tag();
  void *p;
};

struct run_t {
  template <class S> void operator()(S s) const {
    if constexpr (S::keep)
      g_kept = s.p;
  }
};
inline constexpr run_t run{};

inline auto make_dropper(void *p) { return sexpr<[] { return false; }>{p}; }
inline auto make_keeper(void *p) { return sexpr<[] { return true; }>{p}; }
