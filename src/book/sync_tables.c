/* sync_tables.c — which tables travel between copies, in the order the
 * foreign keys need. */
#include <string.h>

#include "versions.h"

const struct sync_table sync_tables[] = {
	{"collectors", "login", NULL, NULL, "collector", "collectors", 1},
	/* when the ledger was read (019-import-runs-sync.sql): every copy
	 * knows how fresh its payments are (freshness.h) */
	{"import_runs", "id", NULL, NULL, "ledger import", "ledger imports", 0},
	{"customers", "account_no", NULL, "account_no", "account", "accounts", 1},
	{"invoices", "invoice_no", NULL, "account_no", "invoice", "invoices", 1},
	{"payments", "payment_ref", NULL, "account_no", "payment", "payments", 1},
	{"activities", "id", NULL, "account_no", "journal entry", "journal entries", 0},
	{"promises", "id", NULL, "account_no", "promise", "promises", 0},
	{"promise_invoices", "promise_id", "promises", NULL, NULL, NULL, 0},
	{"plans", "id", NULL, "account_no", "payment plan", "payment plans", 0},
	{"plan_installments", "plan_id", "plans", NULL, NULL, NULL, 0},
	{"plan_invoices", "plan_id", "plans", NULL, NULL, NULL, 0},
	{"disputes", "id", NULL, "account_no", "dispute", "disputes", 0},
	{"tasks", "id", NULL, "account_no", "task", "tasks", 0},
	{"account_snoozes", "id", NULL, "account_no", "snooze", "snoozes", 0},
	{"account_dunning", "account_no", NULL, "account_no", "dunning setting", "dunning settings", 0},
	/* the bank's (016-bank-sync.sql): statements before their movements,
	 * movements before what they paid; an account's IBANs are its own */
	{"bank_statements", "id", NULL, NULL, "bank statement", "bank statements", 0},
	{"bank_movements", "id", NULL, "account_no", "bank movement", "bank movements", 0},
	{"bank_allocations", "movement_id", "bank_movements", NULL, NULL, NULL, 0},
	{"customer_ibans", "account_no", "customers", NULL, NULL, NULL, 0},
};
const size_t sync_ntables = sizeof sync_tables / sizeof sync_tables[0];

const struct sync_table *sync_table_named(const char *name)
{
	for (size_t i = 0; i < sync_ntables; i++)
		if (!strcmp(sync_tables[i].name, name))
			return &sync_tables[i];
	return NULL;
}
