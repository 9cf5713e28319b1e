/* cmd_letter.c — `relance letter` and `relance qr`: an account's letter
 * as a PDF on demand and its EPC QR code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dunning/lib.h"
#include "base/lib.h"
#include "ui/lib.h"

/* Opens the book, reads the configuration and decides the account. */
int dunning_cmd_load(const struct cli_globals *g, const char *cmd, const char *account, struct book *b,
		     struct dun_account *a)
{
	if (ui_config_load())
		return -1;
	if (book_open_at(b, g->db, BOOK_READ))
		return -1;
	int rc = dunning_account(b->db, account, today(), a);
	if (rc == 1)
		msg_error("%s: no account %s in the book", cmd, account);
	if (rc)
		book_close(b);
	return rc ? -1 : 0;
}

int cmd_letter(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *account = NULL, *out = NULL, *lang = NULL;
	long step = 0;
	opts_init(&o, "letter", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--step"))
			step = opts_long(&o, 1, 20);
		else if (opts_value(&o, "--lang")) {
			lang = o.arg;
			if (strcmp(lang, "en") && strcmp(lang, "fr") && strcmp(lang, "nl") && strcmp(lang, "de"))
				msg_error("letter: --lang %s: en, fr, nl or de", lang), o.bad = 1;
		} else if (opts_value(&o, "-o") || opts_value(&o, "--output"))
			out = o.arg;
		else {
			opts_account(&o, &account);
		}
	}
	if (!o.bad && (!account || !out))
		msg_error("letter: usage: relance letter ACCOUNT [--step S] [--lang L] -o FILE"), o.bad = 1;
	if (o.bad || step < 0)
		return 2;
	struct book b;
	struct dun_account a;
	if (dunning_cmd_load(g, "letter", account, &b, &a))
		return 1;
	struct dun_message m;
	int rc = 0;
	int found = dunning_collect(&a, (int)step, DUN_COLLECT_ALL, &m);
	if (found > 0 && !channel_reaches_debtor(m.step->channel)) {
		msg_error("letter: step %ld of %s is %s, a task for the collector, not a letter", step, a.proc.name,
			  m.step->channel);
		rc = 1;
	} else if (found <= 0) {
		if (m.step || !step)
			msg_error("letter: %s has no overdue invoice to write about", account);
		else
			msg_error("letter: procedure %s has no step %ld", a.proc.name, step);
		rc = 1;
	}
	char err[512];
	if (!rc && (dunning_render(b.db, &m, lang, today(), err, sizeof err) ||
		    dunning_letter_pdf(&m, today(), out, err, sizeof err))) {
		msg_error("letter: %s", err);
		rc = 1;
	}
	if (!rc)
		fprintf(stderr, "letter: %s step %d (%s, %s), %zu invoice%s: %s\n", account, m.step->step,
			m.step->template, m.lang, m.n, m.n == 1 ? "" : "s", out);
	dunning_message_free(&m);
	dunning_account_free(&a);
	book_close(&b);
	return rc;
}

int cmd_qr(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *account = NULL, *png = NULL;
	int payload_only = 0, ascii = 0, has_amount = 0;
	int64_t cents = 0;
	opts_init(&o, "qr", argc, argv);
	while (opts_more(&o)) {
		if (opts_flag(&o, "--payload"))
			payload_only = 1;
		else if (opts_flag(&o, "--ascii"))
			ascii = 1;
		else if (opts_value(&o, "--png"))
			png = o.arg;
		else if (opts_value(&o, "--amount")) {
			enum money_error e = money_parse(o.arg, strlen(o.arg), MARK_UNKNOWN, &cents);
			if (e != MONEY_OK || cents <= 0)
				msg_error("qr: --amount %s: %s", o.arg, e ? money_error_text(e) : "is not more than zero"),
					o.bad = 1;
			has_amount = 1;
		} else {
			opts_account(&o, &account);
		}
	}
	if (!o.bad && !account)
		msg_error("qr: usage: relance qr ACCOUNT [--amount A] [--payload] [--ascii] [--png FILE]"), o.bad = 1;
	if (o.bad)
		return 2;
	struct book b;
	struct dun_account a;
	if (dunning_cmd_load(g, "qr", account, &b, &a))
		return 1;
	if (!has_amount)
		cents = dunning_payable(&a);
	char ref[64], err[256];
	dunning_account_reference(&a, ref);
	struct sbuf payload = {0};
	int rc = 0;
	if (cents <= 0) { /* as Q in the workstation: no code without an amount */
		msg_error("qr: %s: nothing overdue to pay; give --amount to make a code anyway", account);
		rc = 1;
	} else if (dunning_epc(&a, cents, ref, &payload, err, sizeof err)) {
		msg_error("qr: %s", err);
		rc = 1;
	}
	struct qr code = {0};
	if (!rc && payload_only) {
		printf("%s\n", payload.s);
	} else if (!rc && qr_encode(payload.s, payload.len, &code)) {
		msg_error("qr: the payload does not fit a QR code");
		rc = 1;
	} else if (!rc && png) {
		if (qr_png(&code, 8, png, err, sizeof err)) {
			msg_error("qr: %s", err);
			rc = 1;
		}
	} else if (!rc) {
		struct sbuf text = {0};
		qr_text(&code, 2, QR_INK_LIGHT, ascii, &text);
		fwrite(text.s, 1, text.len, stdout);
		sbuf_free(&text);
	}
	qr_free(&code);
	sbuf_free(&payload);
	dunning_account_free(&a);
	book_close(&b);
	return rc;
}
