#pragma once
#include "fwd.h"
#include <utility>
template <typename V, typename E> class FutBase {
public:
  FutBase() = default;
  FutBase(FutBase &&o) noexcept = default;
  explicit FutBase(int *p) : p(p) {}
  ~FutBase() {}
  int *p = nullptr;
};
template <typename V, typename E> class Fut final : public FutBase<V, E> {
  using Base = FutBase<V, E>;

public:
  using Base::Base;
  Fut(int *p, int) : Base{p} {}
};
extern template class Fut<>;
