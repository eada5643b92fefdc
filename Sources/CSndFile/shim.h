#ifndef EDITION_CSNDFILE_SHIM_H
#define EDITION_CSNDFILE_SHIM_H
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>

// Float samples to 16-bit as libsndfile's own conversion writes them (lrintf(x * 0x7FFF): to
// nearest, ties to even), but clamped where libsndfile would wrap. Adding and taking away
// 1.5 × 2^23 rounds a float to an integer, ties to even, without a call to lrintf per sample.
// In C so that debug builds, which run the tests, stay as quick as libsndfile itself.
static inline void edition_float_to_pcm16(const float *in, short *out, int count) {
    const float round = 12582912.0f;
    for (int i = 0; i < count; i++) {
        float v = in[i] * 32767.0f;
        v = v > 32767.0f ? 32767.0f : v < -32768.0f ? -32768.0f : v;
        out[i] = (short) ((v + round) - round);
    }
}

// SF_CHUNK_INFO.id is char[64]: fill it from C so Swift need not touch the tuple.
static inline int edition_sf_set_chunk(SNDFILE *file, const char *id, const void *data, unsigned int length) {
    SF_CHUNK_INFO info;
    memset(&info, 0, sizeof info);
    strncpy(info.id, id, sizeof info.id - 1);
    info.id_size = (unsigned) strlen(info.id);
    info.datalen = length;
    info.data = (void *) data;
    return sf_set_chunk(file, &info);
}

// Reads cue points (SF_CUES holds a fixed 100; SF_CUES_VAR is a macro Swift cannot use).
// Returns the number copied into positions/names (names: count * 256 bytes).
static inline unsigned int edition_sf_get_cues(SNDFILE *file, unsigned int *positions, char *names, unsigned int capacity) {
    uint32_t count = 0;
    if (!sf_command(file, SFC_GET_CUE_COUNT, &count, sizeof count) || count == 0) return 0;
    size_t size = sizeof(uint32_t) + (size_t) count * sizeof(SF_CUE_POINT);
    SF_CUES *cues = (SF_CUES *) calloc(1, size);
    if (!cues) return 0;
    if (!sf_command(file, SFC_GET_CUE, cues, (int) size)) { free(cues); return 0; }
    unsigned int n = cues->cue_count < capacity ? cues->cue_count : capacity;
    for (unsigned int i = 0; i < n; i++) {
        positions[i] = cues->cue_points[i].sample_offset;
        memcpy(names + (size_t) i * 256, cues->cue_points[i].name, 256);
        names[(size_t) i * 256 + 255] = 0;
    }
    free(cues);
    return n;
}
#endif
