// glibc's malloc settings (mallopt), which the Glibc module leaves out: see MallocTuning.swift.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
