/* level_json.h — a dunning entry's or a waiver's detail read in C for a
 * sweep of the journal (level_json.c), as SQLite's json functions read it. */
#ifndef RELANCE_LEVEL_JSON_H
#define RELANCE_LEVEL_JSON_H
#include <stddef.h>

#define LEVEL_JSON_INVOICES 64

/* Its fields, pointing into the detail (NULL: absent or null). */
struct level_json {
	int waiver;           /* {"interest_waived": ...}; else {"dunning": ...} */
	int step;             /* 0 absent */
	const char *sent_on, *pay_by, *procedure, *template;
	size_t sent_on_len, pay_by_len, procedure_len, template_len;
	const char *inv[LEVEL_JSON_INVOICES];
	size_t inv_len[LEVEL_JSON_INVOICES], ninv;
};

/* 1 when detail is in the form relance writes and *out holds it; 0 when
 * it must be asked of SQLite (anything else, invalid JSON included). */
int level_json_read(const char *detail, struct level_json *out);

#endif
