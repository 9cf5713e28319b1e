/* waive.c — waiving late-payment interest and compensation, journaled as
 * {"interest_waived": {"invoices": [...]}} on the account (dunning.c reads
 * it back). */
#include "waive.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dunning.h"
#include "base/lib.h"

/* The invoice named no among a's open overdue ones and those paid late. */
static const struct dun_invoice *find(const struct dun_account *a, const char *no)
{
	for (size_t i = 0; i < a->n; i++)
		if (!strcmp(a->inv[i].invoice_no, no) && a->inv[i].due < a->today)
			return &a->inv[i];
	for (size_t i = 0; i < a->nlate; i++)
		if (!strcmp(a->late[i].invoice_no, no))
			return &a->late[i];
	return NULL;
}

int interest_waive(struct book *b, const char *user, const char *account_no, char *const *invoices, size_t n,
		   const char *note, char *summary_out, size_t size)
{
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	struct dun_account a;
	int rc = dunning_account(b->db, account_no, today(), &a);
	if (rc == 1) {
		msg_error("interest waive: no account %s in the book", account_no);
		db_tx_rollback(b->db, nested);
		return 1;
	}
	if (rc || dunning_load_paid_late(b->db, &a)) {
		dunning_account_free(&a);
		db_tx_rollback(b->db, nested);
		return -1;
	}
	const struct dun_invoice **take = calloc(a.n + a.nlate + 1, sizeof *take);
	if (!take)
		abort();
	size_t k = 0;
	for (size_t i = 0; !rc && i < n; i++) {
		const struct dun_invoice *v = find(&a, invoices[i]);
		if (!v) {
			msg_error("interest waive: %s: not an invoice of %s that is overdue or was paid late", invoices[i],
				  account_no);
			rc = 1;
		} else if (!v->waived) {
			int twice = 0;
			for (size_t j = 0; j < k; j++)
				twice |= take[j] == v;
			if (!twice)
				take[k++] = v;
		}
	}
	for (size_t i = 0; !n && i < a.n; i++)
		if (a.inv[i].due < a.today && !a.inv[i].waived)
			take[k++] = &a.inv[i];
	for (size_t i = 0; !n && i < a.nlate; i++)
		if (!a.late[i].waived)
			take[k++] = &a.late[i];
	if (!rc && !k) {
		msg_error("interest waive: nothing left to waive on %s", account_no);
		rc = 1;
	}
	char *detail = NULL, summary[400];
	size_t len = 0;
	if (!rc) {
		FILE *f = open_memstream(&detail, &len);
		if (!f)
			abort();
		fputs("{\"interest_waived\":{\"invoices\":[", f);
		for (size_t i = 0; i < k; i++) {
			if (i)
				fputc(',', f);
			table_put_json_string(f, take[i]->invoice_no);
		}
		fputs("],\"note\":", f);
		table_put_json_string(f, note);
		fputs("}}", f);
		fclose(f);
		int o = snprintf(summary, sizeof summary, "Interest and compensation waived on %s", take[0]->invoice_no);
		if (k > 1)
			snprintf(summary + o, sizeof summary - (size_t)o, " and %zu more", k - 1);
		snprintf(summary + strlen(summary), sizeof summary - strlen(summary), ": %s", note);
	}
	struct journal_entry e = {account_no, "system", user, k == 1 ? take[0]->invoice_no : NULL, summary, NULL,
				  detail, NULL};
	int fin = 0;
	if (rc)
		db_tx_rollback(b->db, nested);
	else
		fin = journal_finish_change(b, nested, 0, &e);
	if (!rc && !fin && summary_out)
		snprintf(summary_out, size, "%s", summary);
	free(detail);
	free(take);
	dunning_account_free(&a);
	return rc ? rc : fin ? -1 : 0;
}
