#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
// libxml2's HTML parser (Debian's libxml2-dev): a saved web page read as browsers read it.
// Debian builds libxml2 with ICU, whose headers then clash with the ICU Foundation bundles;
// nothing here touches the ICU converter fields that option adds to an encoding handler
// (handlers are only ever used through pointers), so its headers are left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#endif
