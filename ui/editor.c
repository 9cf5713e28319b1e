/* editor.c — runs the editor like mutt does: an argument vector (no
 * shell), the file name last, the screen left and restored around it. */
#include "editor.h"

#include "spawn.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *editor_command(void)
{
	const char *ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	return ed && *ed ? ed : "vi";
}

int editor_file(const char *path)
{
	def_prog_mode();
	endwin();
	int rc = spawn_wait(editor_command(), path);
	reset_prog_mode();
	refresh();
	return rc;
}

char *editor_text(const char **error)
{
	const char *tmp = getenv("TMPDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/relance-note-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path); /* mode 0600 */
	if (fd < 0) {
		*error = "cannot make a temporary file";
		return NULL;
	}
	close(fd);
	int rc = editor_file(path);
	char *text = NULL;
	FILE *fp = rc == 0 ? fopen(path, "r") : NULL;
	if (fp) {
		size_t cap = 0, len = 0;
		char chunk[4096];
		size_t n;
		while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0 && len < (1u << 20)) {
			char *nt = realloc(text, cap = len + n + 1);
			if (!nt)
				break;
			text = nt;
			memcpy(text + len, chunk, n);
			len += n;
			text[len] = '\0';
		}
		fclose(fp);
		(void)cap;
	}
	unlink(path);
	if (rc != 0) {
		*error = "the editor failed; no note";
		free(text);
		return NULL;
	}
	/* only blanks: no note */
	size_t k = 0;
	while (text && text[k] && strchr(" \t\r\n", text[k]))
		k++;
	if (!text || !text[k]) {
		*error = "the file was left empty: no note";
		free(text);
		return NULL;
	}
	size_t end = strlen(text);
	while (end > 0 && strchr(" \t\r\n", text[end - 1]))
		text[--end] = '\0';
	return text;
}
