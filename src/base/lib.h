/* lib.h — the base library. Bytes, text and numbers, with no book
 * and no terminal: buffers, strings, UTF-8 and encodings, CSV, money, dates and
 * today, ids and hashes, tables of output, languages, holidays, payment references.
 * It uses nothing of relance's; every other library may use it. */
#ifndef RELANCE_BASE_LIB_H
#define RELANCE_BASE_LIB_H

#include "config_home.h" /* where the user's own files live */
#include "contact.h"     /* phone numbers and e-mail addresses */
#include "country.h"     /* country names and postcode places, for envelopes */
#include "csv.h"         /* the CSV accounting packages write */
#include "date.h"        /* dates as day numbers, parsed and written */
#include "date_words.h"  /* dates as people type them: today, +3, fri, 15/12 */
#include "encoding.h"    /* a file's bytes to UTF-8 (iconv) */
#include "holidays.h"    /* Belgium's public holidays */
#include "lang.h"        /* the words and forms of en, fr, nl, de */
#include "module.h"      /* relance-media.so: cairo, Pango, GMime when needed */
#include "money.h"       /* amounts in integer cents */
#include "msg.h"         /* messages to the user, one format */
#include "payref.h"      /* structured payment references, IBANs */
#include "private_file.h" /* files 0600 and directories 0700, whatever the umask */
#include "sbuf.h"        /* a growable byte buffer */
#include "sha256.h"      /* SHA-256 and HMAC-SHA256 (Nettle) */
#include "strset.h"      /* a set of strings with an integer each */
#include "table.h"       /* lists as text, tsv or json */
#include "today.h"       /* the one today and now */
#include "uid.h"         /* globally unique, time-ordered ids */
#include "utf8.h"        /* decoding, measuring and folding UTF-8 */
#include "xstr.h"        /* string copies that never fail */

#endif
