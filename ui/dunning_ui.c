/* dunning_ui.c — dunning in the workstation: L previews an account's next
 * reminder and sends it on confirmation (the question says so when the
 * payments are stale), Q shows the EPC QR code paying
 * its overdue balance, :procedures edits the procedures as their text file
 * in the editor (all or nothing, again until it reads), and the dunning
 * column of the open items. */
#include "dunning_ui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dunning/lib.h"
#include "draw.h"
#include "editor.h"
#include "base/lib.h"

/* Sends the message previewed, if it is still the one to send. */
static void send_again_checked(struct app *a, const char *account_no, const struct dun_message *shown)
{
	char say[1200];
	int rc = dunning_send_checked(a->book, a->user, account_no, shown, a->today, say, sizeof say);
	if (rc == 0)
		app_message(a, 0, "%s", say);
	else if (rc == 1)
		app_message(a, 0, "not sent: the account's reminders changed meanwhile (sent by someone else?)");
	else if (say[0])
		app_message(a, 1, "not sent: %s", say);
}

void dunning_preview(struct app *a, const char *account_no)
{
	struct dun_account acc;
	if (dunning_account(a->book->db, account_no, a->today, &acc)) {
		app_message(a, 1, "cannot read the account's dunning");
		return;
	}
	struct dun_message m;
	if (dunning_collect(&acc, 0, DUN_COLLECT_NEXT, &m) <= 0) {
		int held = acc.hold;
		dunning_message_free(&m);
		dunning_account_free(&acc);
		app_message(a, 0, held ? "the account is held out of dunning" : "no reminder to send: nothing is overdue "
			    "in dunning (disputed, promised, under a plan or every step taken)");
		return;
	}
	char err[512], head[4][600], when[11];
	if (dunning_render(a->book->db, &m, NULL, a->today, err, sizeof err)) {
		app_message(a, 1, "%s", err);
		dunning_message_free(&m);
		dunning_account_free(&acc);
		return;
	}
	day_t due_on = 0;
	for (size_t i = 0; i < m.n; i++)
		if (acc.inv[m.which[i]].next_day > due_on)
			due_on = acc.inv[m.which[i]].next_day;
	date_iso(due_on, when);
	const char *to = !strcmp(m.channel, "email") ? acc.email
		       : !strcmp(m.channel, "sms") ? acc.phone
		       : channel_reaches_debtor(m.channel) ? company.letters_dir : "a task for the collector";
	snprintf(head[0], sizeof head[0], "Step %d of %s: %s, template %s (%s), %zu invoice%s", m.step->step,
		 acc.proc.name, m.channel, m.step->template, m.lang, m.n, m.n == 1 ? "" : "s");
	snprintf(head[1], sizeof head[1], "%s %s", !strcmp(m.channel, "email") ? "To" :
		 !strcmp(m.channel, "sms") ? "Text to" : "Goes to", to);
	snprintf(head[2], sizeof head[2], "%s", due_on <= a->today ? "Due today" : "Not due before ");
	if (due_on > a->today)
		strncat(head[2], when, sizeof head[2] - strlen(head[2]) - 1);
	snprintf(head[3], sizeof head[3], "Subject: %s", m.subject.s ? m.subject.s : "");
	const char *lines[] = {head[0], head[1], head[2], head[3], ""};
	struct view *ev = view_entry_new(a, lines, 5, "reminder");
	view_entry_append(ev, m.body.s ? m.body.s : "");
	app_push(a, ev);
	if (due_on > a->today) { /* the deadline given, the gap between steps, the law: not before its day */
		app_message(a, 0, "not due before %s: nothing to send yet (q: back)", when);
		dunning_message_free(&m);
		dunning_account_free(&acc);
		return;
	}
	app_draw(a);
	char question[160];
	if (channel_reaches_debtor(m.channel) && freshness_stale(&a->fresh, company.stale_days)) {
		/* what dunning run refuses without --force: a person decides, knowing */
		char day[11] = "";
		if (a->fresh.known)
			date_iso(a->fresh.as_of, day);
		snprintf(question, sizeof question, "%s%s%s: send this reminder anyway? (y/n) ",
			 a->fresh.known ? "payment data is stale (as of " : "no payments imported yet", day,
			 a->fresh.known ? ")" : "");
	} else {
		snprintf(question, sizeof question, "%s this reminder now? (y/n) ",
			 channel_reaches_debtor(m.channel) ? "send" : "make the task of");
	}
	int yes = app_confirm(a, question);
	app_pop(a);
	if (yes)
		send_again_checked(a, account_no, &m);
	else
		app_message(a, 0, "nothing sent");
	dunning_message_free(&m);
	dunning_account_free(&acc);
}

