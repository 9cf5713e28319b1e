/* dunning_report.c — SCAFFOLD, to be replaced by the report itself. */
#include "reports.h"

int report_dunning(sqlite3 *db, struct report *r)
{
	(void)db, (void)r;
	msg_error("report: dunning is not built yet");
	return -1;
}
