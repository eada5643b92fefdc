#ifndef EDITION_CESPEAKNG_SHIM_H
#define EDITION_CESPEAKNG_SHIM_H
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <sys/prctl.h>
#include <stdio.h>
#include <malloc.h>   // mallopt: Swift's Glibc module leaves it out

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
// Translates `word` with espeak-ng's translation trace on: the trace (malloc'd, the caller frees
// it) says whether the word came from espeak-ng's dictionary ("Found:") or was guessed from its
// spelling rules ("Translate"). Returns the phonemes in espeak's own notation, in a buffer of
// espeak-ng's that the next call overwrites.
static inline const char *edition_espeak_trace_word(const char *word, char **trace) {
    size_t size = 0;
    *trace = NULL;
    FILE *stream = open_memstream(trace, &size);
    if (!stream) return NULL;
    espeak_SetPhonemeTrace(espeakPHONEMES_TRACE, stream);
    const void *text = word;
    const char *phonemes = espeak_TextToPhonemes(&text, espeakCHARS_UTF8, 0);
    espeak_SetPhonemeTrace(0, NULL);
    fclose(stream);
    return phonemes;
}
#endif