/* ---- Q: the QR code, whole on the screen or not at all ------------------- */

#define QR_INFO_LINES 5
#define QR_INFO_SIZE 400

struct qr_view {
	struct qr code;
	char info[QR_INFO_LINES][QR_INFO_SIZE]; /* the account, the payment, the reference */
	char account_no[80];
};

static const char *qr_title(struct app *a, struct view *v)
{
	(void)a;
	(void)v;
	return "qr code";
}

/* Columns and lines the code takes with a quiet zone of `quiet` modules:
 * one column and half a line a module, or "##" and a line in ASCII. */
static void qr_size(const struct qr *q, int quiet, int *cols, int *lines)
{
	int side = q->width + 2 * quiet;
	*cols = draw_is_ascii() ? 2 * side : side;
	*lines = draw_is_ascii() ? side : (side + 1) / 2;
}

/* Bytes of s making its first line in `width` columns, cut at a blank
 * (a word wider than that is a line of its own, drawn with an ellipsis);
 * *next: where the next line begins. */
static size_t qr_wrap(const char *s, int width, const char **next)
{
	char buf[QR_INFO_SIZE];
	size_t n = strlen(s), end = 0;
	if (n >= sizeof buf)
		n = sizeof buf - 1;
	for (size_t i = 1; i <= n; i++) {
		if (i < n && s[i] != ' ')
			continue;
		memcpy(buf, s, i);
		buf[i] = '\0';
		if (end && draw_width(buf) > width)
			break;
		end = i; /* the first word, or more words that fit */
		if (draw_width(buf) > width)
			break;
	}
	*next = s + end;
	while (**next == ' ')
		(*next)++;
	return end;
}

/* Lines the information takes wrapped in `width` columns. */
static int qr_info_lines(const struct qr_view *qv, int width)
{
	int k = 0;
	for (int i = 0; i < QR_INFO_LINES; i++) {
		const char *s = qv->info[i];
		do {
			qr_wrap(s, width, &s);
			k++;
		} while (*s);
	}
	return k;
}

/* Draws the information from (y, x) in `width` columns and `rows` lines,
 * wrapped at blanks; what would not fit goes on the last line, which then
 * ends in an ellipsis. */
static void qr_draw_info(const struct qr_view *qv, int y, int x, int width, int rows)
{
	int k = 0;
	for (int i = 0; i < QR_INFO_LINES && k < rows; i++) {
		const char *s = qv->info[i];
		enum element el = i == 1 ? EL_AMOUNT : i == QR_INFO_LINES - 1 ? EL_MUTED : EL_DEFAULT;
		do {
			const char *next;
			size_t take = qr_wrap(s, width, &next);
			char line[QR_INFO_SIZE];
			if (k == rows - 1 && (*next || i < QR_INFO_LINES - 1)) { /* the last line: all that is left */
				snprintf(line, sizeof line, "%s", s);
				for (int j = i + 1; j < QR_INFO_LINES; j++)
					if (qv->info[j][0])
						snprintf(line + strlen(line), sizeof line - strlen(line), " %s", qv->info[j]);
				draw_text(y + k, x, width, line, el, 0);
				return;
			}
			snprintf(line, sizeof line, "%.*s", (int)take, s);
			draw_text(y + k++, x, width, line, el, 0);
			s = next;
		} while (*s && k < rows);
	}
}

