#ifndef KGEXPORT_CLIBXML2_SHIM_H
#define KGEXPORT_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU, so <libxml/encoding.h> would include the system's
   <unicode/ucnv.h>. Its UErrorCode clashes with the one Foundation's own ICU module declares
   ("... is not present in definition of 'enum UErrorCode' in module 'CLibXML2'") in every Swift
   module that imports both. kgexport never touches libxml2's ICU converters (only the UTF-8
   path, through opaque pointers), so the ICU parts of the headers are left out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#endif
