/* dunning.h — where each open invoice stands in its account's procedure,
 * the messages due today (one per account and step), and sending them.
 *
 * The step an invoice has reached is read from the journal: each reminder
 * sent is an entry whose detail holds {"dunning": {procedure, step,
 * invoices, pay_by, ...}}. Steps go in order, none skipped except the ones
 * before the due date once it is past; a step is due on its day after the
 * due date, not before the step before it has had its own gap of days, and
 * not before the deadline the last reminder gave has passed (for Belgian
 * consumers: at least 14 days, XIX.2). */
#ifndef RELANCE_DUNNING_H
#define RELANCE_DUNNING_H
#include <stdint.h>

#include "book/lib.h"
#include "base/lib.h"
#include "interest.h"
#include "procedure.h"

enum dun_state {
	DUN_DUE,      /* its next step is due today */
	DUN_WAITING,  /* its next step is due later (next_day) */
	DUN_DONE,     /* every step has been taken */
	DUN_HOLD,     /* the account is held out of dunning */
	DUN_DISPUTED, /* an open dispute */
	DUN_PROMISED, /* under an open promise to pay */
	DUN_PLAN,     /* under an active payment plan */
	DUN_CREDIT    /* the account's open credit notes cover what is overdue */
};
const char *dun_state_name(enum dun_state s);

struct dun_invoice {
	char invoice_no[65], issue_date[11], currency[4];
	day_t due;
	int64_t amount, open;
	char reference[64];   /* stored form: the ledger's, else generated; made
				 when a message first asks (dunning_invoice_reference) */
	char ref_given[64];   /* what it is made of: the ledger's, "" none */
	long long ref_no;
	int ref_shared, ref_later;
	char description[564]; /* what it was for (the ledger's, ≤ 140 characters), "" none */
	int level;            /* the last step taken, 0 none */
	day_t level_day;      /* when */
	day_t level_pay_by;   /* the latest deadline a message about it gave */
	day_t first_pay_by;   /* the deadline the first reminder of its procedure gave
				 (a step after the due date: a pre-due message is no reminder) */
	enum dun_state state;
	int next;             /* the next step (index into the procedure + 1), 0 none */
	day_t next_day;
	int pending;          /* a message about it is on its way or its outcome unknown
				 (pending.h): it is not due, whatever its day */
	int waived;           /* its interest and compensation are waived (journaled) */
	size_t paid_at, npaid; /* its payments: a->paid[paid_at .. paid_at + npaid - 1] */
};

struct dun_account {
	char account_no[65], name[256], contact[256], email[512], phone[128];
	char street[256], postcode[32], city[128], country[3], language[3], collector[65];
	struct procedure proc;
	int hold, rate;       /* rate: contractual, hundredths of a percent; -1 none */
	long long ref_no;     /* the book's number for it: its own reference (0 none) */
	int claims;           /* 0: its contract provides no interest, damages or fees
				 (relance dunning set --claims no); -1 as its procedure says */
	struct interest_paid *paid; /* the invoices' payments, by the ledger */
	size_t npaid;
	struct dun_invoice *late; /* invoices paid in full after their due date
				     (dunning_load_paid_late; otherwise none) */
	size_t nlate;
	int64_t credit;       /* open credit notes (negative) */
	day_t today;          /* the day the states were decided on */
	const struct interest_rates *rates; /* the book's rates, read once a sweep
					       (NULL: read at each computation) */
	struct dun_invoice *inv;
	size_t n;
};

/* Loads an account and decides each of its open invoices' state on day
 * `today`. Returns 0, 1 when there is no such account, -1 on error. */
int dunning_account(sqlite3 *db, const char *account_no, day_t today, struct dun_account *a);
/* The same for many accounts: statements prepared and procedures read once
 * between dunning_run_begin and dunning_run_end (before the book closes). */
