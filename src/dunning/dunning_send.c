/* dunning_send.c — a message on its way: an e-mail piped to sendmail, a
 * letter written as a PDF, a text piped to the SMS command, or a task for
 * the collector; then its journal entry, which is what marks the step as
 * taken. What leaves the book is recorded as pending before it leaves
 * (pending.c), so that a run killed at any point never sends it twice.
 * Nothing is journaled when it could not go. */
#include "dunning.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "company.h"
#include "book/lib.h"
#include "base/lib.h"
#include "mime.h"
#include "pending.h"
#include "work/lib.h"

/* letters-dir/ACCOUNT-sSTEP-YYYY-MM-DD.pdf, the account number made safe for a file name. */
static void letter_path(const struct dun_message *m, day_t today, char *out, size_t size)
{
	char safe[65], day[11];
	size_t o = 0;
	for (const char *p = m->a->account_no; *p && o + 1 < sizeof safe; p++)
		safe[o++] = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
				    *p == '-' || *p == '_' ? *p : '_';
	safe[o] = '\0';
	date_iso(today, day);
	if (strcmp(safe, m->a->account_no)) { /* two numbers made alike stay apart */
		char h[65];
		sha256_hex(m->a->account_no, strlen(m->a->account_no), h);
		snprintf(out, size, "%s/%s-%.8s-s%d-%s.pdf", company.letters_dir, safe, h, m->step->step, day);
		return;
	}
	snprintf(out, size, "%s/%s-s%d-%s.pdf", company.letters_dir, safe, m->step->step, day);
}

struct dun_send_times dunning_send_times;

/* mime_send, its time (spawn, write, wait for the child) counted. */
static int timed_send(const char *command, const char *text, size_t len, char *err, size_t errlen)
{
	double t0 = monotonic_seconds();
	int rc = mime_send(command, text, len, err, errlen);
	dunning_send_times.child += monotonic_seconds() - t0;
	dunning_send_times.children++;
	return rc;
}

/* dunning_letter_pdf, its time counted. */
static int timed_letter(const struct dun_message *m, day_t today, const char *file, char *err, size_t errlen)
{
	double t0 = monotonic_seconds();
	int rc = dunning_letter_pdf(m, today, file, err, errlen);
	dunning_send_times.letters += monotonic_seconds() - t0;
	dunning_send_times.pdfs++;
	return rc;
}

/* file: where its PDF goes ("" none). */
static int send_email(const struct dun_message *m, day_t today, const char *file, char *err, size_t errlen)
{
	if (!m->a->email[0]) {
		snprintf(err, errlen, "no e-mail address");
		return -1;
	}
	if (!company.email[0]) {
		snprintf(err, errlen, "no sender address (set company-email)");
		return -1;
	}
	struct mime_attachment att = {0};
	unsigned char *pdf = NULL;
	char name[128];
	if (file[0]) {
		if (private_dir(company.letters_dir) || timed_letter(m, today, file, err, errlen))
			return -1;
		struct sbuf content = {0};
		if (sbuf_read_file(&content, file)) {
			sbuf_free(&content);
			snprintf(err, errlen, "cannot read %s again", file);
			return -1;
		}
		pdf = (unsigned char *)content.s;
		snprintf(name, sizeof name, "%s.pdf", m->a->account_no);
		att = (struct mime_attachment){name, "application/pdf", pdf, content.len};
	}
	struct mime_mail mail = {
		.from_name = company.name, .from_addr = company.email, .to_name = m->a->name, .to = m->a->email,
		.subject = m->subject.s, .body = m->body.s, .attachments = pdf ? &att : NULL, .nattachments = pdf ? 1 : 0,
	};
	struct sbuf msg = {0};
	int rc = mime_build(&mail, &msg, err, errlen);
	if (!rc)
		rc = timed_send(company.sendmail, msg.s, msg.len, err, errlen);
	sbuf_free(&msg);
	free(pdf);
	return rc;
}

static int send_sms(const struct dun_message *m, char *err, size_t errlen)
{
	if (!company.sms_command[0]) {
		snprintf(err, errlen, "no SMS gateway (set sms-command)");
		return -1;
	}
	char number[128];
	snprintf(number, sizeof number, "%s", m->a->phone);
	number[strcspn(number, ";,")] = '\0';
	if (!number[0]) {
		snprintf(err, errlen, "no phone number");
		return -1;
	}
	if (!phone_list_valid(number, strlen(number))) { /* "-1234" could pass for an option */
		snprintf(err, errlen, "%.60s is not a phone number", number);
		return -1;
	}
	setenv("RELANCE_SMS_TO", number, 1);
	int rc = timed_send(company.sms_command, m->body.s, m->body.len, err, errlen);
	unsetenv("RELANCE_SMS_TO");
	return rc;
}

