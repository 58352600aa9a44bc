#pragma once
#include "../b/keep.h"
