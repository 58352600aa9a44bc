#include "closure-object-args.h"

// The other order: the keeping specialization is lowered first here.
void keepsToo() {
  int z = 0;
  run(make_keeper(&z));
}

void dropsToo() {
  int w = 0;
  run(make_dropper(&w));
}
