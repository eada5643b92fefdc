#ifndef EDITION_CLIBXML2_SHIM_H
#define EDITION_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 against ICU, whose headers clash with Foundation's own copy of ICU.
// Nothing here uses libxml2's ICU converters, so leave them out of the module.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function pointer; Swift 6 treats reading it as shared mutable state.
static inline void edition_xml_free(void *pointer) { xmlFree(pointer); }
#endif
