/* keymap.h — which key runs which action in which view: the defaults from
 * actions.h, changed by `bind` lines; key names for relancerc and help. */
#ifndef RELANCE_UI_KEYMAP_H
#define RELANCE_UI_KEYMAP_H
#include <stddef.h>

#include "actions.h"

#define KEYMAP_KEYS 512 /* characters below 256 and ncurses key codes below 0777 */

void keymap_defaults(void);
/* The key code for a name ("j", "C-d", "^D", "Enter", "S-Tab", "F1"...), or -1. */
int key_parse(const char *name);
/* A key's name, as key_parse reads it. */
const char *key_label(int key, char buf[16]);
/* Input keys to table keys: '\r' and KEY_ENTER are Enter, 127 and 8 Backspace. */
int key_normalise(int key);
void keymap_bind(enum view_id view, int key, enum action a);
/* The action for a key in a view: the view's own binding, else the generic one. */
enum action keymap_lookup(enum view_id view, int key);
/* The keys that run an action in a view (its own bindings, and the
 * generic ones it does not hide), as "j, Down" (empty when none). */
void keymap_keys_of(enum view_id view, enum action a, char *out, size_t size);
/* Calls fn for every binding, view by view ("none" in a view hides a
 * generic key there and is listed). */
void keymap_each(void (*fn)(enum view_id, int key, enum action, void *), void *arg);

#endif
