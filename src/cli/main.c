/* main.c — relance's entry point: global options (-d, --today, --user),
 * --help and --version, and dispatch to the subcommand table in cli.c. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/lib.h"
#include "cli.h"
#include "base/lib.h"

static void usage(FILE *out)
{
	size_t n;
	const struct command *cmds = cli_commands(&n);
	fprintf(out,
		"usage: relance [-d BOOK] [--today DATE] [--user LOGIN] [COMMAND [ARGS]]\n"
		"\n"
		"relance is a collections workstation: it keeps the accounting system's\n"
		"open items and the collectors' work in one SQLite file, the book.\n"
		"Without a command it opens the workstation on the book.\n"
		"\n"
		"Commands:\n");
	for (size_t i = 0; i < n; i++)
		fprintf(out, "  %-10s %s\n", cmds[i].name, cmds[i].summary);
	fprintf(out,
		"  %-10s %s\n"
		"\n"
		"Options:\n"
		"  -d, --db BOOK         the book (default: $RELANCE_DB, else\n"
		"                        $XDG_DATA_HOME/relance/relance.db)\n"
		"  --today DATE          the date to work as of (default: $RELANCE_TODAY, else today);\n"
		"                        2026-12-01, 1/12, +3, fri...: DATES in relance(1)\n"
		"  --user LOGIN          the collector (default: $RELANCE_USER, else $USER)\n"
		"  -h, --help            this help; 'relance COMMAND --help' for a command\n"
		"  -V, --version         the version\n"
		"\n"
		"See relance(1).\n",
		"help", "show the help of a command");
}

static const struct command *find_command(const char *name)
{
	size_t n;
	const struct command *cmds = cli_commands(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(cmds[i].name, name) == 0)
			return &cmds[i];
	return NULL;
}

/* Takes the global options out of argv wherever they stand (before "--"). */
static int take_globals(int *argc, char **argv, struct cli_globals *g, const char **today_arg)
{
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		const char *a = argv[i], *val = NULL;
		int takes = 0;
		if (!strcmp(a, "--")) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (!strcmp(a, "-d") || !strcmp(a, "--db") || !strcmp(a, "--today") || !strcmp(a, "--user"))
			takes = 1;
		else if (!strncmp(a, "--db=", 5) || !strncmp(a, "--user=", 7) || !strncmp(a, "--today=", 8))
			val = strchr(a, '=') + 1;
		if (takes) {
			if (i + 1 >= *argc) {
				msg_error("%s needs a value", a);
				return -1;
			}
			val = argv[++i];
		}
		if (!val) {
			argv[out++] = argv[i];
			continue;
		}
		if (a[1] == 'd' || a[2] == 'd')
			g->db = val;
		else if (a[2] == 'u')
			g->user = val;
		else
			*today_arg = val;
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

int main(int argc, char **argv)
{
	struct cli_globals g = {0};
	const char *today_arg = NULL;
	/* the characters (ncurses' wide ones, iconv, the terminal's codeset)
	 * and the system's messages: relance formats its own numbers, dates
	 * and sorts, and LC_ALL's four other categories cost 0.1 M
	 * instructions of every command's start */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	if (take_globals(&argc, argv, &g, &today_arg))
		return 2;
	if (today_from_env() != 0) {
		msg_error("RELANCE_TODAY=%s is not a date (YYYY-MM-DD)", getenv("RELANCE_TODAY"));
		return 2;
	}
	if (today_arg) { /* "tomorrow", "mon": counted from the day it would be */
		day_t d;
		char day[11];
		if (date_parse_typed(today_arg, today(), &d) != 0) {
			msg_error("--today %s is not a date (%s)", today_arg, date_typed_forms);
			return 2;
		}
		date_iso(d, day);
		today_set(day);
	}
	if (!g.user)
		g.user = getenv("RELANCE_USER");
	if (!g.user || !*g.user)
		g.user = getenv("USER");
	if (!g.user || !*g.user)
		g.user = "unknown";

	if (argc < 2) /* no command: the workstation */
		return cmd_ui(&g, 1, argv);
	const char *cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
		printf("relance %s (SQLite %s, book schema %d)\n", RELANCE_VERSION, sqlite3_libversion(),
		       book_schema_version());
		return 0;
	}
	if (!strcmp(cmd, "help")) {
		if (argc < 3) {
			usage(stdout);
			return 0;
		}
		const struct command *c = find_command(argv[2]);
		if (!c) {
			msg_error("no command %s (see relance --help)", argv[2]);
			return 2;
		}
		cli_command_help(c, stdout);
		return 0;
	}
	if (cmd[0] == '-') /* options without a command are the workstation's */
		return cmd_ui(&g, argc, argv);
	const struct command *c = find_command(cmd);
	if (!c) {
		msg_error("no command %s (see relance --help)", cmd);
		return 2;
	}
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			cli_command_help(c, stdout);
			return 0;
		}
	}
	return c->run(&g, argc - 1, argv + 1);
}
