int *h_keep;
inline void keep(int *p) { h_keep = p; }