struct dun_run *dunning_run_begin(sqlite3 *db);
int dunning_account_in(struct dun_run *r, const char *account_no, day_t today, struct dun_account *a);
/* The same for a read that holds one snapshot (a dry run): each table is
 * read once, through, in account order, rather than once an account;
 * dunning_account_in must then be asked for accounts in increasing order
 * (strcmp), each once, and nothing may write to the book meanwhile. */
struct dun_run *dunning_run_sweep(sqlite3 *db);
void dunning_run_end(struct dun_run *r);
void dunning_account_free(struct dun_account *a);
/* Loads a->late: the account's invoices paid in full, the last payment
 * after the due date (by the payments the ledger tied to them), with their
 * payments and waivers; their interest and compensation are owed until
 * claimed or waived. Returns 0 or -1. */
int dunning_load_paid_late(sqlite3 *db, struct dun_account *a);
/* v->reference, made first when a sweep left it for later. */
const char *dunning_invoice_reference(struct dun_invoice *v);
/* What an EPC QR code for the account asks for: its overdue invoices, not
 * disputed, in euros (the code knows no other currency). */
int64_t dunning_payable(const struct dun_account *a);

/* A message: the invoices of one account at one step, with what is claimed. */
#define DUN_MAX_RATES 48 /* half-years since 2003: every one could have its rate */
struct dun_message {
	const struct dun_account *a;
	const struct step *step;
	char channel[12];     /* the step's, or letter when the debtor has no e-mail
				 address or phone number for it */
	size_t *which;        /* indexes into a->inv */
	size_t n;
	int64_t total, interest, compensation, fee, damages, grand;
	int interest_rate;    /* the last line's rate, -1 none */
	int rate_list[DUN_MAX_RATES], nrates; /* every rate used, once, in hundredths */
	char rates[DUN_MAX_RATES * 16];  /* the same written in lang: "11,50 % / 10,50 %" */
	char reference[64];   /* stored form */
	day_t pay_by;
	char lang[3];         /* the language it is written in */
	char where[1100];     /* the template's file */
	struct sbuf subject, body;
	int by_hand;          /* sent from the account by a collector, not by the run:
				 their work, and its pay-by day their day to look again */
};

enum dun_collect {
	DUN_COLLECT_DUE,  /* the invoices due today at the step */
	DUN_COLLECT_NEXT, /* due or not yet: the next message, for a preview */
	DUN_COLLECT_ALL   /* every overdue invoice not disputed, promised or under a plan:
			     a letter made on demand */
};
/* Collects the invoices of `a` for step number `step` (0: the first step
 * any of them is at; for DUN_COLLECT_ALL the furthest). Returns the number
 * collected (0: nothing to send). m is to be freed in any case. */
int dunning_collect(const struct dun_account *a, int step, enum dun_collect mode, struct dun_message *m);
/* Computes the amounts and fills the template in (lang NULL: the
 * account's). Returns 0, or -1 with err. */
int dunning_render(sqlite3 *db, struct dun_message *m, const char *lang, day_t today, char *err, size_t errlen);
/* The templates a run's dunning_render_check found (by template and
 * language asked), each with the language and file it was found in, and
 * whether it can fail (a run's business: dunning_run_end frees them). */
#define DUN_RUN_TEMPLATES 64
struct dun_templates {
	size_t n;
	struct dun_template_seen {
		char name[33], lang[8], used[3], where[1100];
		int sure; /* 1: found, and no values make it fail */
	} t[DUN_RUN_TEMPLATES];
};
struct dun_templates *dunning_run_templates(struct dun_run *r);
sqlite3 *dunning_run_db(struct dun_run *r);
void dun_templates_free(struct dun_templates *t);
/* For a dry run: what dunning_render gives of the message (its amounts,
 * channel and language, and whether it fails, with the same err) in the
 * account's language, without filling the text in when no values can
 * make the template fail (found and tried once a run, with every line's
 * value present: then every placeholder is checked); its reference and
 * deadline, which only the text says, are then not made. */
