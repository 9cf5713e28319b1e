/* fuzz.h — what the libFuzzer targets of tests/fuzz share: a hermetic
 * process (pinned date, zone and language, a HOME of its own under /tmp,
 * removed at exit), files written there, a small book made once per
 * process, and a check that stops the fuzzer with a message. Never the
 * network, never sendmail. */
#ifndef RELANCE_FUZZ_H
#define RELANCE_FUZZ_H
#include <stddef.h>
#include <stdint.h>

struct book;

/* Pins the environment as tests/lib/hermetic.sh does and makes the
 * process's directory. Messages on standard error are dropped (not the
 * sanitizers' reports) unless FUZZ_VERBOSE is set. */
void fuzz_hermetic(void);
/* The process's directory. */
const char *fuzz_dir(void);
/* fuzz_dir()/name, in one of four static buffers used in turn. */
const char *fuzz_path(const char *name);
/* Writes data[0..size) to path, whole (aborts when it cannot). */
void fuzz_write(const char *path, const void *data, size_t size);
/* A book of three customers, eight invoices and three payments, made the
 * first time it is asked for (ledger imports of tests/data's files). */
struct book *fuzz_book(void);
/* The SHA-256 of every row of every table of the book, in hex: what
 * "changes nothing" is checked against. */
void fuzz_book_digest(struct book *b, char out[65]);
/* Imports data as a file of kind `kind` ("customers", "invoices",
 * "payments") into fuzz_book(): a dry run, then the import itself inside a
 * transaction rolled back after, so that every run starts from the same
 * book. Checks that both decide alike, that the import's result agrees
 * with its counts, and that the book is as it was after. */
void fuzz_import(const char *kind, const uint8_t *data, size_t size);
/* Fails the run (abort, so libFuzzer keeps the input) when cond is 0. */
#define FUZZ_CHECK(cond, ...) \
	do { \
		if (!(cond)) \
			fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__); \
	} while (0)
void fuzz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
	__attribute__((format(printf, 4, 5), noreturn));

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
