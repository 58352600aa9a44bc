inline int pick(int x) { return VALUE + x; }
