/* procedure.c — reading procedures and their steps from the book, finding
 * an account's, and the text file they travel in:
 *
 *   procedure NAME business|consumer TITLE...
 *   step DAYS CHANNEL TEMPLATE [fee AMOUNT] [claims]
 *   segment SEGMENT PROCEDURE
 *
 * '#' starts a comment; steps follow their procedure in order. */
#include "procedure.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "book/lib.h"
#include "base/lib.h"
#include "template.h"

const char *const channel_names[CHANNELS] = {"email", "letter", "registered", "sms", "call", "agency", "lawyer"};

int channel_reaches_debtor(const char *c)
{
	return !strcmp(c, "email") || !strcmp(c, "letter") || !strcmp(c, "registered") || !strcmp(c, "sms");
}

int channel_on_paper(const char *c)
{
	return !strcmp(c, "letter") || !strcmp(c, "registered");
}

const char *channel_journal_type(const char *c)
{
	if (!strcmp(c, "email") || !strcmp(c, "sms"))
		return c;
	if (channel_on_paper(c))
		return "letter";
	return "system"; /* a task for the collector: task.c journals the task itself */
}

int procedure_load(sqlite3 *db, const char *name, struct procedure *p)
{
	memset(p, 0, sizeof *p);
	sqlite3_stmt *st = db_prepare(db, "SELECT kind, title FROM procedures WHERE name = ?1");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(p->name, sizeof p->name, "%s", name);
		p->consumer = !strcmp((const char *)sqlite3_column_text(st, 0), "consumer");
		snprintf(p->title, sizeof p->title, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 1 : -1;
	st = db_prepare(db, "SELECT step, days, channel, template, fee, claims FROM procedure_steps "
			    "WHERE procedure = ?1 ORDER BY step");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW && p->nsteps < PROCEDURE_MAX_STEPS) {
		struct step *s = &p->steps[p->nsteps++];
		s->step = sqlite3_column_int(st, 0);
		s->days = sqlite3_column_int(st, 1);
		snprintf(s->channel, sizeof s->channel, "%s", (const char *)sqlite3_column_text(st, 2));
		snprintf(s->template, sizeof s->template, "%s", (const char *)sqlite3_column_text(st, 3));
		s->fee = sqlite3_column_int64(st, 4);
		s->claims = sqlite3_column_int(st, 5);
	}
	sqlite3_finalize(st);
	return 0;
}

int procedure_claims_at(const struct procedure *p, int s)
{
	for (int i = 0; i < p->nsteps && p->steps[i].step <= s; i++)
		if (p->steps[i].claims)
			return 1;
	return 0;
}

int procedures_export(sqlite3 *db, FILE *out)
{
	fprintf(out, "# relance dunning procedures (relance(1), DUNNING)\n"
		     "# procedure NAME business|consumer TITLE\n"
		     "# step DAYS CHANNEL TEMPLATE [fee AMOUNT] [claims]\n"
		     "#   DAYS after the due date (negative: before); CHANNEL: email, letter,\n"
		     "#   registered, sms, call, agency or lawyer; claims: interest and the\n"
		     "#   fixed compensation (consumers: the damages) from this step on\n"
		     "# segment SEGMENT PROCEDURE\n");
	sqlite3_stmt *st = db_prepare(db, "SELECT name FROM procedures ORDER BY name <> 'business', name");
	if (!st)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct procedure p;
		if (procedure_load(db, (const char *)sqlite3_column_text(st, 0), &p))
			continue;
		fprintf(out, "\nprocedure %s %s %s\n", p.name, p.consumer ? "consumer" : "business", p.title);
		for (int i = 0; i < p.nsteps; i++) {
			const struct step *s = &p.steps[i];
			fprintf(out, "step %d %s %s", s->days, s->channel, s->template);
			if (s->fee) {
				char fee[32];
				money_format(s->fee, fee, sizeof fee);
				fprintf(out, " fee %s", fee);
			}
			fprintf(out, "%s\n", s->claims ? " claims" : "");
		}
	}
	sqlite3_finalize(st);
	st = db_prepare(db, "SELECT segment, procedure FROM segment_procedures ORDER BY segment");
	if (!st)
		return -1;
	int first = 1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		fprintf(out, "%ssegment %s %s\n", first ? "\n" : "", (const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1));
		first = 0;
	}
	sqlite3_finalize(st);
	return ferror(out) ? -1 : 0;
}

