/* queue_columns.h — the queue's optional columns (set queue-columns in
 * relancerc(5)): their names, titles and the text of a row's cell. */
#ifndef RELANCE_UI_QUEUE_COLUMNS_H
#define RELANCE_UI_QUEUE_COLUMNS_H
#include <stddef.h>

#include "work/lib.h"

enum queue_column { QC_PHONE, QC_LAST, QC_OPEN, QC_PROMISE, QC_LEVEL, QC_COUNT };
#define QC_NAMES "phone, last, open, promise, level"

/* -1 when name is no column. */
int queue_column_named(const char *name);
const char *queue_column_name(enum queue_column c);
const char *queue_column_title(enum queue_column c);
/* 1 for a figure: right-aligned, never cut. */
int queue_column_figure(enum queue_column c);
/* The widest a text column takes (a longer value is cut, with …). */
int queue_column_cap(enum queue_column c);
/* The row's cell; dates of year `year` written MM-DD. */
void queue_column_cell(enum queue_column c, const struct queue_row *r, int year, char *out, size_t size);

#endif
