/* report.h — a report: a table of figures a finance team can check by
 * hand (every total the sum of its rows, to the cent), with what a chart
 * of it shows and, row by row, the accounts behind it. Each report of
 * relance fills one (aging.c, dso.c, ...); the command line prints it
 * (text, tsv, json, csv), the workstation draws it (ui/chart.c) and
 * report_png draws it as a file. */
#ifndef RELANCE_REPORT_H
#define RELANCE_REPORT_H
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "base/lib.h"

/* What a cell holds: text, or an integer in the column's unit. */
enum report_unit {
	RU_TEXT,    /* s */
	RU_DATE,    /* s: YYYY-MM-DD */
	RU_MONEY,   /* v: cents */
	RU_COUNT,   /* v: a number of things */
	RU_PERCENT, /* v: hundredths of a percent (1234: 12.34 %) */
	RU_DAYS,    /* v: tenths of a day (456: 45.6 days) */
	RU_SECONDS  /* v: seconds (talk time) */
};

struct report_col {
	char name[32];   /* the tsv/json/csv header: lower case, underscores */
	enum report_unit unit;
};

struct report_cell {
	int64_t v;
	char *s;         /* text cells: malloc'd, NULL empty */
	int empty;       /* a figure that does not exist (no sales: no DSO) */
};

/* How rows are grouped (--by). */
enum report_by { BY_NONE, BY_COLLECTOR, BY_SEGMENT, BY_PROCEDURE, BY_COUNTRY };

struct report_opts {
	day_t as_of;          /* the day the report is made on (default today) */
	day_t from, to;       /* a period, both included; 0: the report's default */
	enum report_by by;
	char currency[4];     /* "" every currency, each apart */
	int with_accounts;    /* collect the accounts behind each row (drill-down) */
};

/* How a chart shows the report. */
enum chart_style { CHART_BARS /* horizontal, one a row */, CHART_COLUMNS /* vertical, one a row */ };

#define REPORT_MAX_COLS 16
#define REPORT_MAX_SERIES 4

struct report {
	char name[16];        /* aging, dso, cei, promises, collectors, dunning, forecast */
	char title[128];      /* "Aging of receivables", for charts and files */
	struct report_opts o;
	struct report_col cols[REPORT_MAX_COLS];
	int ncols;
	struct report_cell *cells; /* nrows * ncols, row by row */
	size_t nrows, cap;
	int total_rows;       /* the last total_rows rows are totals (not charted) */
	/* the chart: the column that labels each bar, the columns drawn (one
	 * series each), and the currency of money figures ("" none or mixed) */
	enum chart_style style;
	int label_col, series[REPORT_MAX_SERIES], nseries;
	int label_with;       /* a column (index + 1; 0 none) named before the label:
				 "amartin 2026-11-27" when a collector has a row a day */
	char currency[4];
	/* drill-down: the accounts behind each row (with_accounts), sorted */
	struct report_accounts {
		char **no;
		size_t n, cap;
	} *accounts;          /* nrows of them, or NULL */
	/* when set, the accounts behind a row are found when asked for
	 * (report_accounts_of), not while the report is made */
	int (*accounts_of)(sqlite3 *db, struct report *r, size_t row);
};

/* The reports: name, what it is, and the function that fills r. Each
 * returns 0, or -1 after a message (msg_error). */
typedef int (*report_fn)(sqlite3 *db, struct report *r);
struct report_def {
	const char *name, *help;
	report_fn fill;
};
extern const struct report_def report_defs[];
const struct report_def *report_find(const char *name);

/* Starts r for report `name` with options o and its columns (name, unit;
 * ncols of them). */
void report_begin(struct report *r, const char *name, const char *title, const struct report_opts *o,
		  const struct report_col *cols, int ncols);
/* Adds a row; returns its index. Cells are then set with report_set_*. */
size_t report_row(struct report *r);
void report_set_text(struct report *r, size_t row, int col, const char *s);
void report_set_value(struct report *r, size_t row, int col, int64_t v);
void report_set_empty(struct report *r, size_t row, int col);
struct report_cell *report_cell(const struct report *r, size_t row, int col);
/* Adds account_no to the accounts behind row (with_accounts only; kept
 * once each). */
void report_add_account(struct report *r, size_t row, const char *account_no);
void report_free(struct report *r);
/* Makes sure r->accounts[row] holds the accounts behind the row (a report
 * made with o.with_accounts); 0, or -1 after a message. */
int report_accounts_of(sqlite3 *db, struct report *r, size_t row);

/* What names a row's bar or column in a chart: its label, after the
 * currency (when the report mixes them), the group (--by) and label_with. */
void report_row_label(const struct report *r, size_t row, char *out, size_t size);

/* A cell as text: money "1234.56", percent "12.34", days "45.6", count
 * and seconds as integers; grouped = 1 for people ("1,234.56"). */
void report_cell_text(const struct report *r, size_t row, int col, int grouped, char *out, size_t size);

/* The group (--by) an account's row falls in: the SQL expression over
 * customers c (and its account_dunning d, procedure p...) that names it,
 * "'all'" for BY_NONE. */
const char *report_by_sql(enum report_by by);
const char *report_by_name(enum report_by by);

/* Writes r as a PNG chart (title, as-of date, axis labels, currency) of
 * width x height pixels. Returns 0, or -1 with err. */
int report_png(const struct report *r, const char *path, int width, int height, char *err, size_t errlen);

/* SQL: the money paid on each invoice after day ?1, dated (invoice_no,
 * date, amount): the ledger's payments that name it and what the bank's
 * matched credits paid of it, as the view money_received counts them,
 * spelled out: joined through the view, SQLite gives the join no index
 * (each invoice read every payment). */
#define REPORT_PAID_AFTER_SQL \
	"SELECT invoice_no, date, amount FROM payments WHERE date > ?1 AND amount > 0 AND invoice_no IS NOT NULL " \
	"UNION ALL SELECT a.invoice_no, m.booking_date, a.amount FROM bank_allocations a " \
	"JOIN bank_movements m ON m.id = a.movement_id WHERE m.status = 'matched' AND m.ledger_payment IS NULL " \
	"AND m.booking_date > ?1"

#endif