static void qr_draw(struct app *a, struct view *v, int top, int rows)
{
	(void)a;
	struct qr_view *qv = v->data;
	/* the quiet zone: two modules, one when two do not fit */
	int quiet = 2, cw, ch;
	qr_size(&qv->code, quiet, &cw, &ch);
	if (cw > COLS - 2 || ch > rows) {
		quiet = 1;
		qr_size(&qv->code, quiet, &cw, &ch);
	}
	if (cw > COLS - 2 || ch > rows) { /* never a cut code: the size it needs */
		char say[2][200], need[64];
		if (cw > COLS - 2 && ch > rows)
			snprintf(need, sizeof need, "%dx%d", cw + 2, ch + 2);
		else if (cw > COLS - 2)
			snprintf(need, sizeof need, "%d columns", cw + 2);
		else
			snprintf(need, sizeof need, "%d lines", ch + 2);
		snprintf(say[0], sizeof say[0], "The QR code does not fit: it needs a terminal of %s (this one is %dx%d).",
			 need, COLS, LINES);
		snprintf(say[1], sizeof say[1], "Enlarge it, or make an image: relance qr %s --png FILE",
			 qv->account_no);
		int k = 0;
		for (int i = 0; i < 2; i++) {
			const char *s = say[i];
			while (*s && k < rows) {
				const char *next;
				char line[200];
				snprintf(line, sizeof line, "%.*s", (int)qr_wrap(s, COLS - 2, &next), s);
				draw_text(top + k++, 1, COLS - 2, line, i ? EL_DEFAULT : EL_ERROR, 0);
				s = next;
			}
		}
		if (k + 1 < rows)
			qr_draw_info(qv, top + k + 1, 1, COLS - 2, rows - k - 1);
		return;
	}
	struct sbuf text = {0};
	qr_text(&qv->code, quiet, QR_INK_LIGHT, draw_is_ascii(), &text);
	const char *s = text.s ? text.s : "";
	for (int k = 0; k < ch && *s; k++) {
		size_t n = strcspn(s, "\n");
		char *line = malloc(n + 1);
		if (!line)
			abort();
		memcpy(line, s, n);
		line[n] = '\0';
		draw_text(top + k, 1, cw, line, EL_DEFAULT, 0);
		free(line);
		s += n + (s[n] == '\n');
	}
	sbuf_free(&text);
	/* the account, amount and reference: beside the code when they fit
	 * there whole, else below it when there is room, else beside, wrapped */
	int bx = 1 + cw + 2, room = COLS - bx - 1, widest = 0;
	for (int i = 0; i < QR_INFO_LINES; i++) {
		int w = draw_width(qv->info[i]);
		widest = w > widest ? w : widest;
	}
	if (room >= widest)
		qr_draw_info(qv, top, bx, room, rows);
	else if (ch + 1 + qr_info_lines(qv, COLS - 2) <= rows)
		qr_draw_info(qv, top + ch + 1, 1, COLS - 2, rows - ch - 1);
	else if (room > 0)
		qr_draw_info(qv, top, bx, room, rows);
	else if (ch < rows) /* a code as wide as the screen: what is left below */
		qr_draw_info(qv, top + ch, 1, COLS - 2, rows - ch);
}

static int qr_key(struct app *a, struct view *v, enum action act)
{
	(void)a;
	(void)v;
	(void)act;
	return 0;
}

static void qr_close(struct view *v)
{
	struct qr_view *qv = v->data;
	qr_free(&qv->code);
	free(qv);
	free(v);
}

static const struct view_ops qr_ops = {VIEW_ENTRY, qr_title, qr_draw, qr_key, NULL, qr_close};

