// escape-stack-candidate and escape-oversized-frame.
#include <memory>

struct Matrix3 {
  double m[3][3] = {};
  double trace() const { return m[0][0] + m[1][1] + m[2][2]; }
};

double identityTrace(double scale) {
  auto mat = std::make_unique<Matrix3>(); // escape-stack-candidate
  for (int i = 0; i < 3; ++i)
    mat->m[i][i] = scale;
  return mat->trace();
}

std::unique_ptr<Matrix3> makeIdentity() {
  return std::make_unique<Matrix3>(); // fine: ownership leaves the function
}

void consume(const int *data, int n);

void scratchWork() {
  int scratch[40000]; // escape-oversized-frame: 160000 bytes
  consume(scratch, 40000);
}
