/* journal.h — adding entries to the journal (table activities): every
 * call, note, promise, dispute, task and system event, append-only. */
#ifndef RELANCE_JOURNAL_H
#define RELANCE_JOURNAL_H

#include "book.h"
#include "base/lib.h"

struct journal_entry {
	const char *account_no;
	const char *type;       /* call, note, promise, dispute, task, system... */
	const char *user;
	const char *invoice_no; /* NULL: none */
	const char *summary;
	const char *body;       /* NULL: none */
	const char *detail;     /* JSON object, NULL: none */
	const char *corrects;   /* the entry this one completes or corrects, NULL: none */
};

/* The id, time and copy of an entry that several copies make on their own
 * (a rule's verdict, a conflict): derived from what it records, so that
 * every copy makes the same entry. */
struct journal_stamp {
	const char *id;      /* uid_from_name */
	const char *at;      /* UTC timestamp */
	const char *copy_id;
};

/* A rule's verdict is reached on every copy that applies the rule: its
 * stamp derives from what it is about (name: "promise ID broken") and
 * when it took effect (at: a UTC timestamp the rule computes from dates
 * of the book, not from the clock), by the copy "rules". */
struct rule_stamp {
	struct journal_stamp s;
	char id[UID_LEN + 1], at[24];
};
void journal_rule_stamp(struct rule_stamp *r, const char *name, const char *at);

/* Appends an entry stamped now, by this copy of the book, and moves the
 * account's cached work figures (last contact, worked: summary.c); its id
 * in id (may be NULL). Returns 0, or -1 after a message. */
int journal_add(struct book *b, const struct journal_entry *e, char id[UID_LEN + 1]);
/* Many entries in one transaction (an import): the insert prepared once
 * and reused. journal_writer_add is journal_add without the account's
 * figures: the caller moves them, once, for the accounts it wrote to
 * (summary_changed). 0, or -1 after a message. */
struct journal_writer {
	struct book *b;
	sqlite3_stmt *ins;
};
int journal_writer_open(struct journal_writer *w, struct book *b);
int journal_writer_add(struct journal_writer *w, const struct journal_entry *e, char id[UID_LEN + 1]);
void journal_writer_close(struct journal_writer *w);
/* The id of the entry this process journaled last ("" before any): what
 * a command that journals through an engine function shows it saved. */
const char *journal_last_id(void);
/* The same with a stamp: an entry with that id already in the journal is
 * left as it is. */
int journal_add_stamped(struct book *b, const struct journal_entry *e, const struct journal_stamp *stamp);

/* 1 when id is an entry of account_no's journal (what a correction may
 * name), 0 when not, -1 on error. */
int journal_entry_of(sqlite3 *db, const char *id, const char *account_no);

/* Journals a change to e->account_no inside the caller's transaction:
 * journal_add without the id. 0 or -1. */
int journal_account_change(struct book *b, const struct journal_entry *e);

/* Ends a change begun with db_tx_begin(b->db, &nested): when rc is 0 so
 * far, journal_account_change(e) then commit; on any failure, roll back.
 * Returns 0, or -1 with the book as it was. */
int journal_finish_change(struct book *b, int nested, int rc, const struct journal_entry *e);

#endif
