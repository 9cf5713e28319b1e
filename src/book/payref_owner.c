/* payref_owner.c — whose a structured payment reference is (see
 * payref_owner.h). */
#include <string.h>

#include "payref_owner.h"
#include "base/lib.h"

static void copy(char out[65], const unsigned char *s)
{
	snprintf(out, 65, "%s", s ? (const char *)s : "");
}

int payref_owner(sqlite3 *db, const char *stored, char invoice_no[65], char account_no[65])
{
	invoice_no[0] = account_no[0] = '\0';
	sqlite3_stmt *q = db_prepare(db, "SELECT invoice_no, account_no FROM invoices WHERE reference = ?1 LIMIT 2");
	if (!q)
		return -1;
	sqlite3_bind_text(q, 1, stored, -1, SQLITE_STATIC);
	int n = 0, rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		if (n++ == 0) {
			copy(invoice_no, sqlite3_column_text(q, 0));
			copy(account_no, sqlite3_column_text(q, 1));
		}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return -1;
	if (n > 1) {
		invoice_no[0] = account_no[0] = '\0';
		return PAYREF_OWNER_AMBIGUOUS;
	}
	if (n == 1)
		return PAYREF_OWNER_INVOICE;
	long long num = payref_number(stored);
	if (num < 0)
		return PAYREF_OWNER_NONE;
	static const char *const sql[] = {
		"SELECT invoice_no, account_no FROM invoices WHERE ref_no = ?1",
		"SELECT NULL, account_no FROM customers WHERE ref_no = ?1",
	};
	for (int i = 0; i < 2; i++) {
		q = db_prepare(db, sql[i]);
		if (!q)
			return -1;
		sqlite3_bind_int64(q, 1, num);
		rc = sqlite3_step(q);
		if (rc == SQLITE_ROW) {
			copy(invoice_no, sqlite3_column_text(q, 0));
			copy(account_no, sqlite3_column_text(q, 1));
		}
		sqlite3_finalize(q);
		if (rc == SQLITE_ROW)
			return i == 0 ? PAYREF_OWNER_INVOICE : PAYREF_OWNER_ACCOUNT;
		if (rc != SQLITE_DONE)
			return -1;
	}
	return PAYREF_OWNER_NONE;
}
