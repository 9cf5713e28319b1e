/* lib.h — the workstation, as the command line sees it: the full-screen
 * front end on a book, and the relancerc reader (keys, colours and the
 * settings of every library). It uses every library of src/ but cli, and
 * never SQL. Inside ui/, views meet only through their ops tables (app.h). */
#ifndef RELANCE_UI_LIB_H
#define RELANCE_UI_LIB_H
#include <stdio.h>

/* Headless (relance ui --keys): the keys come from the script at keys
 * (keys_script.c says its format), the terminal is a virtual one of cols
 * x lines, and the screen as it is when the script has run out (or the
 * workstation quit) is written as text to dump (NULL: standard output). */
struct ui_script {
	const char *keys, *dump;
	int cols, lines;
};
/* Opens the workstation on the book at db (NULL: the default book) for
 * user; all: 1 everyone's queue, 0 the user's, -1 as relancerc says.
 * Needs a terminal, unless headless is given. Returns the program's exit
 * status. */
int ui_workstation(const char *db, const char *user, int all, const struct ui_script *headless);
/* Reads relancerc: built-in settings, the default theme, then the system
 * and user files; errors go to standard error. Returns their number. */
int ui_config_load(void);
/* Writes the settings as relancerc lines: as read, or the built-ins. */
void ui_config_print(FILE *out, int defaults);

#endif
