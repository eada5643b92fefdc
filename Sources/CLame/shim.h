#ifndef EDITION_CLAME_SHIM_H
#define EDITION_CLAME_SHIM_H
#include <lame/lame.h>
#endif
