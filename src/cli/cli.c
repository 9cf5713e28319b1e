/* cli.c — the command table (one entry per subcommand: its name, summary,
 * usage text and handler) and the option reader the handlers share. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/lib.h"

static const struct command commands[] = {
	{"ui", "open the workstation (the same as no command), or run it headless from a key script",
	 "ui [--all] [--keys FILE [--dump FILE] [--size COLSxROWS]]\n"
	 "--all                start on every collector's accounts (default: those of --user)\n"
	 "--keys FILE          headless: the keys come from FILE, on a virtual terminal\n"
	 "                     (no terminal needed); the last screen is written as text.\n"
	 "                     FILE holds keys: a character (j, G, /), a name (Enter, Esc,\n"
	 "                     Tab, S-Tab, Space, Backspace, Up, Down, Left, Right, PgUp,\n"
	 "                     PgDn, Home, End, Delete, F1..F12, C-x), \"text\" typed,\n"
	 "                     Wait N (N seconds pass), # a comment; KEY SCRIPTS in relance(1)\n"
	 "--dump FILE          write the last screen to FILE (default: standard output)\n"
	 "--size COLSxROWS     the virtual terminal's size (default: 80x24)",
	 cmd_ui},
	{"import", "read the ledger's files, bank statements, or a copy's changes",
	 "import customers|invoices|payments FILE [options]\n"
	 "   or: import changes FILE... [--dry-run] [--quiet]: another copy's change files\n"
	 "       (see relance(1), SYNC), each applied whole or not at all\n"
	 "   or: import bank FILE... [--dry-run] [--quiet]: bank statements (CODA, camt.053,\n"
	 "       camt.054), their credits matched to invoices (relance(1), BANK); a file\n"
	 "       refused keeps every file of the call out\n"
	 "--delimiter C        ',' ';' '|' or 'tab' (default: ',' ';' or tab, detected\n"
	 "                     from the header line)\n"
	 "--encoding E         utf-8, cp1252, iso-8859-1, iso-8859-15\n"
	 "                     (default: UTF-8 when valid, else CP1252 with a warning)\n"
	 "--decimal-comma      amounts are written 1.234,56\n"
	 "--decimal-point      amounts are written 1,234.56 (default: detected)\n"
	 "--date-format F      YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, MM/DD/YYYY\n"
	 "                     or auto (default: any of the first four, by shape)\n"
	 "--map COLUMN=HEADER  read COLUMN from the column headed HEADER\n"
	 "--snapshot           (invoices) the file lists every open item: close the others\n"
	 "--dry-run, -n        check the file, write nothing\n"
	 "--max-errors N       errors to print (default 20; all are counted)\n"
	 "--progress, --no-progress   progress on standard error (default: large files on a terminal)\n"
	 "--quiet, -q          no summary line",
	 cmd_import},
	{"accounts", "list accounts with their open, overdue and aging figures",
	 "accounts [--overdue] [--collector LOGIN] [--format text|tsv|json]\n"
	 "--overdue            only accounts with an overdue amount\n"
	 "--collector LOGIN    only the accounts of one collector\n"
	 "--format F           text (default), tsv or json",
	 cmd_accounts},
	{"items", "list the open items of an account",
	 "items ACCOUNT [--all] [--format text|tsv|json]\n"
	 "--all                closed items too\n"
	 "--format F           text (default), tsv or json",
	 cmd_items},
	{"queue", "list the accounts that need attention, most urgent first",
	 "queue [--all] [--all-dates] [--done] [--sort S] [--format text|tsv|json]\n"
	 "queue --explain ACCOUNT [--all] [--format text|tsv|json]\n"
	 "--all                every collector's accounts (default: those of --user)\n"
	 "--all-dates          every account with something overdue or to do, whatever\n"
	 "                     the day (default: today's list, the next action due and\n"
	 "                     the account not worked today)\n"
	 "--done               today's list keeps the accounts worked today, at the end\n"
	 "--explain ACCOUNT    the account's next action and its score, term by term\n"
	 "--sort S             default, overdue, days, name or next\n"
	 "--format F           text (default), tsv or json",
	 cmd_queue},
	{"show", "show an account whole: identity, figures, open items, history",
	 "show ACCOUNT",
	 cmd_show},
	{"history", "list an account's history, newest first",
	 "history ACCOUNT [--type T] [--format text|tsv|json]\n"
	 "--type T             only entries of one type (call, note, email, letter, sms,\n"
	 "                     promise, dispute, plan, task, snooze, system, payment)\n"
	 "--format F           text (default), tsv or json",
	 cmd_history},
	{"find", "find any account: number, name, phone, e-mail, VAT, invoice, reference",
	 "find TEXT... [--format text|tsv|json] [--limit N]\n"
	 "TEXT                 an account number, a name or part of one (without regard to\n"
	 "                     case and accents), a contact, a phone number (in any\n"
	 "                     spelling), an e-mail address, a VAT number, an invoice number\n"
	 "                     or a payment reference (+++ddd/dddd/ddddd+++ or RF, with or\n"
	 "                     without the marks and blanks)\n"
	 "--limit N            show at most N accounts (default 200; the others are counted)\n"
	 "--format F           text (default), tsv or json\n"
	 "Columns: account_no name match detail, best matches first. Exits 1 when\n"
	 "nothing matches.",
	 cmd_find},
	{"log", "log a call: its outcome, duration, note and follow-up",
	 "log call ACCOUNT --outcome O [--duration S] [--note T] [--number N] [--follow-up D] [--quiet]\n"
	 "--outcome O          reached, no_answer, voicemail, busy, wrong_number or\n"
	 "                     interrupted\n"
	 "--duration S         seconds (default 0)\n"
	 "--note T             what was said\n"
	 "--number N           the number called (default: the account's first)\n"
	 "--follow-up D        a follow-up task on day D, today or later\n"
	 "                     (2026-12-01, 1/12, +3, fri...: DATES in relance(1))\n"
	 "--quiet, -q          print nothing (default: \"call ENTRY_ID\", then \"task TASK_ID\"\n"
	 "                     with --follow-up)",
	 cmd_log},
	{"calls", "list the calls left open when the workstation stopped, or close one",
	 "calls --open [--user LOGIN] [--format text|tsv|json]\n"
	 "calls --close ID     log the open call ID (or the start of its id) as\n"
	 "                     interrupted, its duration not known\n"
	 "--open               the calls begun with c and never logged (every\n"
	 "                     collector's, or --user's)\n"
	 "--format F           text (default), tsv or json",
	 cmd_calls},
	{"note", "add a note to an account's history",
	 "note ACCOUNT TEXT [--corrects ENTRY_ID] [--quiet]\n"
	 "--corrects ENTRY_ID  the note corrects that entry of the account's history\n"
	 "                     (the journal is never changed: the correction is shown beside it)\n"
	 "--quiet, -q          print nothing (default: \"note ENTRY_ID\")",
	 cmd_note},
	{"promise", "record a promise to pay, change or cancel one",
	 "promise add ACCOUNT --date D [--amount A] [--invoices N,...] [--note T]\n"
	 "--date D             the promised date: today or later\n"
	 "                     (2026-12-01, 1/12, +3, fri...: DATES in relance(1))\n"
	 "--amount A           default: the overdue balance\n"
	 "--invoices N,...     the invoices it covers (default: open ones, oldest first,\n"
	 "                     up to the amount)\n"
	 "--note T             a note\n"
	 "relance promise change PROMISE_ID [--date D] [--amount A] [--note T]\n"
	 "relance promise cancel PROMISE_ID [--note T]\n"
	 "                     an open promise's new date or amount, or its end",
	 cmd_promise},
	{"promises", "list promises to pay, after applying the rules as of today",
	 "promises [ACCOUNT] [--format text|tsv|json]\n"
	 "--format F           text (default), tsv or json",
	 cmd_promises},
	{"dispute", "dispute an invoice (out of the overdue figures), or resolve a dispute",
	 "dispute INVOICE --reason R [--note T] [--quiet]\n"
	 "--reason R           price, quality, not_delivered, not_received, already_paid or other\n"
	 "--note T             the debtor's words\n"
	 "--quiet, -q          print nothing (default: \"dispute ENTRY_ID\")\n"
	 "relance dispute resolve INVOICE --as credit_note|rejected|resolved [--note T]\n"
	 "--as H               how it ended",
	 cmd_dispute},
	{"task", "add a follow-up task, move or change one, or mark one done",
	 "task add ACCOUNT --date D TEXT\n"
	 "--date D             when to follow up: today or later\n"
	 "                     (2026-12-01, 1/12, +3, fri...: DATES in relance(1))\n"
	 "relance task move TASK_ID --date D          another day (today or later; DATES)\n"
	 "relance task edit TASK_ID [--date D] TEXT   another text (and day)\n"
	 "relance task done TASK_ID",
	 cmd_task},
	{"tasks", "list the open follow-up tasks, by due date",
	 "tasks [ACCOUNT] [--due D] [--format text|tsv|json]\n"
	 "--due D              only those due on day D or before\n"
	 "                     (2026-12-01, 1/12, +3, fri...: DATES in relance(1))\n"
	 "--format F           text (default), tsv or json",
	 cmd_tasks},
	{"plan", "set up, show or cancel a payment plan",
	 "plan add ACCOUNT --installments K --every week|2weeks|month --first D [--down A] [--fee A] [--total A]\n"
	 "--installments K     1 to 120 installments\n"
	 "--every E            week, 2weeks or month\n"
	 "--first D            the first installment's date: today or later\n"
	 "                     (2026-12-01, 1/12, +3, fri...: DATES in relance(1))\n"
	 "--down A             a down payment, due today\n"
	 "--fee A              a fee added to the total\n"
	 "--total A            default: the overdue balance, or the open amount of --invoices\n"
	 "--invoices N,...     the open invoices the plan covers (default: the balance)\n"
	 "relance plan show ACCOUNT [--format text|tsv|json]\n"
	 "--format F           text (default), tsv or json\n"
	 "relance plan cancel ACCOUNT",
	 cmd_plan},
	{"snooze", "put an account out of the queue until a date, or lift its snooze",
	 "snooze ACCOUNT --until D | snooze ACCOUNT --off\n"
	 "--until D            the day it comes back (today: at once), not in the past\n"
	 "                     (2026-12-01, 1/12, +3, fri...: DATES in relance(1))\n"
	 "--off                lift the snooze in force: back in the queue today",
	 cmd_snooze},
	{"rules", "show or set the book's rules: promises, plans, calling back, the queue's score",
	 "rules [--NAME N]...\n"
	 "--promise-grace-days N   days after its date a promise or an installment may\n"
	 "                         still be paid (0 to 60; default 3)\n"
	 "--plan-max-missed N      missed installments that break a plan (1 to 24; default 2)\n"
	 "--recontact-reached-days N, --recontact-no-answer-days N, --recontact-busy-days N,\n"
	 "--recontact-voicemail-days N\n"
	 "                         when a call's outcome brings the account back\n"
	 "--score-broken-promise N, --score-missed-installment N, --score-euro-day N,\n"
	 "--score-dunning-level N, --score-days-since-contact N\n"
	 "                         the weights of the queue's score\n"
	 "Without options, lists every rule with its meaning and default.",
	 cmd_rules},
	{"config", "print the effective configuration (relancerc(5))",
	 "config [--defaults]\n"
	 "--defaults           the compiled-in configuration, without any file",
	 cmd_config},
	{"demo", "fill an empty book with a realistic, reproducible demo",
	 "demo [--accounts N] [--seed S] [--csv DIR] [--bank DIR [--bank-credits N]]\n"
	 "--accounts N         number of accounts (default 1000; about 10 invoices each)\n"
	 "--seed S             the random seed (default 1): same seed, same book\n"
	 "--csv DIR            write customers.csv, invoices.csv, payments.csv to DIR\n"
	 "                     instead of filling a book\n"
	 "--bank DIR           also write the bank's files of money the ledger does not\n"
	 "                     show yet: demo-bank.cod (CODA), demo-bank.xml (camt.053),\n"
	 "                     bank-payments.csv; on a book already filled, only these\n"
	 "--bank-credits N     the credits of both bank files together (default 60)",
	 cmd_demo},
	{"export", "write changes for the other copies, or work for the accounting system",
	 "export changes [-o FILE] [--all]\n"
	 "   or: export promises|disputes|plans|activities [--format csv|json] [--since D] [--bom]\n"
	 "       [--delimiter C] [-o FILE]\n"
	 "changes              everything this copy made or received since its last export\n"
	 "                     (collector work and ledger rows), as a change file for\n"
	 "                     'relance import changes' on the other copies\n"
	 "--all                (changes) everything, not only what is new\n"
	 "--format F           csv (default; RFC 4180, CRLF line ends, UTF-8) or json\n"
	 "--since D            only rows made or changed on day D (UTC) or later\n"
	 "                     (2026-12-01, 1/12, +3, fri...: DATES in relance(1))\n"
	 "--bom                (csv) begin with a UTF-8 byte order mark, for spreadsheets\n"
	 "--delimiter C        (csv) ',' (default), ';', '|' or 'tab'\n"
	 "-o FILE              write FILE whole or not at all (default: standard output)\n"
	 "Amounts are written 1234.56. A csv text cell beginning with = + - @ tab or CR\n"
	 "gets a leading apostrophe, so that no spreadsheet runs it as a formula.",
	 cmd_export},
	{"sync", "what this copy has to send and what it received; show a change file",
	 "sync status | sync show FILE | sync name NAME | sync join BOOK\n"
	 "status               this copy's id and name, the units waiting to be exported,\n"
	 "                     and per copy heard from: its last file and when it came\n"
	 "show FILE            a change file in words: header, units, rows; its signature\n"
	 "                     is checked when the book (-d) is at hand\n"
	 "name NAME            name this copy (the other copies see the name)\n"
	 "join BOOK            take the family of BOOK, a copy of this book as a file: a\n"
	 "                     book takes change files only from its family (clone\n"
	 "                     carries it; a new book joins before its first import)",
	 cmd_sync},
	{"clone", "make a new copy of a book, with its own identity",
	 "clone SRC DST [--name NAME]\n"
	 "--name NAME          the new copy's name\n"
	 "DST must not exist. A file copied with cp works too: it takes its own identity\n"
	 "the first time relance opens it. Both are of the source's family: each takes\n"
	 "the other's change files.",
	 cmd_clone},
	{"ref", "make or check a structured payment reference (OGM/VCS, RF)",
	 "ref ogm NUMBER | ref rf REFERENCE | ref check REFERENCE\n"
	 "ogm NUMBER           the Belgian structured communication of a number of 1 to\n"
	 "                     10 digits: +++ddd/dddd/ddddd+++ (check: the number mod 97)\n"
	 "rf REFERENCE         the ISO 11649 creditor reference of 1 to 21 letters and\n"
	 "                     digits: RF, two check digits, the reference\n"
	 "check REFERENCE      valid or not (exit status 0 or 1), in any usual spelling;\n"
	 "                     when not, what is wrong (length, a character, check digits)",
	 cmd_ref},
	{"bank", "the bank statements read, their credits, and matching them by hand",
	 "bank statements [--format text|tsv|json]\n"
	 "   or: bank list [--unmatched] [--format text|tsv|json]\n"
	 "   or: bank match ID ACCOUNT [INVOICE[=AMOUNT]...] | bank unmatch ID | bank ignore ID\n"
	 "statements           each statement: statement iban date opening closing movements\n"
	 "list                 each movement: id date amount currency counterparty iban\n"
	 "                     reference communication status account_no invoices rule\n"
	 "--unmatched          (list) only the credits no rule matched: unmatched, suggested\n"
	 "match                credit ID pays ACCOUNT's invoices: those named (each up to its\n"
	 "                     open amount, or AMOUNT), else its open invoices oldest first;\n"
	 "                     the rest is unapplied credit; the counterparty's IBAN is learned\n"
	 "unmatch              undo a match (not once the ledger booked it), or an ignore\n"
	 "ignore               not a customer's payment: out of the unmatched list",
	 cmd_bank},
	{"dunning", "send the reminders due today, or see where an account stands",
	 "dunning run [--dry-run] [--force] [--account A] [--format text|tsv|json] [--quiet]\n"
	 "   or: dunning status ACCOUNT [--format F]\n"
	 "   or: dunning pending [ACCOUNT] [--format F] | --sent|--retry ACCOUNT|--all\n"
	 "   or: dunning hold ACCOUNT [--note T] | dunning release ACCOUNT [--note T]\n"
	 "   or: dunning set ACCOUNT [--procedure NAME|default] [--rate R|none]\n"
	 "run                  each open invoice's next step, where it is due: one message\n"
	 "                     per account and step, sent (e-mail, SMS), written (letters,\n"
	 "                     in letters-dir) or made a task, and journaled; a step is\n"
	 "                     never taken twice; columns: account_no invoice_no step\n"
	 "                     channel template language amount; SIGINT, SIGTERM or\n"
	 "                     SIGHUP stop it after the message being sent (exit 128+N);\n"
	 "                     it refuses while payment data is stale: the last import\n"
	 "                     of invoices or payments, or bank statement, more than\n"
	 "                     stale-days working days old (relancerc(5); default 2)\n"
	 "--dry-run, -n        list what would go, send and write nothing (and warn, on\n"
	 "                     standard error, when payment data is stale)\n"
	 "--force              send even on stale payment data (and say so)\n"
	 "--account A          only this account\n"
	 "status               each open invoice: its level, state and next step\n"
	 "pending              messages a killed run left on their way, outcome unknown:\n"
	 "                     not sent again until resolved; columns: account_no step\n"
	 "                     channel recipient since state file\n"
	 "--sent               they went: journal each as its step taken\n"
	 "--retry              they did not: the next run sends them again\n"
	 "hold, release        keep an account out of dunning, or let it back in\n"
	 "set --procedure P    the account follows P instead of its segment's procedure\n"
	 "set --rate R         a contractual interest rate in percent a year (none: the law's)\n"
	 "set --claims no      the contract provides for no interest, compensation, damages\n"
	 "                     or fees: letters claim none and say nothing of them\n"
	 "                     (default: as the procedure's claims steps say)",
	 cmd_dunning},
	{"procedures", "list, export or import the dunning procedures",
	 "procedures [list] | procedures export [-o FILE] | procedures import FILE [--dry-run]\n"
	 "export               the procedures and segment mappings as a text file\n"
	 "import FILE          replace them with the file's, all or nothing (errors name\n"
	 "                     FILE:LINE and the field)",
	 cmd_procedures},
	{"rates", "list or set the statutory late-payment interest rates",
	 "rates [list] [--country C] [--format F] | rates set COUNTRY SINCE RATE\n"
	 "list                 every half-year's rate: built in (BE since 2002 H2, FR\n"
	 "                     since 2013) or the book's own, which comes first\n"
	 "set BE 2027-01-01 10.5   the rate in percent from a half-year's first day",
	 cmd_rates},
	{"report", "reports: aging as of any day, DSO, CEI, promises, collectors, dunning, forecast",
	 "report NAME [--as-of D] [--from D --to D] [--by collector|segment|procedure|country]\n"
	 "       [--currency C] [--format text|tsv|json|csv] [--png FILE]\n"
	 "aging                open amounts by age bucket as of any day (--as-of)\n"
	 "dso                  days sales outstanding, month by month\n"
	 "cei                  collection effectiveness index, month by month\n"
	 "promises             promises made, kept, partly kept, broken\n"
	 "collectors           each collector's work by day or week\n"
	 "dunning              what each dunning step achieves\n"
	 "forecast             expected receipts a week, the next 12 weeks\n"
	 "--png FILE           the report's chart as a PNG image\n"
	 "Every total is the sum of its rows, to the cent (relance(1), REPORTS).",
	 cmd_report},
	{"interest", "show an account's late-payment interest, line by line",
	 "interest ACCOUNT [--until D] [--paid] [--format text|tsv|json]\n"
	 "interest waive ACCOUNT [INVOICE...] --note TEXT\n"
	 "--until D            up to day D included (default: today)\n"
	 "                     (2026-12-01, 1/12, +3, fri...: DATES in relance(1))\n"
	 "--paid               the invoices paid in full after their due date: interest\n"
	 "                     and compensation owed until claimed or waived\n"
	 "waive                waive them on those invoices (all: none named), journaled\n"
	 "One line per invoice and period (split at each payment and half-year): the\n"
	 "amount due, days, rate and interest (simple, actual days / 365, rounded to\n"
	 "the cent), then the compensation or damages; a line says why when nothing\n"
	 "may be claimed.",
	 cmd_interest},
	{"letter", "write an account's dunning letter as a PDF",
	 "letter ACCOUNT [--step S] [--lang L] -o FILE\n"
	 "--step S             the step of the account's procedure (default: the next)\n"
	 "--lang L             en, fr, nl or de (default: the account's language)\n"
	 "-o FILE              the PDF to write; nothing is journaled",
	 cmd_letter},
	{"qr", "print the EPC QR code paying an account's overdue balance",
	 "qr ACCOUNT [--amount A] [--payload] [--ascii] [--png FILE]\n"
	 "--amount A           the amount (default: the overdue balance, disputes aside)\n"
	 "--payload            print the EPC payload text instead of the code\n"
	 "--ascii              draw with ## instead of half blocks\n"
	 "--png FILE           write the code as a PNG image",
	 cmd_qr},
	{"check", "check the book's integrity and its own rules",
	 "check [--rebuild]\n"
	 "--rebuild            remake the derived data (the cached account figures) first\n"
	 "Runs SQLite's integrity and foreign key checks and the book's invariants,\n"
	 "including that the cached account figures match the ledger; exits 1 when\n"
	 "anything is wrong.",
	 cmd_check},
};

const struct command *cli_commands(size_t *n)
{
	*n = sizeof commands / sizeof *commands;
	return commands;
}

void cli_command_help(const struct command *c, FILE *out)
{
	const char *nl = strchr(c->usage, '\n');
	fprintf(out, "usage: relance [-d BOOK] %.*s\n\n%s.\n", nl ? (int)(nl - c->usage) : (int)strlen(c->usage),
		c->usage, c->summary);
	if (nl)
		fprintf(out, "\n%s\n", nl + 1);
	fprintf(out, "\nSee relance(1) for more.\n");
}

void opts_init(struct opts *o, const char *cmd, int argc, char **argv)
{
	memset(o, 0, sizeof *o);
	o->cmd = cmd, o->argc = argc, o->argv = argv, o->i = 1;
}

int opts_more(struct opts *o) { return !o->bad && o->i < o->argc; }

int opts_flag(struct opts *o, const char *name)
{
	if (o->i < o->argc && !o->rest && strcmp(o->argv[o->i], "--") == 0) {
		o->rest = 1;
		o->i++;
	}
	if (o->rest)
		return 0;
	if (o->i < o->argc && strcmp(o->argv[o->i], name) == 0) {
		o->i++;
		return 1;
	}
	return 0;
}

int opts_value(struct opts *o, const char *name)
{
	if (o->i < o->argc && !o->rest && strcmp(o->argv[o->i], "--") == 0) {
		o->rest = 1;
		o->i++;
	}
	if (o->i >= o->argc || o->rest)
		return 0;
	const char *a = o->argv[o->i];
	size_t n = strlen(name);
	if (strncmp(a, name, n) != 0)
		return 0;
	if (a[n] == '=') {
		o->arg = a + n + 1, o->opt = name;
		o->i++;
		return 1;
	}
	if (a[n] != '\0')
		return 0;
	if (o->i + 1 >= o->argc) {
		msg_error("%s: %s needs a value", o->cmd, name);
		o->bad = 1;
		o->i++;
		return 0;
	}
	o->arg = o->argv[o->i + 1], o->opt = name;
	o->i += 2;
	return 1;
}

void opts_account(struct opts *o, const char **account)
{
	const char *a = opts_positional(o);
	if (a && *account)
		msg_error("%s: one account at a time", o->cmd), o->bad = 1;
	*account = a;
}

const char *opts_positional(struct opts *o)
{
	if (o->bad || o->i >= o->argc) /* an option at the end that wanted a value */
		return NULL;
	if (!o->rest && strcmp(o->argv[o->i], "--") == 0) {
		o->rest = 1;
		if (++o->i >= o->argc)
			return NULL;
	}
	const char *a = o->argv[o->i];
	if (!o->rest && a[0] == '-' && a[1] != '\0') {
		msg_error("%s: unknown option %s (see relance %s --help)", o->cmd, a, o->cmd);
		o->bad = 1;
		return NULL;
	}
	o->i++;
	return a;
}

