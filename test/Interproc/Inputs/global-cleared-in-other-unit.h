struct Manager {
  virtual ~Manager() = default;
  virtual void start() {}
};
// The library's setter, and a registry that only ever grows.
void registerManager(Manager *m);
void addListener(Manager *m);
void runAll();
