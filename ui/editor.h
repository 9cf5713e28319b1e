/* editor.h — writing a long text in the user's editor ($VISUAL, $EDITOR,
 * else vi), in a private temporary file that is removed afterwards. */
#ifndef RELANCE_UI_EDITOR_H
#define RELANCE_UI_EDITOR_H
#include <stddef.h>

/* Leaves the screen, runs the editor on an empty file (mode 0600), comes
 * back. Returns a malloc'ed text (NULL when the file was left empty, or on
 * error, with *error set to a message). */
char *editor_text(const char **error);

/* Leaves the screen, runs the editor on an existing file, comes back.
 * Returns 0 when the editor exited with status 0. */
int editor_file(const char *path);

#endif
