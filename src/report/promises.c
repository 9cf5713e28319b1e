/* promises.c — SCAFFOLD, to be replaced by the report itself. */
#include "reports.h"

int report_promises(sqlite3 *db, struct report *r)
{
	(void)db, (void)r;
	msg_error("report: promises is not built yet");
	return -1;
}
