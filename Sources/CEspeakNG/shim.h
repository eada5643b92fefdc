#ifndef EDITION_CESPEAKNG_SHIM_H
#define EDITION_CESPEAKNG_SHIM_H
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

// Flag sets spelled once, so Swift does not juggle C macros.
static inline unsigned int edition_espeak_flags(int phonemes) {
    return espeakCHARS_UTF8 | (phonemes ? espeakPHONEMES : 0);
}
#endif
