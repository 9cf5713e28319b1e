/* mail_send.c — owns the hand-over of a message to a command: it runs
 * under /bin/sh -c with the message on its standard input, its standard
 * error read at the same time, and what became of it (exit status,
 * signal, its first line on stderr) said in words. mime.c writes the
 * e-mails it carries; SMS text goes through it too. It never leaves the
 * process's signal dispositions changed. */
#include "mime.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

__attribute__((format(printf, 3, 4)))
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	if (err && errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* A copy of fd numbered 3 or above, close-on-exec; the original closed.
 * So a caller started with 0, 1 or 2 closed cannot have a pipe end
 * clobbered by the child's dup2 onto them. */
static int fd_high(int fd)
{
	if (fd < 0)
		return -1;
	int hi = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	int e = errno;
	close(fd);
	errno = e;
	return hi;
}

static void fd_close(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static int pipe_high(int fd[2])
{
	int p[2];
	if (pipe(p) != 0)
		return -1;
	fd[0] = fd_high(p[0]);
	fd[1] = fd_high(p[1]);
	if (fd[0] < 0 || fd[1] < 0) {
		int e = errno;
		fd_close(&fd[0]);
		fd_close(&fd[1]);
		errno = e;
		return -1;
	}
	return 0;
}

/* The child's descriptors: our ends of three pipes (its stdin, its
 * stderr, a close-on-exec pipe that carries errno back if exec fails) and
 * /dev/null for its stdout, which must not scribble over a full screen. */
struct child_fds {
	int in[2], err[2], exec[2], null;
};

__attribute__((noreturn))
static void child_run(const char *command, struct child_fds *f)
{
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (dup2(f->in[0], 0) < 0 || dup2(f->null, 1) < 0 || dup2(f->err[1], 2) < 0)
		goto failed;
	/* all are close-on-exec and at 3 or above already; closed here anyway */
	close(f->in[0]), close(f->in[1]), close(f->err[0]), close(f->err[1]);
	close(f->null), close(f->exec[0]);
	execl("/bin/sh", "sh", "-c", command, (char *)NULL);
failed:;
	int e = errno;
	ssize_t w = write(f->exec[1], &e, sizeof e);
	(void)w;
	_exit(127);
}

/* The exchange with a running child: the message to its stdin, its
 * stderr into cap, both at once so neither side can block the other. */
struct talk {
	int in, err;          /* our ends; -1 once closed */
	const char *msg;
	size_t len, off;
	int write_errno;      /* a write failure other than EPIPE */
	char cap[1024];       /* the start of its stderr; the rest is read and dropped */
	size_t ncap;
};

static void set_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

/* Writes a piece of the message; closes stdin when all is written or the
 * reader is gone (EPIPE: it may well exit 0 without reading, which is its
 * business). */
static void talk_feed(struct talk *t)
{
	size_t n = t->len - t->off < 65536 ? t->len - t->off : 65536;
	ssize_t w = write(t->in, t->msg + t->off, n);
	if (w > 0)
		t->off += (size_t)w;
	else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
		return;
	else if (w < 0 && errno != EPIPE)
		t->write_errno = errno;
	if (w <= 0 || t->off == t->len)
		fd_close(&t->in);
}

/* Reads what stderr has; 1 when it read, 0 when it had nothing yet; closes
 * it at end of file. */
static int talk_drain(struct talk *t)
{
	char buf[4096];
	ssize_t r = read(t->err, buf, sizeof buf);
	if (r > 0) {
		size_t keep = sizeof t->cap - t->ncap;
		if (keep > (size_t)r)
			keep = (size_t)r;
		memcpy(t->cap + t->ncap, buf, keep);
		t->ncap += keep;
		return 1;
	}
	if (r < 0 && errno == EINTR)
		return 1;
	if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
		return 0;
	fd_close(&t->err);
	return 0;
}

/* Runs the exchange until both pipes are done, or the child has exited
 * while something it left behind (a background job) still holds them.
 * Returns 1 and *status when the child was reaped here. */
static int talk_run(struct talk *t, pid_t pid, int *status)
{
	set_nonblock(t->in);
	set_nonblock(t->err);
	if (t->len == 0)
		fd_close(&t->in);
	while (t->in >= 0 || t->err >= 0) {
		struct pollfd p[2];
		nfds_t n = 0;
		int pi = -1, pe = -1;
		if (t->in >= 0)
			pi = (int)n, p[n++] = (struct pollfd){.fd = t->in, .events = POLLOUT};
		if (t->err >= 0)
			pe = (int)n, p[n++] = (struct pollfd){.fd = t->err, .events = POLLIN};
		int r = poll(p, n, 100);
		if (r < 0 && errno != EINTR)
			break;
		if (r == 0 && waitpid(pid, status, WNOHANG) == pid) {
			while (t->err >= 0 && talk_drain(t))
				;
			return 1;
		}
		if (r <= 0)
			continue;
		if (pi >= 0 && p[pi].revents)
			talk_feed(t);
		if (pe >= 0 && p[pe].revents)
			talk_drain(t);
	}
	return 0;
}

/* The first non-blank line of what it wrote on stderr, trailing blanks
 * dropped, control characters shown as '?', cut between UTF-8 characters
 * when it does not fit. */
static void first_line(const char *s, size_t n, char *out, size_t size)
{
	size_t b = 0, e = 0;
	for (; b < n; b = e + 1) {
		for (e = b; e < n && s[e] != '\n';)
			e++;
		while (e > b && strchr(" \t\r", s[e - 1]))
			e--;
		if (e > b)
			break;
	}
	size_t len = b < n ? e - b : 0;
	if (len > size - 1) {
		len = size - 1;
		while (len && ((unsigned char)s[b + len] & 0xc0) == 0x80)
			len--;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[b + i];
		out[i] = c == '\t' ? ' ' : c < 0x20 || c == 0x7f ? '?' : (char)c;
	}
	out[len] = '\0';
}

static int wait_child(pid_t pid, int *status)
{
	pid_t r;
	do
		r = waitpid(pid, status, 0);
	while (r < 0 && errno == EINTR);
	return r == pid ? 0 : -1;
}

/* What became of the child, in err. */
static int report(int status, const struct talk *t, char *err, size_t errlen)
{
	char line[200];
	first_line(t->cap, t->ncap, line, sizeof line);
	const char *sep = *line ? ": " : "";
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		if (t->write_errno)
			return fail(err, errlen, "could not write the message to it: %s",
				    strerror(t->write_errno));
		return 0;
	}
	if (WIFEXITED(status))
		return fail(err, errlen, "exited with status %d%s%s", WEXITSTATUS(status), sep, line);
	if (WIFSIGNALED(status))
		return fail(err, errlen, "killed by signal %d (%s)%s%s", WTERMSIG(status),
			    strsignal(WTERMSIG(status)), sep, line);
	return fail(err, errlen, "stopped with wait status %d%s%s", status, sep, line);
}

int mime_send(const char *command, const char *msg, size_t len, char *err, size_t errlen)
{
	if (!command || !*command)
		return fail(err, errlen, "could not run: no command");
	struct child_fds f = {{-1, -1}, {-1, -1}, {-1, -1}, -1};
	if (pipe_high(f.in) || pipe_high(f.err) || pipe_high(f.exec)
	    || (f.null = fd_high(open("/dev/null", O_WRONLY))) < 0) {
		int e = errno;
		fd_close(&f.in[0]), fd_close(&f.in[1]), fd_close(&f.err[0]), fd_close(&f.err[1]);
		fd_close(&f.exec[0]), fd_close(&f.exec[1]);
		return fail(err, errlen, "could not run: %s", strerror(e));
	}
	pid_t pid = fork();
	if (pid == 0)
		child_run(command, &f);
	int fork_errno = errno;
	fd_close(&f.in[0]), fd_close(&f.err[1]), fd_close(&f.exec[1]), fd_close(&f.null);
	struct talk t = {.in = f.in[1], .err = f.err[0], .msg = msg, .len = msg ? len : 0};
	if (pid < 0) {
		fd_close(&t.in), fd_close(&t.err), fd_close(&f.exec[0]);
		return fail(err, errlen, "could not run: fork: %s", strerror(fork_errno));
	}

	int exec_errno = 0, status = 0;
	ssize_t r;
	do
		r = read(f.exec[0], &exec_errno, sizeof exec_errno);
	while (r < 0 && errno == EINTR);
	fd_close(&f.exec[0]);
	if (r == (ssize_t)sizeof exec_errno) {
		fd_close(&t.in), fd_close(&t.err);
		wait_child(pid, &status);
		return fail(err, errlen, "could not run /bin/sh: %s", strerror(exec_errno));
	}

	/* A reader that goes away must give us EPIPE, not kill the program:
	 * SIGPIPE ignored for the exchange only, and only in this process
	 * (the child was forked before, its disposition is untouched). */
	struct sigaction ign, old;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	int reaped = talk_run(&t, pid, &status);
	fd_close(&t.in), fd_close(&t.err);
	sigaction(SIGPIPE, &old, NULL);

	if (!reaped && wait_child(pid, &status) != 0)
		return fail(err, errlen, "could not wait for it: %s", strerror(errno));
	return report(status, &t, err, errlen);
}
