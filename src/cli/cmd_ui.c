/* cmd_ui.c — the front end's commands: `relance ui` (and no command)
 * opens the workstation, `relance config` prints the configuration. */
#include <unistd.h>

#include "cli.h"
#include "base/lib.h"
#include "ui/lib.h"

int cmd_ui(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	int all = -1;
	opts_init(&o, "ui", argc, argv);
	while (opts_more(&o)) {
		if (opts_flag(&o, "--all"))
			all = 1;
		else if (opts_positional(&o))
			msg_error("ui: unexpected argument %s", argv[o.i - 1]), o.bad = 1;
	}
	if (o.bad)
		return 2;
	if (!isatty(0) || !isatty(1)) {
		msg_error("the workstation needs a terminal (for lists, see relance queue, accounts, show)");
		return 2;
	}
	return ui_workstation(g->db, g->user, all);
}

int cmd_config(const struct cli_globals *g, int argc, char **argv)
{
	(void)g;
	struct opts o;
	int defaults = 0;
	opts_init(&o, "config", argc, argv);
	while (opts_more(&o)) {
		if (opts_flag(&o, "--defaults"))
			defaults = 1;
		else if (opts_positional(&o))
			msg_error("config: unexpected argument %s", argv[o.i - 1]), o.bad = 1;
	}
	if (o.bad)
		return 2;
	int errors = defaults ? 0 : ui_config_load();
	ui_config_print(stdout, defaults);
	return errors ? 1 : 0;
}
