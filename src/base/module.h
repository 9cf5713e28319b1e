/* module.h — relance-media.so, the part of relance that draws files and
 * writes mail (cairo, Pango and GMime, with the forty libraries they bring),
 * loaded the first time a command needs it: every other command starts
 * without them. relance-xml.so holds libxml2 (and the ICU it brings), for
 * reading and writing camt files, on the same terms. */
#ifndef RELANCE_MODULE_H
#define RELANCE_MODULE_H
#include <stddef.h>

/* Raised whenever the functions the module gives change their meaning or
 * signature: a program and a module of two builds refuse each other. */
#define RELANCE_MEDIA_ABI 1

/* The function NAME of relance-media.so, loaded on first use from the
 * program's own folder, else from the folder it was installed for. NULL
 * with the reason in err (the paths tried) when it cannot be loaded. */
void *module_symbol(const char *name, char *err, size_t errlen);
/* The same from the module FILE (its name, a string that lives as long as
 * the program: "relance-xml.so"), found in the same places; when it cannot
 * be loaded, err says "WHAT need FILE: the paths tried". */
void *module_symbol_in(const char *file, const char *what, const char *name, char *err, size_t errlen);

#endif
