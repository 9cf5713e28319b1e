/* prompt_aid.c — what the prompts offer besides editing: the histories of
 * the : command line, of :goto's account numbers and of find's texts, kept
 * for the session, walked with Up and Down; Tab completing command names
 * and, after goto, account numbers (find_account_prefix: a range of the
 * customers' key, never a scan). No SQL here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "book/lib.h"

#define CANDIDATES 10 /* account numbers shown when Tab finds several */

static struct prompt_history command_history, goto_history, find_history;

void prompt_remember(const struct prompt_aid *aid, const char *line)
{
	struct prompt_history *h = aid->history;
	if (!h || !*line)
		return;
	for (int i = 0; i < h->n; i++)
		if (!strcmp(h->lines[i], line)) { /* once: it moves to the end */
			free(h->lines[i]);
			memmove(h->lines + i, h->lines + i + 1, (size_t)(h->n - i - 1) * sizeof *h->lines);
			h->n--;
			break;
		}
	if (h->n == PROMPT_HISTORY) {
		free(h->lines[0]);
		memmove(h->lines, h->lines + 1, (size_t)(h->n - 1) * sizeof *h->lines);
		h->n--;
	}
	h->lines[h->n++] = xstrdup(line);
}

int prompt_history_step(const struct prompt_history *h, const char *draft, int *pos, int dir)
{
	size_t n = strlen(draft);
	for (int i = *pos + dir; i >= 0 && i < h->n; i += dir)
		if (!strncmp(h->lines[i], draft, n)) {
			*pos = i;
			return 1;
		}
	if (dir > 0 && *pos < h->n) { /* past the newest: what was typed */
		*pos = h->n;
		return 1;
	}
	return 0;
}

static void history_free(struct prompt_history *h)
{
	for (int i = 0; i < h->n; i++)
		free(h->lines[i]);
	h->n = 0;
}

void prompt_aids_free(void)
{
	history_free(&command_history);
	history_free(&goto_history);
	history_free(&find_history);
}

/* The account number at arg (room bytes there) completed: whole when one
 * account's begins so, else as far as all of theirs agree, those listed
 * in hint. */
static void complete_account(struct app *a, char *arg, size_t room, char *hint, size_t hintsize)
{
	struct find_prefix p;
	char typed[128];
	snprintf(typed, sizeof typed, "%s", arg);
	if (find_account_prefix(a->book->db, typed, CANDIDATES, &p) != 0) {
		find_prefix_free(&p);
		snprintf(hint, hintsize, "cannot read the account numbers: %s", book_errmsg(a->book));
		return;
	}
	if (p.n == 0) {
		snprintf(hint, hintsize, "no account number begins with %s", typed);
	} else if (p.n == 1) {
		snprintf(arg, room, "%s", p.no[0]);
	} else {
		snprintf(arg, room, "%s", p.common);
		size_t o = 0;
		for (size_t i = 0; i < p.n && o < hintsize; i++)
			o += (size_t)snprintf(hint + o, hintsize - o, "%s%s", i ? "  " : "", p.no[i]);
		if (p.more && o < hintsize)
			snprintf(hint + o, hintsize - o, "  (and more: type more of the number)");
	}
	find_prefix_free(&p);
}

/* A command's name completed from the : commands. */
static void complete_name(char *word, size_t room, char *hint, size_t hintsize)
{
	char typed[64], common[64] = "";
	size_t n = strlen(word), o = 0;
	int found = 0;
	snprintf(typed, sizeof typed, "%s", word);
	for (size_t i = 0; app_commands[i].usage; i++) {
		const char *name = app_commands[i].name;
		if (!name || strncmp(name, typed, n))
			continue;
		if (!found++) {
			snprintf(common, sizeof common, "%s", name);
		} else {
			size_t k = 0;
			while (common[k] && common[k] == name[k])
				k++;
			common[k] = '\0';
		}
		if (o < hintsize)
			o += (size_t)snprintf(hint + o, hintsize - o, "%s%s", o ? "  " : "", name);
	}
	if (found == 0)
		snprintf(hint, hintsize, "no command begins with %s", typed);
	else if (found == 1)
		snprintf(word, room, "%s ", common), hint[0] = '\0';
	else
		snprintf(word, room, "%s", common);
}

/* The : line: its first word is a command's name; goto's argument an
 * account number. */
static void complete_command(struct app *a, char *buf, size_t size, char *hint, size_t hintsize)
{
	char *word = buf + strspn(buf, " ");
	size_t len = strcspn(word, " ");
	if (!word[len]) {
		complete_name(word, size - (size_t)(word - buf), hint, hintsize);
	} else if (len == 4 && !strncmp(word, "goto", 4)) {
		char *arg = word + len + strspn(word + len, " ");
		complete_account(a, arg, size - (size_t)(arg - buf), hint, hintsize);
	} else {
		snprintf(hint, hintsize, "Tab completes the names of commands, and goto's account numbers");
	}
}

static void complete_goto(struct app *a, char *buf, size_t size, char *hint, size_t hintsize)
{
	complete_account(a, buf, size, hint, hintsize);
}

const struct prompt_aid *prompt_aid_command(void)
{
	static const struct prompt_aid aid = {&command_history, complete_command};
	return &aid;
}

const struct prompt_aid *prompt_aid_goto(void)
{
	static const struct prompt_aid aid = {&goto_history, complete_goto};
	return &aid;
}

const struct prompt_aid *prompt_aid_find(void)
{
	static const struct prompt_aid aid = {&find_history, NULL};
	return &aid;
}
