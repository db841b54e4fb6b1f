#ifndef AGORA_CLIBXML2_SHIM_H
#define AGORA_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>

/* The global xmlFree is a mutable function pointer, which Swift 6 rejects as not concurrency-safe. */
static inline void agora_xml_free(void *pointer) { xmlFree(pointer); }
#endif
