/* cmd_ui.c — the front end's commands: `relance ui` (and no command)
 * opens the workstation (on a terminal, or headless from a key script),
 * `relance config` prints the configuration. */
#include <unistd.h>

#include "cli.h"
#include "base/lib.h"
#include "ui/lib.h"

/* --size COLSxROWS: 0, or -1 after an error. */
static int parse_size(struct opts *o, struct ui_script *h)
{
	int cols, lines, used = 0;
	if (sscanf(o->arg, "%dx%d%n", &cols, &lines, &used) != 2 || o->arg[used] || cols < 20 || cols > 500 ||
	    lines < 5 || lines > 300) {
		msg_error("ui: --size is COLSxROWS, 20x5 to 500x300 (not %s)", o->arg);
		o->bad = 1;
		return -1;
	}
	h->cols = cols, h->lines = lines;
	return 0;
}

int cmd_ui(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	int all = -1, sized = 0;
	struct ui_script h = {NULL, NULL, 80, 24};
	opts_init(&o, "ui", argc, argv);
	while (opts_more(&o)) {
		if (opts_flag(&o, "--all"))
			all = 1;
		else if (opts_value(&o, "--keys"))
			h.keys = o.arg;
		else if (opts_value(&o, "--dump"))
			h.dump = o.arg;
		else if (opts_value(&o, "--size"))
			sized = parse_size(&o, &h) == 0;
		else if (opts_positional(&o))
			msg_error("ui: unexpected argument %s", argv[o.i - 1]), o.bad = 1;
	}
	if (!o.bad && !h.keys && (h.dump || sized))
		msg_error("ui: --dump and --size go with --keys FILE"), o.bad = 1;
	if (o.bad)
		return 2;
	if (h.keys)
		return ui_workstation(g->db, g->user, all, &h);
	if (!isatty(0) || !isatty(1)) {
		msg_error("the workstation needs a terminal (for lists, see relance queue, accounts, show;"
			  " to drive it from a script, relance ui --keys FILE)");
		return 2;
	}
	return ui_workstation(g->db, g->user, all, NULL);
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
