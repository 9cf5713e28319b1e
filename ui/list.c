/* list.c — cursor and scrolling for every list pane (vi and arrow keys,
 * pages, half pages) in one place. */
#include "app.h"

void list_fit(struct list *l, int rows)
{
	if (rows < 1)
		rows = 1;
	if (l->count <= 0) {
		l->cursor = l->top = 0;
		return;
	}
	if (l->cursor >= l->count)
		l->cursor = l->count - 1;
	if (l->cursor < 0)
		l->cursor = 0;
	if (l->cursor < l->top)
		l->top = l->cursor;
	if (l->cursor >= l->top + rows)
		l->top = l->cursor - rows + 1;
	if (l->top > l->count - rows)
		l->top = l->count - rows;
	if (l->top < 0)
		l->top = 0;
}

int list_move(struct list *l, enum action a, int rows)
{
	int page = rows > 1 ? rows - 1 : 1;
	switch (a) {
	case ACT_MOVE_DOWN: l->cursor++; break;
	case ACT_MOVE_UP: l->cursor--; break;
	case ACT_MOVE_FIRST: l->cursor = 0; break;
	case ACT_MOVE_LAST: l->cursor = l->count - 1; break;
	case ACT_PAGE_DOWN: l->cursor += page, l->top += page; break;
	case ACT_PAGE_UP: l->cursor -= page, l->top -= page; break;
	case ACT_HALF_DOWN: l->cursor += rows / 2, l->top += rows / 2; break;
	case ACT_HALF_UP: l->cursor -= rows / 2, l->top -= rows / 2; break;
	default: return 0;
	}
	if (l->top < 0)
		l->top = 0;
	list_fit(l, rows);
	return 1;
}