/* --- the text file -------------------------------------------------------- */

struct parsed {
	struct procedure *procs;
	int nprocs, cap;
	struct {
		char segment[65], procedure[33];
		int line;
	} *segs;
	int nsegs, segcap;
	int line_of[64]; /* where each procedure was named */
};

static int is_name(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (!n || n > max || !(islower((unsigned char)*s) || isdigit((unsigned char)*s)))
		return 0;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

/* Splits a line into blank-separated words (at most max); the rest of the
 * line after word `keep_rest` stays whole in that word. */
static int words(char *s, char **w, int max, int keep_rest)
{
	int n = 0;
	while (*s && n < max) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		w[n++] = s;
		if (n - 1 == keep_rest)
			break;
		while (*s && *s != ' ' && *s != '\t')
			s++;
		if (*s)
			*s++ = '\0';
	}
	return n;
}

#define BAD(...) (msg_error(__VA_ARGS__), errors++)

static int parse_step(struct procedure *p, char **w, int n, const char *path, int line)
{
	int errors = 0;
	if (p->nsteps == PROCEDURE_MAX_STEPS) {
		BAD("%s:%d: a procedure has at most %d steps", path, line, PROCEDURE_MAX_STEPS);
		return errors;
	}
	struct step s = {.step = p->nsteps + 1};
	if (n < 4) {
		BAD("%s:%d: write: step DAYS CHANNEL TEMPLATE [fee AMOUNT] [claims]", path, line);
		return errors;
	}
	char *end;
	errno = 0;
	long days = strtol(w[1], &end, 10);
	if (*end || errno || days < -90 || days > 3650)
		BAD("%s:%d: days: %s is not a number of days from -90 to 3650", path, line, w[1]);
	s.days = (int)days;
	if (p->nsteps && s.days <= p->steps[p->nsteps - 1].days)
		BAD("%s:%d: days: %ld is not after the step before (%d)", path, line, days,
		    p->steps[p->nsteps - 1].days);
	size_t c = 0;
	while (c < CHANNELS && strcmp(channel_names[c], w[2]))
		c++;
	if (c == CHANNELS)
		BAD("%s:%d: channel: %s is not email, letter, registered, sms, call, agency or lawyer", path, line,
		    w[2]);
	else
		snprintf(s.channel, sizeof s.channel, "%s", w[2]);
	if (!is_name(w[3], 32) || !template_exists(w[3]))
		BAD("%s:%d: template: no template %s (data/templates/LANG/, or yours in "
		    "~/.config/relance/templates/LANG/)", path, line, w[3]);
	else
		snprintf(s.template, sizeof s.template, "%s", w[3]);
	for (int i = 4; i < n; i++) {
		if (!strcmp(w[i], "claims")) {
			s.claims = 1;
		} else if (!strcmp(w[i], "fee") && i + 1 < n) {
			i++;
			if (money_parse(w[i], strlen(w[i]), MARK_POINT, &s.fee) != MONEY_OK || s.fee < 0)
				BAD("%s:%d: fee: %s is not an amount", path, line, w[i]);
		} else {
			BAD("%s:%d: %s: expected fee AMOUNT or claims", path, line, w[i]);
		}
	}
	/* a consumer: steps before the due date and the first after it are free;
	 * that first one is the reminder the law requires, on paper or by e-mail */
	int reminded = 0;
	for (int i = 0; i < p->nsteps; i++)
		reminded |= p->steps[i].days >= 0;
	if (p->consumer && !reminded && (s.fee || s.claims))
		BAD("%s:%d: fee: a consumer's first reminder (and any step before it) is free: no fee, interest "
		    "or damages (Code of Economic Law XIX.2)", path, line);
	if (p->consumer && !reminded && s.days >= 0 && s.channel[0] && strcmp(s.channel, "email") &&
	    strcmp(s.channel, "letter") && strcmp(s.channel, "registered"))
		BAD("%s:%d: channel: a consumer's first reminder goes by email, letter or registered letter "
		    "(XIX.2), not %s", path, line, s.channel);
	if (p->consumer && s.fee > 750)
		BAD("%s:%d: fee: a consumer's reminder costs at most 7.50 plus postage (XIX.4)", path, line);
	p->steps[p->nsteps++] = s;
	return errors;
}

