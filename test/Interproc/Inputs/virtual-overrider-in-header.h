#include <memory>
#include <tuple>
#include <utility>

// An expression tree: an operation owns its operands through handles and
// tells each one its parent through a virtual method that hands back
// where the operand keeps it. All of it is defined here, in a header.
struct Linked {
  virtual ~Linked() = default;
  void attachTo(Linked *p) {
    if (Linked **slot = parentSlot())
      *slot = p;
  }

protected:
  virtual Linked **parentSlot() = 0;
};

template <typename T> struct Expr : Linked {
  virtual const T &value() const = 0;
};

template <typename T> class Handle {
public:
  explicit Handle(std::unique_ptr<Expr<T>> &&e) : expr_(std::move(e)) {}
  const T &value() const { return expr_->value(); }
  void attachTo(Linked *p) { expr_->attachTo(p); }

private:
  std::unique_ptr<Expr<T>> expr_;
};

template <typename T> class Constant : public Expr<T> {
public:
  explicit Constant(T v) : v_(v) {}
  const T &value() const override { return v_; }

protected:
  Linked **parentSlot() override { return &parent_; }

private:
  Linked *parent_ = nullptr;
  T v_;
};

template <typename T, typename F, typename... Ts>
class Apply : public Expr<T> {
public:
  Apply(F &&f, Handle<Ts> &&...args)
      : f_(std::move(f)), args_(std::move(args)...) {
    attachAll<0>();
  }
  const T &value() const override {
    result_ = std::apply([this](const auto &...a) { return f_(a.value()...); },
                         args_);
    return result_;
  }

protected:
  Linked **parentSlot() override { return &parent_; }

private:
  template <std::size_t I> void attachAll() {
    if constexpr (I < sizeof...(Ts)) {
      std::get<I>(args_).attachTo(this);
      attachAll<I + 1>();
    }
  }
  Linked *parent_ = nullptr;
  F f_;
  std::tuple<Handle<Ts>...> args_;
  mutable T result_{};
};

template <typename T> Handle<T> constant(T v) {
  return Handle<T>(std::make_unique<Constant<T>>(v));
}

template <typename F> Handle<int> apply(F &&f, Handle<int> &&arg) {
  return Handle<int>(std::make_unique<Apply<int, std::decay_t<F>, int>>(
      std::forward<F>(f), std::move(arg)));
}
