#ifndef KGEXPORT_CLIBXML2_SHIM_H
#define KGEXPORT_CLIBXML2_SHIM_H
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#endif