/* The journal entry's detail: what the dunning rules read back. */
static char *detail_json(const struct dun_message *m, day_t today, const char *to, const char *file)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		abort();
	char amount[32], pay_by[11], sent_on[11];
	date_iso(m->pay_by, pay_by);
	fprintf(f, "{\"dunning\":{\"procedure\":");
	table_put_json_string(f, m->a->proc.name);
	fprintf(f, ",\"step\":%d,\"channel\":", m->step->step);
	table_put_json_string(f, m->channel);
	fprintf(f, ",\"template\":");
	table_put_json_string(f, m->step->template);
	fprintf(f, ",\"language\":");
	table_put_json_string(f, m->lang);
	fprintf(f, ",\"invoices\":[");
	for (size_t i = 0; i < m->n; i++) {
		if (i)
			fputc(',', f);
		table_put_json_string(f, m->a->inv[m->which[i]].invoice_no);
	}
	date_iso(today, sent_on);
	fprintf(f, "],\"sent_on\":\"%s\",\"pay_by\":\"%s\",%s\"reference\":", sent_on, pay_by,
		m->by_hand ? "\"by_hand\":true," : "");
	table_put_json_string(f, m->reference);
	const struct {
		const char *name;
		int64_t v;
	} sums[] = {{"amount", m->total}, {"interest", m->interest}, {"compensation", m->compensation},
		    {"damages", m->damages}, {"fee", m->fee}, {"total", m->grand}};
	for (size_t i = 0; i < sizeof sums / sizeof sums[0]; i++) {
		money_format(sums[i].v, amount, sizeof amount);
		fprintf(f, ",\"%s\":\"%s\"", sums[i].name, amount);
	}
	if (to && *to) {
		fprintf(f, ",\"to\":");
		table_put_json_string(f, to);
	}
	if (file && *file) {
		fprintf(f, ",\"file\":");
		table_put_json_string(f, file);
	}
	fprintf(f, "}}");
	fclose(f);
	return buf;
}

static const char *channel_words(const char *c)
{
	if (!strcmp(c, "email"))
		return "by e-mail";
	if (!strcmp(c, "letter"))
		return "by letter";
	if (!strcmp(c, "registered"))
		return "by registered letter";
	if (!strcmp(c, "sms"))
		return "by text message";
	if (!strcmp(c, "call"))
		return "as a call task";
	if (!strcmp(c, "agency"))
		return "handed to the collection agency (task)";
	return "handed to the lawyer (task)";
}

/* Why the message cannot go, found before anything is recorded: 0 when
 * nothing stops it. */
static int cannot_go(const struct dun_message *m, char *err, size_t errlen)
{
	const char *ch = m->channel;
	/* a reminder that asks to be paid says where: never an empty IBAN */
	const char *why = channel_reaches_debtor(ch) && !company.iban[0] ? "no account to be paid to (set company-iban)"
			: !strcmp(ch, "email") && !m->a->email[0] ? "no e-mail address"
			: !strcmp(ch, "email") && !company.email[0] ? "no sender address (set company-email)"
			: !strcmp(ch, "sms") && !company.sms_command[0] ? "no SMS gateway (set sms-command)"
			: !strcmp(ch, "sms") && strcspn(m->a->phone, ";,") == 0 ? "no phone number" : NULL;
	if (why)
		snprintf(err, errlen, "%s", why);
	return why != NULL;
}

/* Hands the message over by its channel (no book involved). */
static int hand_over(const struct dun_message *m, day_t today, const char *file, char *err, size_t errlen)
{
	const char *ch = m->channel;
	if (!strcmp(ch, "email"))
		return send_email(m, today, file, err, errlen);
	if (!strcmp(ch, "sms"))
		return send_sms(m, err, errlen);
	if (private_dir(company.letters_dir)) {
		snprintf(err, errlen, "cannot make %s: %s", company.letters_dir, strerror(errno));
		return -1;
	}
	return timed_letter(m, today, file, err, errlen);
}

