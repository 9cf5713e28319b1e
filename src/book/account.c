/* account.c — reading one customer row (and its collector's name). */
#include "account.h"

#include <stdlib.h>
#include <string.h>

#include "base/lib.h"

int account_load(sqlite3 *db, const char *account_no, struct account *a)
{
	memset(a, 0, sizeof *a);
	sqlite3_stmt *st = db_prepare(db,
		"SELECT c.account_no, c.name, c.vat_no, c.contact, c.phone, c.email, c.street, c.postcode, "
		"c.city, c.country, c.language, c.segment, c.collector, coalesce(k.name, c.collector), "
		"c.imported_at, c.credit_limit FROM customers c "
		"LEFT JOIN collectors k ON k.login = c.collector WHERE c.account_no = ?1");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, account_no, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), found = 0;
	if (rc == SQLITE_ROW) {
		char **fields[] = {&a->account_no, &a->name, &a->vat_no, &a->contact, &a->phone, &a->email,
				   &a->street, &a->postcode, &a->city, &a->country, &a->language, &a->segment,
				   &a->collector, &a->collector_name, &a->imported_at};
		for (int i = 0; i < 15; i++)
			*fields[i] = xstrdup((const char *)sqlite3_column_text(st, i));
		a->has_credit_limit = sqlite3_column_type(st, 15) != SQLITE_NULL;
		a->credit_limit = sqlite3_column_int64(st, 15);
		found = 1;
	} else if (rc != SQLITE_DONE) {
		msg_error("account: %s", sqlite3_errmsg(db));
		found = -1;
	}
	sqlite3_finalize(st);
	return found;
}

void account_free(struct account *a)
{
	char *fields[] = {a->account_no, a->name, a->vat_no, a->contact, a->phone, a->email, a->street,
			  a->postcode, a->city, a->country, a->language, a->segment, a->collector,
			  a->collector_name, a->imported_at};
	for (int i = 0; i < 15; i++)
		free(fields[i]);
	memset(a, 0, sizeof *a);
}
