/* cli.h — the command-line surface: the table of subcommands, the options
 * every command shares, and a small option reader ("--name value",
 * "--name=value", "-x value"). Commands call the engine; nothing here
 * knows SQL. */
#ifndef RELANCE_CLI_H
#define RELANCE_CLI_H

#include "base/lib.h"

#define RELANCE_VERSION "0.1.0"

/* Options read before the command (they may also stand after it). */
struct cli_globals {
	const char *db;    /* -d FILE */
	const char *user;  /* --user LOGIN, RELANCE_USER, $USER */
};

struct command {
	const char *name;
	const char *summary;
	const char *usage; /* options and arguments, one per line after the first */
	int (*run)(const struct cli_globals *g, int argc, char **argv);
};

const struct command *cli_commands(size_t *n);
void cli_command_help(const struct command *c, FILE *out);

/* Option reader over argv[1..argc). */
struct opts {
	int argc, i;
	char **argv;
	const char *cmd;
	const char *arg; /* value of the option just matched */
	const char *opt; /* the option just matched, for messages */
	int bad;         /* an error was printed */
	int refused;     /* ... for a value refused by a rule, not misused */
	int rest;        /* after "--": everything is positional */
};
void opts_init(struct opts *o, const char *cmd, int argc, char **argv);
/* 1 when there is another argument. */
int opts_more(struct opts *o);
/* 1 when the current argument is flag `name` (advances). */
int opts_flag(struct opts *o, const char *name);
/* 1 when the current argument is option `name` with a value in o->arg. */
int opts_value(struct opts *o, const char *name);
/* The current argument as a positional one (NULL and an error if it is an
 * unknown option). */
const char *opts_positional(struct opts *o);
/* The current argument as the command's one account (an error when one
 * was already given). */
void opts_account(struct opts *o, const char **account);
/* Parses --format's value; -1 after an error. */
int opts_format(struct opts *o);
/* Parses --delimiter's value: ',', ';', '|' or tab ("tab", "\t" or the
 * character); -1 after an error. */
int opts_delimiter(struct opts *o);
/* A whole number in [lo, hi] from o->arg; -1 after an error. */
long opts_long(struct opts *o, long lo, long hi);
/* Whether a date option may name a day before today; WHEN_LOOKING_BACK:
 * a day typed without its year (30/9, fri) is the last such day up to
 * today, not the next (a report's --as-of). */
enum opts_when { WHEN_ANY_DAY, WHEN_NOT_PAST, WHEN_LOOKING_BACK };
/* A date option's value in any form people type (date_parse_typed,
 * counted from today(); DATES in relance(1)): 0, or -1 after an error. A
 * day before today where WHEN_NOT_PAST is refused (o->refused). */
int opts_date(struct opts *o, enum opts_when when, day_t *d);
/* The exit status once o->bad is set: 1 when a value was refused by a
 * rule (a date in the past), 2 for a usage error. */
int opts_exit(const struct opts *o);

int cmd_import(const struct cli_globals *g, int argc, char **argv);
int cmd_accounts(const struct cli_globals *g, int argc, char **argv);
int cmd_items(const struct cli_globals *g, int argc, char **argv);
int cmd_queue(const struct cli_globals *g, int argc, char **argv);
int cmd_show(const struct cli_globals *g, int argc, char **argv);
int cmd_history(const struct cli_globals *g, int argc, char **argv);
int cmd_find(const struct cli_globals *g, int argc, char **argv);
/* The front end's commands (cmd_ui.c): the workstation, and its configuration. */
int cmd_ui(const struct cli_globals *g, int argc, char **argv);
int cmd_config(const struct cli_globals *g, int argc, char **argv);
int cmd_log(const struct cli_globals *g, int argc, char **argv);
int cmd_calls(const struct cli_globals *g, int argc, char **argv);
int cmd_note(const struct cli_globals *g, int argc, char **argv);
int cmd_promise(const struct cli_globals *g, int argc, char **argv);
int cmd_promises(const struct cli_globals *g, int argc, char **argv);
int cmd_dispute(const struct cli_globals *g, int argc, char **argv);
int cmd_plan(const struct cli_globals *g, int argc, char **argv);
int cmd_snooze(const struct cli_globals *g, int argc, char **argv);
int cmd_rules(const struct cli_globals *g, int argc, char **argv);
int cmd_task(const struct cli_globals *g, int argc, char **argv);
int cmd_tasks(const struct cli_globals *g, int argc, char **argv);
int cmd_demo(const struct cli_globals *g, int argc, char **argv);
int cmd_check(const struct cli_globals *g, int argc, char **argv);
/* Copies in step (cmd_sync.c) and the accounting exports (cmd_export_tables.c). */
int cmd_export(const struct cli_globals *g, int argc, char **argv);
int cmd_export_table(const struct cli_globals *g, int argc, char **argv);
int cmd_import_changes(const struct cli_globals *g, int argc, char **argv);
int cmd_sync(const struct cli_globals *g, int argc, char **argv);
int cmd_clone(const struct cli_globals *g, int argc, char **argv);
int cmd_ref(const struct cli_globals *g, int argc, char **argv);
/* Bank statements (cmd_bank.c): `import bank`, and `bank`. */
int cmd_import_bank(const struct cli_globals *g, int argc, char **argv);
int cmd_bank(const struct cli_globals *g, int argc, char **argv);
/* Dunning (cmd_dunning.c, cmd_letter.c, cmd_procedures.c). */
int cmd_dunning(const struct cli_globals *g, int argc, char **argv);
int cmd_procedures(const struct cli_globals *g, int argc, char **argv);
int cmd_rates(const struct cli_globals *g, int argc, char **argv);
int cmd_interest(const struct cli_globals *g, int argc, char **argv);
int cmd_report(const struct cli_globals *g, int argc, char **argv);
int cmd_letter(const struct cli_globals *g, int argc, char **argv);
int cmd_qr(const struct cli_globals *g, int argc, char **argv);
/* Reads the configuration, opens the book and decides the account's
 * dunning today (cmd_letter.c); -1 after a message (the book closed). */
struct book;
struct dun_account;
int dunning_cmd_load(const struct cli_globals *g, const char *cmd, const char *account, struct book *b,
		     struct dun_account *a);

#endif
