/* CLibFuzzer: the one libFuzzer entry a fuzz target calls.
 *
 * SwiftPM links an executable target's `main` to the module's own entry point, so a target cannot
 * simply leave `main` to libFuzzer. Instead its `@main` hands control to libFuzzer's driver,
 * which ships in the same runtime (`-sanitize=fuzzer`) as libFuzzer's own `main`. */
#ifndef BYLINE_CLIBFUZZER_H
#define BYLINE_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
