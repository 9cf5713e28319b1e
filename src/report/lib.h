/* lib.h — the report library: aging as of any day, DSO, CEI, promises,
 * collectors' work, dunning results and a cash forecast, as tables whose
 * totals are the sums of their rows, with what a chart of each shows and
 * the accounts behind each row. It uses base and book. */
#ifndef RELANCE_REPORT_LIB_H
#define RELANCE_REPORT_LIB_H

#include "report.h"  /* the report table, the list of reports, PNG charts */

#endif