static int parse_file(FILE *fp, const char *path, struct parsed *r)
{
	int errors = 0, line = 0;
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;
	struct procedure *cur = NULL;
	while ((len = getline(&buf, &cap, fp)) >= 0) {
		line++;
		while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
			buf[--len] = '\0';
		char *lead = buf + strspn(buf, " \t");
		int is_proc = !strncmp(lead, "procedure", 9) && (lead[9] == ' ' || lead[9] == '\t');
		char *hash = strchr(buf, '#');
		if (hash && !is_proc)
			*hash = '\0';
		char *w[12];
		/* a procedure's title is the rest of its line, blanks and all */
		int n = is_proc ? words(buf, w, 4, 3) : words(buf, w, 12, 11);
		if (n == 0 || *w[0] == '#')
			continue;
		if (!is_proc && n == 12) {
			BAD("%s:%d: %s: too many words", path, line, w[0]);
			continue;
		}
		if (is_proc) {
			if (n < 3) {
				BAD("%s:%d: write: procedure NAME business|consumer TITLE", path, line);
				cur = NULL;
				continue;
			}
			if (!is_name(w[1], 32))
				BAD("%s:%d: name: %s: lower-case letters, digits, - and _, at most 32", path, line, w[1]);
			if (strcmp(w[2], "business") && strcmp(w[2], "consumer"))
				BAD("%s:%d: kind: %s is not business or consumer", path, line, w[2]);
			for (int i = 0; i < r->nprocs; i++)
				if (!strcmp(r->procs[i].name, w[1]))
					BAD("%s:%d: name: procedure %s is already defined on line %d", path, line, w[1],
					    r->line_of[i]);
			if (r->nprocs == 64) {
				BAD("%s:%d: at most 64 procedures", path, line);
				cur = NULL;
				continue;
			}
			if (r->nprocs == r->cap) {
				r->cap = r->cap ? 2 * r->cap : 8;
				r->procs = realloc(r->procs, (size_t)r->cap * sizeof *r->procs);
				if (!r->procs)
					abort();
			}
			cur = &r->procs[r->nprocs];
			memset(cur, 0, sizeof *cur);
			r->line_of[r->nprocs++] = line;
			snprintf(cur->name, sizeof cur->name, "%s", w[1]);
			cur->consumer = !strcmp(w[2], "consumer");
			const char *title = n > 3 ? w[3] : "";
			snprintf(cur->title, sizeof cur->title, "%s", *title ? title : w[1]);
		} else if (!strcmp(w[0], "step")) {
			if (!cur)
				BAD("%s:%d: a step belongs to a procedure: write the procedure line first", path, line);
			else
				errors += parse_step(cur, w, n, path, line);
		} else if (!strcmp(w[0], "segment")) {
			if (n != 3) {
				BAD("%s:%d: write: segment SEGMENT PROCEDURE", path, line);
				continue;
			}
			if (r->nsegs == r->segcap) {
				r->segcap = r->segcap ? 2 * r->segcap : 8;
				r->segs = realloc(r->segs, (size_t)r->segcap * sizeof *r->segs);
				if (!r->segs)
					abort();
			}
			for (int i = 0; i < r->nsegs; i++)
				if (!strcmp(r->segs[i].segment, w[1]))
					BAD("%s:%d: segment: %s is already mapped on line %d", path, line, w[1],
					    r->segs[i].line);
			if (strlen(w[1]) >= sizeof r->segs[0].segment)
				BAD("%s:%d: segment: longer than %zu bytes", path, line, sizeof r->segs[0].segment - 1);
			snprintf(r->segs[r->nsegs].segment, sizeof r->segs[0].segment, "%s", w[1]);
			snprintf(r->segs[r->nsegs].procedure, sizeof r->segs[0].procedure, "%s", w[2]);
			r->segs[r->nsegs++].line = line;
		} else {
			BAD("%s:%d: %s: expected procedure, step or segment", path, line, w[0]);
		}
	}
	free(buf);
	for (int i = 0; i < r->nprocs; i++)
		if (r->procs[i].nsteps == 0)
			BAD("%s:%d: procedure %s has no step", path, r->line_of[i], r->procs[i].name);
	for (int i = 0; i < r->nsegs; i++) {
		int found = 0;
		for (int j = 0; j < r->nprocs; j++)
			found |= !strcmp(r->procs[j].name, r->segs[i].procedure);
		if (!found)
			BAD("%s:%d: procedure: segment %s names procedure %s, which the file does not define", path,
			    r->segs[i].line, r->segs[i].segment, r->segs[i].procedure);
	}
	int business = 0;
	for (int j = 0; j < r->nprocs; j++)
		business |= !strcmp(r->procs[j].name, "business");
	if (!business)
		BAD("%s: procedure business is missing: it is what accounts follow by default", path);
	return errors;
}

