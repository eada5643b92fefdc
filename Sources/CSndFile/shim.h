#ifndef EDITION_CSNDFILE_SHIM_H
#define EDITION_CSNDFILE_SHIM_H
#include <sndfile.h>
#endif
