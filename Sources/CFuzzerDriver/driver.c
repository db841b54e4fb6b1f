/* The module is its header: libFuzzer's driver lives in compiler-rt. A C target needs one source file. */
#include "fuzzer_driver.h"
