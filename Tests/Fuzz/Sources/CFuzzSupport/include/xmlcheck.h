#ifndef KGEXPORT_XMLCHECK_H
#define KGEXPORT_XMLCHECK_H
#include <stddef.h>
#include <stdint.h>

/* Parses `length` bytes as an XML 1.0 document with namespaces (libxml2, XML_PARSE_NONET, no
   recovery, no entity substitution). Returns 1 when the document is well-formed and namespace
   well-formed and libxml2 reported no error or warning, else 0 with the first message in
   `message` (NUL-terminated, at most `capacity` bytes).

   When it returns 1 and `names` is not NULL, `counts[i]` is the number of elements whose local
   name is `names[i]`, for i < `name_count`. */
int kgfuzz_xml_check(const uint8_t *bytes, size_t length, const char *const *names, long *counts,
                     int name_count, char *message, size_t capacity);

#endif