static int store(sqlite3 *db, const struct parsed *r, const char *path)
{
	int rc = db_exec(db, "DELETE FROM segment_procedures; DELETE FROM procedure_steps; DELETE FROM procedures");
	sqlite3_stmt *p = rc ? NULL : db_prepare(db, "INSERT INTO procedures(name, kind, title) VALUES (?1, ?2, ?3)");
	sqlite3_stmt *s = rc ? NULL : db_prepare(db, "INSERT INTO procedure_steps(procedure, step, days, channel, "
						     "template, fee, claims) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	sqlite3_stmt *g = rc ? NULL : db_prepare(db, "INSERT INTO segment_procedures(segment, procedure) VALUES (?1, ?2)");
	if (!p || !s || !g)
		rc = -1;
	for (int i = 0; !rc && i < r->nprocs; i++) {
		const struct procedure *pr = &r->procs[i];
		sqlite3_bind_text(p, 1, pr->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(p, 2, pr->consumer ? "consumer" : "business", -1, SQLITE_STATIC);
		sqlite3_bind_text(p, 3, pr->title, -1, SQLITE_STATIC);
		rc = sqlite3_step(p) == SQLITE_DONE ? 0 : -1;
		sqlite3_reset(p);
		for (int k = 0; !rc && k < pr->nsteps; k++) {
			const struct step *st = &pr->steps[k];
			sqlite3_bind_text(s, 1, pr->name, -1, SQLITE_STATIC);
			sqlite3_bind_int(s, 2, st->step);
			sqlite3_bind_int(s, 3, st->days);
			sqlite3_bind_text(s, 4, st->channel, -1, SQLITE_STATIC);
			sqlite3_bind_text(s, 5, st->template, -1, SQLITE_STATIC);
			sqlite3_bind_int64(s, 6, st->fee);
			sqlite3_bind_int(s, 7, st->claims);
			rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
			sqlite3_reset(s);
		}
	}
	for (int i = 0; !rc && i < r->nsegs; i++) {
		sqlite3_bind_text(g, 1, r->segs[i].segment, -1, SQLITE_STATIC);
		sqlite3_bind_text(g, 2, r->segs[i].procedure, -1, SQLITE_STATIC);
		rc = sqlite3_step(g) == SQLITE_DONE ? 0 : -1;
		sqlite3_reset(g);
	}
	if (rc)
		msg_error("%s: %s", path, sqlite3_errmsg(db));
	sqlite3_finalize(p);
	sqlite3_finalize(s);
	sqlite3_finalize(g);
	return rc;
}

int procedures_import(sqlite3 *db, const char *path, int dry_run, int *nprocedures, int *nsteps)
{
	FILE *fp = fopen(path, "r");
	if (!fp) {
		msg_error("%s: %s", path, strerror(errno));
		return -1;
	}
	struct parsed r = {0};
	int errors = parse_file(fp, path, &r);
	fclose(fp);
	*nprocedures = r.nprocs, *nsteps = 0;
	for (int i = 0; i < r.nprocs; i++)
		*nsteps += r.procs[i].nsteps;
	int rc = errors ? -1 : 0;
	if (!rc && !dry_run) {
		int nested;
		rc = db_tx_begin(db, &nested);
		if (!rc) {
			rc = store(db, &r, path);
			if (!rc)
				rc = db_tx_commit(db, nested);
			else
				db_tx_rollback(db, nested);
		}
	}
	if (errors)
		msg_error("%s: %d error%s: nothing was changed", path, errors, errors == 1 ? "" : "s");
	free(r.procs);
	free(r.segs);
	return rc;
}
