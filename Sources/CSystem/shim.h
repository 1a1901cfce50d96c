// System calls Swift's Glibc module leaves out (syncfs, malloc_trim). <unistd.h>
// declares syncfs only under _GNU_SOURCE, which the prebuilt Glibc module was not built with;
// the symbol itself is in every glibc since 2.14.
#ifndef DOCNORM_CSYSTEM_SHIM_H
#define DOCNORM_CSYSTEM_SHIM_H

#ifdef __linux__
int syncfs(int fd);

/// Flushes every dirty file of the file system holding `fd`: one journal
/// commit for a whole group of new files. Returns 0, or -1 with errno set.
static inline int docnorm_syncfs(int fd) { return syncfs(fd); }

#include <malloc.h>

/// Returns the free pages of the heap to the system (glibc keeps memory
/// freed in small pieces resident). Returns 1 when some were returned.
static inline int docnorm_malloc_trim(void) { return malloc_trim(0); }
#endif

#endif