int opts_format(struct opts *o)
{
	int f = table_format_named(o->arg);
	if (f < 0) {
		msg_error("%s: --format %s: use text, tsv or json", o->cmd, o->arg);
		o->bad = 1;
	}
	return f;
}

int opts_delimiter(struct opts *o)
{
	if (!strcmp(o->arg, "tab") || !strcmp(o->arg, "\\t") || !strcmp(o->arg, "\t"))
		return '\t';
	if (strlen(o->arg) == 1 && strchr(",;|", o->arg[0]))
		return o->arg[0];
	msg_error("%s: --delimiter %s: use ',', ';', '|' or tab", o->cmd, o->arg);
	o->bad = 1;
	return -1;
}

long opts_long(struct opts *o, long lo, long hi)
{
	char *end;
	errno = 0;
	long v = strtol(o->arg, &end, 10);
	if (errno || end == o->arg || *end || v < lo || v > hi) {
		msg_error("%s: \"%s\" is not a whole number from %ld to %ld", o->cmd, o->arg, lo, hi);
		o->bad = 1;
		return -1;
	}
	return v;
}

int opts_date(struct opts *o, enum opts_when when, day_t *d)
{
	day_t t = today();
	if (date_parse_typed(o->arg, t, d) != 0) {
		msg_error("%s: %s %s is not a date (%s)", o->cmd, o->opt, o->arg, date_typed_forms);
		o->bad = 1;
		return -1;
	}
	day_t whole;
	if (when == WHEN_LOOKING_BACK && *d > t && date_parse(o->arg, strlen(o->arg), DATE_AUTO, &whole) != 0) {
		/* no year given: the last such day, not the next */
		int y, m, dd;
		civil_from_days(*d, &y, &m, &dd);
		if (strchr(o->arg, '/') || strchr(o->arg, '.') || (strchr(o->arg, '-') && o->arg[0] != '-')) {
			day_t back = days_from_civil(y - 1, m, dd);
			int by, bm, bd;
			civil_from_days(back, &by, &bm, &bd);
			if (bm == m && back <= t) /* 29/02: no such day last year, kept as typed */
				*d = back;
		} else if (o->arg[0] != '+' && strcasecmp(o->arg, "tomorrow") && strcasecmp(o->arg, "morgen") &&
			   strcasecmp(o->arg, "demain") && strcasecmp(o->arg, "eom")) {
			*d -= 7; /* a weekday: the last one, today's included */
		}
	}
	if (when == WHEN_NOT_PAST && *d < t) {
		char day[11];
		date_iso(*d, day);
		if (strcmp(day, o->arg))
			msg_error("%s: %s %s (%s) is in the past", o->cmd, o->opt, o->arg, day);
		else
			msg_error("%s: %s %s is in the past", o->cmd, o->opt, o->arg);
		o->bad = o->refused = 1;
		return -1;
	}
	return 0;
}

int opts_exit(const struct opts *o)
{
	return o->refused ? 1 : 2;
}
