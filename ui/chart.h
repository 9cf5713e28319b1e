/* chart.h — the one chart widget: draws a report's chart (report.h: its
 * style, label column and series) in a rectangle of the screen, for every
 * report the dashboard shows. Horizontal bars (one a row, label at left,
 * figure at right) or columns (one group a row, the axis' top value and 0
 * at left, labels under), in eighth blocks, or # and = with ASCII. */
#ifndef RELANCE_UI_CHART_H
#define RELANCE_UI_CHART_H
#include <stddef.h>
#include <stdint.h>

#include "report/lib.h"

/* The rows a chart shows: the report's rows less its totals. */
int chart_count(const struct report *r);
/* A figure of unit u as people read it: money grouped, percents and days
 * with their decimals. */
void chart_figure(enum report_unit u, int64_t v, char *out, size_t size);
/* The lines a chart of r wants for n rows (bars: one a row and series,
 * plus the legend; columns: what it is given). */
int chart_lines_wanted(const struct report *r);
/* Draws r's chart in the rectangle (y, x, rows, cols); charted row
 * `selected` (-1: none) is highlighted and kept in view. */
void chart_draw(const struct report *r, int y, int x, int rows, int cols, int selected);

#endif
