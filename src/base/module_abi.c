/* module_abi.c — the version relance-media.so was built for, read by
 * module_symbol before it hands out a function of the module. Linked into
 * the module only. */
#include "module.h"

extern const int relance_media_abi;
const int relance_media_abi = RELANCE_MEDIA_ABI;
