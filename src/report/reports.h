/* reports.h — the reports, one function each (one file each): they fill
 * r (report.h) from the book, as of r->o.as_of. */
#ifndef RELANCE_REPORTS_H
#define RELANCE_REPORTS_H
#include "report.h"

int report_aging(sqlite3 *db, struct report *r);      /* aging.c */
int report_dso(sqlite3 *db, struct report *r);        /* dso.c */
int report_cei(sqlite3 *db, struct report *r);        /* cei.c */
int report_promises(sqlite3 *db, struct report *r);   /* promises.c */
int report_collectors(sqlite3 *db, struct report *r); /* collectors.c */
int report_dunning(sqlite3 *db, struct report *r);    /* dunning_report.c */
int report_forecast(sqlite3 *db, struct report *r);   /* forecast.c */

#endif