void dunning_qr(struct app *a, const char *account_no)
{
	struct dun_account acc;
	if (dunning_account(a->book->db, account_no, a->today, &acc)) {
		app_message(a, 1, "cannot read the account");
		return;
	}
	int64_t cents = dunning_payable(&acc);
	char ref[64], shown[64], err[256], amount[32];
	dunning_account_reference(&acc, ref);
	struct sbuf payload = {0};
	struct qr code = {0};
	if (cents <= 0) {
		app_message(a, 1, "nothing overdue to pay");
	} else if (dunning_epc(&acc, cents, ref, &payload, err, sizeof err)) {
		app_message(a, 1, "no QR code: %s", err);
	} else if (qr_encode(payload.s, payload.len, &code)) {
		app_message(a, 1, "the payment does not fit a QR code");
	} else {
		struct view *v = calloc(1, sizeof *v);
		struct qr_view *qv = calloc(1, sizeof *qv);
		if (!v || !qv)
			abort();
		qv->code = code;
		code = (struct qr){0};
		money_format_grouped(cents, amount, sizeof amount);
		payref_display(ref, shown, sizeof shown);
		snprintf(qv->account_no, sizeof qv->account_no, "%s", acc.account_no);
		snprintf(qv->info[0], sizeof qv->info[0], "Account %s, %s", acc.account_no, acc.name);
		char iban[64];
		iban_grouped(company.iban, iban, sizeof iban);
		snprintf(qv->info[1], sizeof qv->info[1], "Pay %s EUR to %s, %s", amount, company.name, iban);
		snprintf(qv->info[2], sizeof qv->info[2], "Reference %s", shown);
		snprintf(qv->info[4], sizeof qv->info[4], "EPC QR code: scan it with a banking app");
		v->ops = &qr_ops;
		v->data = qv;
		app_push(a, v);
	}
	qr_free(&code);
	sbuf_free(&payload);
	dunning_account_free(&acc);
}

/* The first error of an import, for the status line. */
struct first_error {
	char text[512];
	int n;
};

static void keep_first(const char *text, int error, void *arg)
{
	struct first_error *f = arg;
	if (error && f->n++ == 0)
		snprintf(f->text, sizeof f->text, "%s", text);
}

void dunning_procedures_edit(struct app *a)
{
	const char *tmp = getenv("TMPDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/relance-procedures-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!fp || procedures_export(a->book->db, fp) || fclose(fp)) {
		if (fd >= 0)
			unlink(path);
		app_message(a, 1, "cannot write the procedures to a temporary file");
		return;
	}
	for (;;) {
		if (editor_file(path)) {
			app_message(a, 1, "the editor failed: the procedures are as they were");
			break;
		}
		struct first_error fe = {"", 0};
		int np = 0, ns = 0;
		msg_redirect(keep_first, &fe);
		int rc = procedures_import(a->book->db, path, 0, &np, &ns);
		app_restore_messages(a);
		if (rc == 0) {
			app_message(a, 0, "procedures saved: %d procedure%s, %d step%s", np, np == 1 ? "" : "s", ns,
				    ns == 1 ? "" : "s");
			break;
		}
		/* the temporary file's name says nothing: "line N: ..." */
		const char *why = fe.text;
		char shown[600], question[700];
		if (!strncmp(why, path, strlen(path)) && why[strlen(path)] == ':')
			snprintf(shown, sizeof shown, "line %s", why + strlen(path) + 1);
		else
			snprintf(shown, sizeof shown, "%s", why);
		/* the last message counts the errors: more than two is more than one */
		snprintf(question, sizeof question, "%s%s. Edit again? (n: keep the procedures as they were) ", shown,
			 fe.n > 2 ? " (and more)" : "");
		if (!app_confirm(a, question)) {
			app_message(a, 0, "the procedures are as they were");
			break;
		}
	}
	unlink(path);
}

void dunning_item_label(const struct dun_account *acc, const char *invoice_no, char *out, size_t size)
{
	out[0] = '\0';
	for (size_t i = 0; i < acc->n; i++) {
		const struct dun_invoice *v = &acc->inv[i];
		if (strcmp(v->invoice_no, invoice_no))
			continue;
		char when[11];
		switch (v->state) {
		case DUN_DUE:
			snprintf(out, size, "%d>%d today", v->level, v->next);
			break;
		case DUN_WAITING:
			date_iso(v->next_day, when);
			snprintf(out, size, "%d>%d %s", v->level, v->next, when + 5);
			break;
		default:
			snprintf(out, size, "%d %s", v->level, dun_state_name(v->state));
			break;
		}
		return;
	}
}
