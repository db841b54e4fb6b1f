#ifndef AGORA_FUZZER_DRIVER_H
#define AGORA_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/* libFuzzer's driver (compiler-rt), linked into agora-fuzz by -sanitize=fuzzer: it parses libFuzzer's flags from
   argv and calls `callback` with each input. Declared here for Swift; agora-fuzz calls it only in fuzz builds. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
