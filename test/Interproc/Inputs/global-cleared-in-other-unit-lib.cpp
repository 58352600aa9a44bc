#include "global-cleared-in-other-unit.h"
#include <vector>

namespace detail {
Manager *manager = nullptr;
std::vector<Manager *> listeners;
} // namespace detail

void registerManager(Manager *m) { detail::manager = m; }
void addListener(Manager *m) { detail::listeners.push_back(m); }
void runAll() {
  if (detail::manager)
    detail::manager->start();
  for (Manager *l : detail::listeners)
    l->start();
}
