/* actions.c — the action table's data and its name lookups. */
#include "actions.h"

#include <string.h>

const struct action_info action_table[ACT_COUNT] = {
	[ACT_NONE] = {"none", VIEW_GENERIC, "", "unbind the key"},
#define ACTION_INFO(id, name, view, keys, help) [ACT_##id] = {name, view, keys, help},
	ACTIONS(ACTION_INFO)
#undef ACTION_INFO
};

static const char *const view_names[] = {"generic", "queue", "account", "entry", "help", "plan", "find", "tasks", "dashboard", "bank"};
_Static_assert(sizeof view_names / sizeof *view_names == VIEW_COUNT, "a name for each view");

enum action action_named(const char *name)
{
	for (int a = 0; a < ACT_COUNT; a++)
		if (!strcmp(action_table[a].name, name))
			return (enum action)a;
	return (enum action)-1;
}

const char *view_name(enum view_id v) { return v < VIEW_COUNT ? view_names[v] : "?"; }

int view_named(const char *name)
{
	for (int v = 0; v < VIEW_COUNT; v++)
		if (!strcmp(view_names[v], name))
			return v;
	return -1;
}
