#ifndef EDITION_COGG_SHIM_H
#define EDITION_COGG_SHIM_H
/* The Ogg codecs written without libsndfile, in one module because both include libogg's
   header, which two modules would each define. */
#include <ogg/ogg.h>
#include <opus/opus.h>
#include <vorbis/vorbisenc.h>

/* opus_encoder_ctl is variadic, which Swift cannot call: one fixed wrapper per request used. */
static inline int edition_opus_set_int(OpusEncoder *encoder, int request, opus_int32 value) {
    return opus_encoder_ctl(encoder, request, value);
}
static inline int edition_opus_get_lookahead(OpusEncoder *encoder, opus_int32 *value) {
    return opus_encoder_ctl(encoder, OPUS_GET_LOOKAHEAD(value));
}
#endif
