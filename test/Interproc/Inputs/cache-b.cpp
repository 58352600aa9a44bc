int *g_kept;
void keep(int *p) { g_kept = p; }
