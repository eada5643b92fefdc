#ifndef EDITION_CESPEAKNG_SHIM_H
#define EDITION_CESPEAKNG_SHIM_H
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <sys/prctl.h>

// Flag sets spelled once, so Swift does not juggle C macros.
static inline unsigned int edition_espeak_flags(int phonemes) {
    return espeakCHARS_UTF8 | (phonemes ? espeakPHONEMES : 0);
}

// pipe2 (pipes that are close-on-exec from birth) is declared only under _GNU_SOURCE,
// which Swift's Glibc module is built without.
int pipe2(int fds[2], int flags);

// prctl is variadic, so Swift cannot call it: a worker's forked speaker asks to die with it.
static inline int edition_die_with_parent(int signal) {
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}
#endif
