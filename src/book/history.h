/* history.h — an account's history, newest first: the journal entries
 * (calls, letters, e-mails, notes, promises, disputes, plans, system
 * events) and the payments the ledger reported, read a page at a time. */
#ifndef RELANCE_HISTORY_H
#define RELANCE_HISTORY_H
#include <stdint.h>

#include "book.h"

struct history_entry {
	const char *id, *at, *type, *user, *summary, *body, *detail, *invoice_no, *corrects;
	int64_t amount;        /* payments only */
	const char *currency;  /* payments only */
	const char *copy_id;   /* the copy of the book that made it (NULL: payments) */
	const char *copy_name; /* that copy's name, when this copy knows it */
	/* the entry it corrects (NULL: none; a call's outcome completing its
	 * start is no correction): its time, type and summary */
	const char *corrects_at, *corrects_type, *corrects_summary;
	const char *corrected_at; /* when the latest entry correcting it was made (NULL: none) */
	const char *corrected_by; /* that entry's type and summary, "note: ..." */
	int corrected_n;          /* how many correct it */
};
/* The copy in a few characters: its name, else the last 8 of its id. */
void history_copy_label(const struct history_entry *e, char *out, size_t size);

/* Calls fn for the entries of the account, newest first, skipping `offset`
 * and stopping after `limit` (all with limit < 0); `type` keeps one type
 * (NULL: all). Returns the number given to fn, or -1. */
long history_list(sqlite3 *db, const char *account_no, const char *type, long offset, long limit,
		  void (*fn)(const struct history_entry *, void *), void *arg);
/* Number of entries (of one type, or all). */
long history_count(sqlite3 *db, const char *account_no, const char *type);
/* The fields of an entry's detail (a JSON object) in words, in their
 * order: fn gets a label ("outcome", "duration", "pay by") and the value as
 * text: an amount in cents as money, a duration as m:ss, a list joined with
 * ", ", an id in its last 8, "_" as a blank in an outcome or a status; a UTC
 * timestamp as stored, with is_time 1, for the caller to show in its zone.
 * Nested objects give their fields. Returns the number given to fn (0 when
 * detail is empty or not JSON), or -1. */
long history_detail(sqlite3 *db, const char *detail,
		    void (*fn)(const char *label, const char *value, int is_time, void *), void *arg);
/* One line summary of an entry, for lists: the summary, or for a payment
 * "payment received 1,234.56 EUR (communication)". */
void history_summary(const struct history_entry *e, char *out, size_t size);

#endif
