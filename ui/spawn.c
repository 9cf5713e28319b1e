/* spawn.c — fork and execvp with an argument vector. */
#include "spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/lib.h"

#define MAX_ARGS 16

/* Splits command at blanks into argv (in buf); "%n" words become number. */
static int split(const char *command, char *buf, size_t size, char *argv[MAX_ARGS + 2], const char *number)
{
	int argc = 0;
	snprintf(buf, size, "%s", command);
	for (char *w = strtok(buf, " \t"); w && argc < MAX_ARGS; w = strtok(NULL, " \t"))
		argv[argc++] = number && !strcmp(w, "%n") ? (char *)number : w;
	argv[argc] = NULL;
	return argc;
}

int spawn_wait(const char *command, const char *last)
{
	char buf[1024], *argv[MAX_ARGS + 2];
	int argc = split(command, buf, sizeof buf, argv, NULL);
	if (argc == 0)
		return -1;
	if (last)
		argv[argc++] = (char *)last, argv[argc] = NULL;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

int spawn_detached(const char *command, const char *number)
{
	char buf[1024], *argv[MAX_ARGS + 2];
	if (number && !phone_list_valid(number, strlen(number)))
		return -1; /* "-1234" or "--config=x" is an option, not a number */
	if (split(command, buf, sizeof buf, argv, number) == 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) { /* a grandchild runs it, so that no zombie stays behind */
		if (fork() != 0)
			_exit(0);
		setsid();
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, 0), dup2(null, 1), dup2(null, 2);
			if (null > 2)
				close(null);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return 0;
}
