/* keys_script.h — the keys of the headless workstation (relance ui --keys
 * FILE): a script read and checked whole before anything starts, then
 * handed out one key at a time to the workstation's one key source
 * (app_get_key), as a terminal would hand them. */
#ifndef RELANCE_UI_KEYS_SCRIPT_H
#define RELANCE_UI_KEYS_SCRIPT_H
#include <wchar.h>

struct keys_script;

/* Reads the script at path. NULL after saying on standard error what is
 * wrong, as "FILE:LINE: ..." with the bad token. */
struct keys_script *keys_script_load(const char *path);
void keys_script_free(struct keys_script *s);

/* What keys_script_next gives. */
enum keys_step {
	KEYS_CHAR,     /* *ch is a typed character (get_wch's OK) */
	KEYS_FUNCTION, /* *ch is a function key code (get_wch's KEY_CODE_YES) */
	KEYS_WAIT,     /* *ch seconds pass without a key (Wait N) */
	KEYS_END,      /* the script is done */
};
enum keys_step keys_script_next(struct keys_script *s, wint_t *ch);

/* Called once as each token of the script begins (a string is one token
 * however long), and once more at the end: `valgrind --tool=callgrind
 * --dump-before=keys_script_token` gives what each token cost. Never
 * inlined; returns the token's number (1..), 0 at the end. */
int keys_script_token(struct keys_script *s);

#endif