int dunning_render_check(struct dun_run *r, struct dun_message *m, day_t today, char *err, size_t errlen);
void dunning_message_free(struct dun_message *m);

/* Whose rules: 1 when the account is a consumer under Belgian law (its
 * procedure is a consumer one and company-country is BE: Book XIX); 2 a
 * consumer under another country's law (France: collection costs stay
 * with the creditor, nothing is claimed); 0 a business. */
int dunning_consumer_rules(const struct dun_account *a);
/* 1 when interest and the compensation or damages may be claimed on v on
 * day `today`, whatever the step: not waived, the contract does not
 * exclude them, and for a Belgian consumer the first reminder was sent
 * and its period has run (XIX.2). */
int dunning_claimable(const struct dun_account *a, const struct dun_invoice *v, day_t today);
/* v as a debt through time, for interest_compute. */
void dunning_debt(const struct dun_account *a, const struct dun_invoice *v, struct interest_debt *d);

/* The late-payment interest on invoice v until `until`, on what was due in
 * each period: for a business, the contractual or statutory rate from the
 * day after the due date; for a consumer, only at a contractual rate, no
 * higher than the statutory one, and only from the end of the first
 * reminder's period. */
int dunning_interest(sqlite3 *db, const struct dun_account *a, const struct dun_invoice *v, day_t until,
		     struct interest_calc *c, char *err, size_t errlen);

/* Writes the message's letter as a PDF (with the EPC QR code when the
 * company has an IBAN). Returns 0, or -1 with err. */
int dunning_letter_pdf(const struct dun_message *m, day_t today, const char *path, char *err, size_t errlen);
/* The EPC QR payload for paying `cents` on account `a` with reference ref
 * (stored form). Returns 0, or -1 with err. */
int dunning_epc(const struct dun_account *a, int64_t cents, const char *ref, struct sbuf *out, char *err,
		size_t errlen);
/* The account's own reference (for several invoices paid together, or
 * its whole balance): the one made from the book's number for it. */
void dunning_account_reference(const struct dun_account *a, char out[64]);

/* Sends (or produces) the message by its step's channel and journals it.
 * Called under the book's write transaction (db_begin, not nested) in
 * which the caller read the account: a message that leaves the book is
 * recorded as pending in it, the transaction committed, the message
 * handed over, then journaled in a transaction of its own (pending.h);
 * dunning_send returns with no transaction open. file: where a letter
 * was written (out, may be empty). Returns 0; -1 with err when it could
 * not go (nothing journaled: the next run tries again); -2 with err when
 * it may have gone but is not journaled (it stays pending: the next run
 * does not send it again, relance dunning pending resolves it). */
int dunning_send(struct book *b, const char *user, struct dun_message *m, day_t today, char *file, size_t filelen,
		 char *err, size_t errlen);
/* What dunning_send spent, since the start, for make bench
 * (RELANCE_BENCH_LOG): seconds waiting for sendmail or the SMS command
 * (from the spawn to the child reaped) and how many, seconds writing
 * letters as PDF and how many. */
struct dun_send_times {
	double child, letters;
	long children, pdfs;
};
extern struct dun_send_times dunning_send_times;
/* Commits on the disk before they return (synchronous = FULL), so that a
 * pending record outlives a power cut; set outside any transaction,
 * before a real run's first dunning_send (on), and after its last (off). */
void dunning_send_durable(struct book *b, int on);
/* dunning_send for a message shown to a person a moment ago: under the
 * book's write lock it reads the account again, and sends only when the
 * same step still gathers the same invoices (a run or a colleague may
 * have sent it meanwhile). Returns 0 sent, with what was done in say
 * ("step 2 done: FILE"); 1 changed meanwhile, nothing sent; -1 not sent,
 * with the reason in say (empty when a message already said it). */
int dunning_send_checked(struct book *b, const char *user, const char *account_no, const struct dun_message *shown,
			 day_t today, char *say, size_t saylen);

#endif
