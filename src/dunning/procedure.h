/* procedure.h — dunning procedures: their steps, which one an account
 * follows, and the readable text file they are exported to and imported
 * from (all or nothing). */
#ifndef RELANCE_PROCEDURE_H
#define RELANCE_PROCEDURE_H
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>

#define PROCEDURE_MAX_STEPS 20

struct step {
	int step;          /* 1.. */
	int days;          /* after the due date; negative: before it */
	char channel[12];  /* email letter registered sms call agency lawyer */
	char template[33];
	int64_t fee;       /* cents */
	int claims;        /* interest and compensation (consumers: damages) from here on */
};

struct procedure {
	char name[33];
	int consumer;      /* kind 'consumer': the Belgian consumer rules */
	char title[128];
	struct step steps[PROCEDURE_MAX_STEPS];
	int nsteps;
};

/* The channels, in this order (dunning run counts them so). */
#define CHANNELS 7
extern const char *const channel_names[CHANNELS];
/* 1 for a channel that sends something to the debtor (not a task). */
int channel_reaches_debtor(const char *channel);
/* 1 for a letter or registered letter: the debtor has it on the third
 * working day after it is posted. */
int channel_on_paper(const char *channel);
/* The journal type a step of this channel is recorded as. */
const char *channel_journal_type(const char *channel);

/* Loads procedure `name`. Returns 0, 1 when there is none, -1 on error. */
int procedure_load(sqlite3 *db, const char *name, struct procedure *p);
/* 1 when a claims-flagged step is at or before step s. */
int procedure_claims_at(const struct procedure *p, int s);

/* Writes every procedure and segment mapping as the text file. */
int procedures_export(sqlite3 *db, FILE *out);
/* Reads the text file and replaces the book's procedures and segment
 * mappings with it, in one transaction; nothing changes on an error, which
 * names FILE:LINE and the field. Returns 0, or -1 after messages. */
int procedures_import(sqlite3 *db, const char *path, int dry_run, int *nprocedures, int *nsteps);

#endif
