#include "xmlcheck.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

struct collected {
    int errors;
    char *message;
    size_t capacity;
};

static void on_error(void *context, xmlErrorPtr error) {
    struct collected *c = context;
    if (c->errors++ == 0 && c->capacity > 0) {
        const char *text = error && error->message ? error->message : "unknown error";
        snprintf(c->message, c->capacity, "line %d: %s", error ? error->line : 0, text);
    }
}

static void count(xmlNodePtr node, const char *const *names, long *counts, int name_count) {
    for (; node; node = node->next) {
        if (node->type != XML_ELEMENT_NODE) continue;
        for (int i = 0; i < name_count; i++) {
            if (strcmp((const char *)node->name, names[i]) == 0) counts[i]++;
        }
        count(node->children, names, counts, name_count);
    }
}

int kgfuzz_xml_check(const uint8_t *bytes, size_t length, const char *const *names, long *counts,
                     int name_count, char *message, size_t capacity) {
    struct collected c = {0, message, capacity};
    if (capacity > 0) message[0] = 0;
    if (length > 0x7fffffff) {
        snprintf(message, capacity, "document too large to check");
        return 0;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        snprintf(message, capacity, "cannot create a parser context");
        return 0;
    }
    xmlSetStructuredErrorFunc(&c, on_error);
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, (const char *)bytes, (int)length, "output.xml", NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    int ok = doc != NULL && ctxt->wellFormed && ctxt->nsWellFormed && c.errors == 0;
    if (!ok && c.errors == 0) snprintf(message, capacity, "not well-formed (no message from libxml2)");
    if (ok && names) {
        for (int i = 0; i < name_count; i++) counts[i] = 0;
        count(xmlDocGetRootElement(doc), names, counts, name_count);
    }
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (doc) xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    return ok;
}
