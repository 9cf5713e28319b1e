/* dunning_ui.c — dunning in the workstation: L previews an account's next
 * reminder and sends it on confirmation, Q shows the EPC QR code paying
 * its overdue balance, :procedures edits the procedures as their text file
 * in the editor (all or nothing, again until it reads), and the dunning
 * column of the open items. */
#include "dunning_ui.h"

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
	snprintf(question, sizeof question, "%s this reminder now? (y/n) ",
		 channel_reaches_debtor(m.channel) ? "send" : "make the task of");
	int yes = app_confirm(a, question);
	app_pop(a);
	if (yes)
		send_again_checked(a, account_no, &m);
	else
		app_message(a, 0, "nothing sent");
	dunning_message_free(&m);
	dunning_account_free(&acc);
}

void dunning_qr(struct app *a, const char *account_no)
{
	struct dun_account acc;
	if (dunning_account(a->book->db, account_no, a->today, &acc)) {
		app_message(a, 1, "cannot read the account");
		return;
	}
	int64_t cents = dunning_payable(&acc);
	char ref[64], shown[64], err[256], amount[32];
	dunning_account_reference(acc.account_no, ref);
	struct sbuf payload = {0}, text = {0};
	struct qr code = {0};
	if (cents <= 0) {
		app_message(a, 1, "nothing overdue to pay");
	} else if (dunning_epc(&acc, cents, ref, &payload, err, sizeof err)) {
		app_message(a, 1, "no QR code: %s", err);
	} else if (qr_encode(payload.s, payload.len, &code)) {
		app_message(a, 1, "the payment does not fit a QR code");
	} else {
		qr_text(&code, 2, QR_INK_LIGHT, draw_is_ascii(), &text);
		money_format_grouped(cents, amount, sizeof amount);
		payref_display(ref, shown, sizeof shown);
		char line[3][300];
		snprintf(line[0], sizeof line[0], "Pay %s EUR to %s, %s", amount, company.name, company.iban);
		snprintf(line[1], sizeof line[1], "Reference %s  (EPC QR, scan with a banking app)", shown);
		const char *lines[] = {line[0], line[1], ""};
		struct view *ev = view_entry_new(a, lines, 3, "qr code");
		view_entry_append(ev, text.s);
		app_push(a, ev);
	}
	qr_free(&code);
	sbuf_free(&payload);
	sbuf_free(&text);
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
