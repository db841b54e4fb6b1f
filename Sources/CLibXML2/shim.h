#ifndef AGORA_CLIBXML2_SHIM_H
#define AGORA_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, whose headers clash with the ICU inside Foundation. Nothing here touches the
   encoding handlers (the only structures that change with this switch), so the ICU part is left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>

/* The global xmlFree is a mutable function pointer, which Swift 6 rejects as not concurrency-safe. */
static inline void agora_xml_free(void *pointer) { xmlFree(pointer); }
#endif