int dunning_send(struct book *b, const char *user, struct dun_message *m, day_t today, char *file, size_t filelen,
		 char *err, size_t errlen)
{
	const char *ch = m->channel;
	const char *to = !strcmp(ch, "email") ? m->a->email : !strcmp(ch, "sms") ? m->a->phone : NULL;
	file[0] = '\0';
	if (channel_on_paper(ch) || (!strcmp(ch, "email") && company.email_pdf))
		letter_path(m, today, file, filelen);
	char total[64], summary[512];
	lang_money("en", m->grand, m->n ? m->a->inv[m->which[0]].currency : "EUR", total, sizeof total);
	snprintf(summary, sizeof summary, "Dunning step %d (%s) %s%s: %zu invoice%s, %s", m->step->step,
		 m->step->template, channel_words(ch), strcmp(ch, m->step->channel) ? !strcmp(m->step->channel, "sms")
		 ? " (no phone number)" : " (no e-mail address)" : "", m->n, m->n == 1 ? "" : "s", total);
	struct sbuf body = {0};
	if (m->subject.len)
		sbuf_printf(&body, "%s\n\n", m->subject.s);
	sbuf_puts(&body, m->body.s ? m->body.s : "");
	char *detail = detail_json(m, today, to, file);
	struct journal_entry e = {m->a->account_no, channel_journal_type(ch), user,
				  m->n == 1 ? m->a->inv[m->which[0]].invoice_no : NULL, summary, body.s, detail, NULL};
	int rc;
	if (!channel_reaches_debtor(ch)) { /* a task: all of it in the book, at once */
		char task[600];
		snprintf(task, sizeof task, "%.300s", m->subject.len ? m->subject.s : summary);
		rc = task_add(b, user, m->a->account_no, today, task, NULL);
		rc = journal_finish_change(b, 0, rc, &e);
		if (rc)
			snprintf(err, errlen, "it could not be journaled: %s", sqlite3_errmsg(b->db));
		goto out;
	}
	/* the message leaves the book: recorded as pending first, with the
	 * decision to send it, so that no kill can make it go twice */
	int64_t id = 0;
	if (cannot_go(m, err, errlen)) {
		rc = -1;
		if (db_commit(b->db))
			db_rollback(b->db);
		goto out;
	}
	/* on the disk before it goes, power cut or not: the caller set
	 * synchronous = FULL (dunning_send_durable) */
	rc = dunning_pending_add(b, &e, ch, m->step->step, to, file, &id) || db_commit(b->db) ? -1 : 0;
	if (rc) {
		snprintf(err, errlen, "not sent: it could not be recorded as pending: %s", sqlite3_errmsg(b->db));
		db_rollback(b->db);
	}
	if (rc)
		goto out;
	rc = hand_over(m, today, file, err, errlen);
	if (rc && dunning_stopping) {
		/* the Ctrl-C that stops the run may have stopped sendmail midway */
		size_t l = strlen(err);
		snprintf(err + l, errlen - l, " while interrupted: it may have gone, it stays pending "
			 "(relance dunning pending)");
		rc = -2;
	} else if (rc) {
		if (dunning_pending_drop(b, id) < 0) {
			size_t l = strlen(err);
			snprintf(err + l, errlen - l, "; it stays pending (relance dunning pending)");
			rc = -2;
		}
	} else if (dunning_pending_sent(b, id) < 0) {
		snprintf(err, errlen, "%s, but it could not be journaled: %s; it stays pending "
			 "(relance dunning pending)", !strcmp(ch, "email") || !strcmp(ch, "sms") ? "sent"
			 : "the letter is written", sqlite3_errmsg(b->db));
		rc = -2;
	}
out:
	free(detail);
	sbuf_free(&body);
	return rc;
}

void dunning_send_durable(struct book *b, int on)
{
	db_exec(b->db, on ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
}

int dunning_send_checked(struct book *b, const char *user, const char *account_no, const struct dun_message *shown,
			 day_t today, char *say, size_t saylen)
{
	say[0] = 0;
	if (!sqlite3_get_autocommit(b->db)) { /* dunning_send ends the transaction it is given */
		snprintf(say, saylen, "a change is under way");
		return -1;
	}
	dunning_send_durable(b, 1);
	if (db_begin(b->db)) {
		dunning_send_durable(b, 0);
		snprintf(say, saylen, "the book is busy");
		return -1;
	}
	struct dun_account acc;
	struct dun_message m = {0};
	char file[1100] = "";
	int rc = -1, open = 1, read = dunning_account(b->db, account_no, today, &acc);
	if (read)
		; /* dunning_account said why */
	else if (dunning_collect(&acc, shown->step->step, DUN_COLLECT_DUE, &m) != (int)shown->n)
		rc = 1;
	else if ((m.by_hand = 1) /* a collector sends it: their work */ && !dunning_render(b->db, &m, NULL, today, say, saylen)) {
		open = 0; /* dunning_send ends it */
		if (!dunning_send(b, user, &m, today, file, sizeof file, say, saylen)) {
			if (file[0])
				snprintf(say, saylen, "step %d done: %s", m.step->step, file);
			else
				snprintf(say, saylen, "step %d done (%s)", m.step->step, m.channel);
			rc = 0;
		}
	}
	if (open && db_commit(b->db))
		db_rollback(b->db);
	dunning_send_durable(b, 0);
	dunning_message_free(&m);
	if (!read)
		dunning_account_free(&acc);
	return rc;
}
