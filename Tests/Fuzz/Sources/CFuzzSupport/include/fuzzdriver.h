#ifndef KGEXPORT_FUZZDRIVER_H
#define KGEXPORT_FUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>

/* libFuzzer's entry point for programs with a main of their own (LLVM libFuzzer documentation,
   "Using libFuzzer as a library"). SwiftPM names an executable's entry point <Target>_main, so
   each fuzz target calls this from there. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

#endif
