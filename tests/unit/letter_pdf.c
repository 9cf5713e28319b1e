/* letter_pdf.c — the letter as a PDF, read back with poppler's tools
 * (pdftotext, pdfinfo): accents, '€' and a literal "<b>&" come out as
 * text; every invoice, amount and the payment line are there; no word
 * stands outside the margins; 60 rows run onto a second page that repeats
 * the headings, each invoice printed once; a letter with nothing in it is
 * still a PDF; a file that cannot be written gives -1, names the file and
 * leaves nothing behind, neither the file nor its temporary, whether it
 * fails at the start (no directory, a directory in the way) or half way
 * (over the file size limit). The QR code is
 * a hand-made pattern: this test does not depend on qr.c. */
#include "dunning/letter_pdf.h"
#include "base/lib.h"
#include "tap.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN (20 * 72.0 / 25.4)

static char dir[64];

static const char *in_dir(const char *name)
{
	static char bufs[4][512];
	static int next;
	char *b = bufs[next++ & 3];
	snprintf(b, sizeof bufs[0], "%s/%s", dir, name);
	return b;
}

/* What cmd prints on its standard output (a shell runs it), to free. */
static char *run(const char *cmd)
{
	struct sbuf b = {0};
	FILE *f = popen(cmd, "r");
	if (!f)
		return NULL;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sbuf_put(&b, chunk, n);
	pclose(f);
	sbuf_put(&b, "", 0);
	return b.s;
}

static char *pdftotext(const char *pdf, int first, int last)
{
	char cmd[512];
	if (first)
		snprintf(cmd, sizeof cmd, "pdftotext -layout -f %d -l %d '%s' - 2>&1", first, last, pdf);
	else
		snprintf(cmd, sizeof cmd, "pdftotext -layout '%s' - 2>&1", pdf);
	return run(cmd);
}

/* Runs of white space as one space: text wrapped or spread over columns
 * by -layout still matches. */
static void squash(char *s)
{
	char *w = s;
	for (char *r = s; *r; r++) {
		if (strchr(" \t\n\f\r", *r)) {
			if (w > s && w[-1] != ' ')
				*w++ = ' ';
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *s = hay; (s = strstr(s, needle)); s += strlen(needle))
		n++;
	return n;
}

static int pages(const char *pdf)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>&1", pdf);
	char *out = run(cmd);
	const char *p = out ? strstr(out, "\nPages:") : NULL;
	int n = p ? atoi(p + 7) : -1;
	free(out);
	return n;
}

static int starts_pdf(const char *path)
{
	char head[6] = {0};
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	size_t n = fread(head, 1, 5, f);
	fclose(f);
	return n == 5 && !memcmp(head, "%PDF-", 5);
}

/* The number of words of the PDF outside the margins (from pdftotext's
 * bounding boxes); *words is how many there are in all. */
static int outside_margins(const char *pdf, int *words)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "pdftotext -bbox '%s' - 2>&1", pdf);
	char *out = run(cmd);
	int bad = 0;
	*words = 0;
	for (const char *s = out; s && (s = strstr(s, "<word ")); s++) {
		double x0, y0, x1, y1;
		if (sscanf(s, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", &x0, &y0, &x1, &y1) != 4) {
			bad++;
			continue;
		}
		++*words;
		double slack = 0.5;
		if (x0 < MARGIN - slack || y0 < MARGIN - slack || x1 > PAGE_W - MARGIN + slack ||
		    y1 > PAGE_H - MARGIN + slack) {
			if (bad++ < 5)
				printf("# outside the margins: %.80s\n", s);
		}
	}
	free(out);
	return out ? bad : -1;
}

/* A 21x21 pattern with the three finder squares and a checker between. */
static unsigned char dark21[21 * 21];
static const struct qr test_qr = {21, dark21};

static void make_qr(void)
{
	for (int r = 0; r < 21; r++)
		for (int c = 0; c < 21; c++) {
			int d = (r + c) % 2 == 0;
			int fr = r < 7 ? r : r >= 14 ? r - 14 : -1, fc = c < 7 ? c : c >= 14 ? c - 14 : -1;
			if (fr >= 0 && fc >= 0 && !(r >= 14 && c >= 14)) {
				int ring = fr == 0 || fr == 6 || fc == 0 || fc == 6;
				int core = fr >= 2 && fr <= 4 && fc >= 2 && fc <= 4;
				d = ring || core;
			}
			dark21[r * 21 + c] = (unsigned char)d;
		}
}

static const struct letter_row rows3[] = {
	{{"F2026-0001", "01/09/2026", "01/10/2026", "1 234,56 €", "1 234,56 €"}},
	{{"F2026-0017", "15/09/2026", "15/10/2026", "987,00 €", "487,00 €"}},
	{{"AV-<x>&9", "20/09/2026", "20/10/2026", "55,10 €", "55,10 €"}},
};

#define PAY_LINE                                                                \
	"Veuillez payer 1 829,00 € sur le compte BE71 0961 2345 6769 avec la " \
	"communication +++090/9337/55493+++."

static const struct letter_total totals3[] = {
	{"Solde échu", "1 776,66 €", 0},
	{"Intérêts (10,50 %)", "12,34 €", 0},
	{"Indemnité forfaitaire", "40,00 €", 0},
	{"Total à payer", "1 829,00 €", 1},
};

static struct letter full_letter(void)
{
	struct letter l = {
		.company_name = "Société Générale d'Encaissement",
		.company_address = "Königsallee 12\n40212 Düsseldorf",
		.company_vat = "TVA BE 0123.456.789",
		.company_iban = "BE71 0961 2345 6769",
		.company_bic = "GKCCBEBB",
		.company_email = "credit@sge.example",
		.company_phone = "+32 2 555 01 23",
		.to_name = "Dupont <b>& Fils",
		.to_address = "Rue de la Station 4\n1000 Bruxelles",
		.account_line = "Compte C000123",
		.date_line = "Bruxelles, le 24 novembre 2026",
		.mark = "RECOMMANDÉ",
		.subject = "Rappel : factures impayées",
		.body_before = "Madame, Monsieur,\n\n"
			       "Sauf erreur de notre part, les factures ci-dessous restent impayées à ce jour, "
			       "malgré notre premier rappel. Nous vous prions de bien vouloir régulariser la "
			       "situation dans les huit jours.\n\n\n"
			       "Première ligne\nDeuxième ligne\n",
		.headings = {"Facture", "Date", "Échéance", "Montant", "Solde"},
		.rows = rows3,
		.nrows = 3,
		.totals = totals3,
		.ntotals = 4,
		.pay_line = PAY_LINE,
		.qr = &test_qr,
		.qr_caption = "Scannez pour payer",
		.body_after = "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.\n\n"
			      "Le service crédit",
		.footer = "SGE SA — RPM Bruxelles — conditions générales au verso",
	};
	return l;
}

static void test_full_letter(void)
{
	struct letter l = full_letter();
	const char *pdf = in_dir("full.pdf");
	char err[256] = "";
	is_int(letter_pdf_write(&l, pdf, err, sizeof err), 0, "a full letter is written");
	is_str(err, "", "no error");
	ok(starts_pdf(pdf), "the file starts with %%PDF-");
	struct stat sb = {0};
	int st = stat(pdf, &sb);
	ok(st == 0 && (sb.st_mode & 0777) == 0600, "mode 0600: a letter names its debtor (%o)", (unsigned)(sb.st_mode & 0777));
	is_int(pages(pdf), 1, "one page");

	char *text = pdftotext(pdf, 0, 0);
	ok(text && strstr(text, "Première ligne\n") && !strstr(text, "Première ligne Deuxième"),
	   "a single newline in the body is a line break");
	squash(text);
	static const char *const want[] = {
		"Société Générale d'Encaissement", "Königsallee 12", "40212 Düsseldorf", "TVA BE 0123.456.789",
		"credit@sge.example", "+32 2 555 01 23", "RECOMMANDÉ", "Dupont <b>& Fils", "Rue de la Station 4",
		"1000 Bruxelles", "Bruxelles, le 24 novembre 2026", "Compte C000123", "Rappel : factures impayées",
		"Madame, Monsieur,", "régulariser la situation dans les huit jours.", "Facture", "Échéance",
		"Solde", "F2026-0001", "F2026-0017", "AV-<x>&9", "1 234,56 €", "987,00 €", "487,00 €",
		"55,10 €", "Solde échu", "1 776,66 €", "Intérêts (10,50 %)", "12,34 €", "Total à payer",
		"1 829,00 €", PAY_LINE, "Scannez pour payer", "nos salutations distinguées.",
		"Le service crédit", "conditions générales au verso", "IBAN BE71 0961 2345 6769", "BIC GKCCBEBB",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		ok(text && strstr(text, want[i]), "page text holds \"%s\"", want[i]);
	ok(text && !strstr(text, "GKCCBEBB 1/"), "a one-page letter has no page number");
	free(text);

	int words, bad = outside_margins(pdf, &words);
	ok(words > 50 && bad == 0, "%d words, none outside the 20 mm margins (%d)", words, bad);

	char cmd[256];
	snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>&1", pdf);
	char *info = run(cmd), *title = info ? strstr(info, "Title:") : NULL;
	if (title)
		squash(title);
	ok(title && !strncmp(title, "Title: Rappel : factures impayées Author:", 41), "the subject is the title");
	free(info);
}

static void test_many_rows(void)
{
	enum { N = 60 };
	static struct letter_row rows[N];
	static char names[N][16];
	for (int i = 0; i < N; i++) {
		snprintf(names[i], sizeof names[i], "INV-%04d", i + 1);
		rows[i] = (struct letter_row){{names[i], "01/09/2026", "01/10/2026", "100,00 €", "100,00 €"}};
	}
	struct letter l = full_letter();
	l.rows = rows;
	l.nrows = N;
	const char *pdf = in_dir("long.pdf");
	char err[256] = "";
	is_int(letter_pdf_write(&l, pdf, err, sizeof err), 0, "a letter of 60 rows is written: %s", err);
	int n = pages(pdf);
	ok(n >= 2, "it takes %d pages", n);

	char *all = pdftotext(pdf, 0, 0);
	int once = 1;
	for (int i = 0; i < N; i++)
		once &= all && count(all, names[i]) == 1;
	ok(once, "each of the 60 invoices is printed once");
	squash(all);
	ok(all && strstr(all, "Total à payer") && strstr(all, "Le service crédit"),
	   "the totals and the end are there");
	free(all);

	char *p1 = pdftotext(pdf, 1, 1), *p2 = pdftotext(pdf, 2, 2);
	ok(p1 && strstr(p1, "Facture") && strstr(p1, "Échéance"), "page 1 has the headings");
	ok(p2 && strstr(p2, "Facture") && strstr(p2, "Échéance") && strstr(p2, "Montant"),
	   "page 2 repeats the headings");
	ok(p2 && strstr(p2, "INV-0060"), "page 2 has the last rows");
	ok(p2 && strstr(p2, "Compte C000123"), "page 2 has a running head");
	char nn[16];
	snprintf(nn, sizeof nn, "2/%d", n);
	ok(p2 && strstr(p2, nn) && p1 && strstr(p1 + 0, "1/"), "the pages are numbered (%s)", nn);
	free(p1);
	free(p2);

	int words, bad = outside_margins(pdf, &words);
	ok(words > 300 && bad == 0, "%d words on %d pages, none past the margins (%d)", words, n, bad);

	/* a body much longer than a page flows over pages too */
	static char body[40000];
	struct sbuf b = {0};
	for (int i = 0; i < 120; i++)
		sbuf_printf(&b, "Paragraphe %d : une phrase assez longue pour remplir une ligne entière de la lettre, "
			     "et même un peu plus.\n\n", i + 1);
	snprintf(body, sizeof body, "%s", b.s);
	sbuf_free(&b);
	l.body_before = body;
	pdf = in_dir("longbody.pdf");
	is_int(letter_pdf_write(&l, pdf, err, sizeof err), 0, "a letter with a long body is written: %s", err);
	bad = outside_margins(pdf, &words);
	ok(pages(pdf) >= 4 && bad == 0, "%d pages, %d words, none past the margins", pages(pdf), words);
	char *text = pdftotext(pdf, 0, 0);
	ok(text && count(text, "Paragraphe 1 :") == 1 && count(text, "Paragraphe 120 :") == 1,
	   "the first and the last paragraph are printed once");
	free(text);
}

static int files_in_dir(void)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while (d && (e = readdir(d)))
		n += e->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

static void test_errors(void)
{
	struct letter l = full_letter();
	char err[256] = "", path[128];
	snprintf(path, sizeof path, "%s/no/such/dir/x.pdf", dir);
	is_int(letter_pdf_write(&l, path, err, sizeof err), -1, "no directory: -1");
	ok(strstr(err, "cannot write ") && strstr(err, path), "the error names the file: %s", err);
	ok(access(path, F_OK) != 0, "and there is no file");

	const char *sub = in_dir("a-directory");
	mkdir(sub, 0755);
	int before = files_in_dir();
	err[0] = '\0';
	is_int(letter_pdf_write(&l, sub, err, sizeof err), -1, "a directory in the way: -1");
	ok(strstr(err, sub) != NULL, "the error names it: %s", err);
	is_int(files_in_dir(), before, "no temporary file is left behind");
	rmdir(sub);

	is_int(letter_pdf_write(&l, path, NULL, 0), -1, "no room for the error: -1 all the same");

	/* a write that fails half way (over the file size limit): cairo's
	 * error, and the temporary file is removed */
	struct rlimit old, small;
	getrlimit(RLIMIT_FSIZE, &old);
	small = old;
	small.rlim_cur = 2000;
	const char *big = in_dir("too-big.pdf");
	fflush(stdout);
	signal(SIGXFSZ, SIG_IGN);
	setrlimit(RLIMIT_FSIZE, &small);
	int rc = letter_pdf_write(&l, big, err, sizeof err);
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, SIG_DFL);
	is_int(rc, -1, "a write that fails half way: -1");
	ok(strstr(err, big) && strstr(err, "File too large"), "the error names the file and why: %s", err);
	ok(access(big, F_OK) != 0, "no file");
	is_int(files_in_dir(), before - 1, "and no temporary file");
}

static void test_empty_and_odd(void)
{
	struct letter none = {0};
	const char *pdf = in_dir("empty.pdf");
	char err[256] = "";
	is_int(letter_pdf_write(&none, pdf, err, sizeof err), 0, "a letter with every field NULL is written");
	ok(starts_pdf(pdf) && pages(pdf) == 1, "a valid PDF of one page");

	struct letter blank = {.company_name = "", .to_name = "", .subject = "", .body_before = "\n\n  \n",
			       .headings = {"", NULL, "", "", ""}, .nrows = 2, .totals = NULL, .ntotals = 3,
			       .pay_line = "", .qr_caption = "", .footer = ""};
	static const struct letter_row empty_rows[2];
	blank.rows = empty_rows;
	is_int(letter_pdf_write(&blank, pdf, err, sizeof err), 0, "a letter of empty strings overwrites it");
	ok(starts_pdf(pdf) && pages(pdf) == 1, "a valid PDF again");

	struct letter bad = full_letter();
	bad.to_name = "Caf\xe9 \xff Dupont";
	bad.subject = "Rappel \xc3";
	is_int(letter_pdf_write(&bad, pdf, err, sizeof err), 0, "invalid UTF-8 is printed repaired, not refused");
	char *text = pdftotext(pdf, 0, 0);
	ok(text && strstr(text, "Dupont"), "the rest of the name is there");
	free(text);
}

static void remove_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.')
			unlink(in_dir(e->d_name));
	if (d)
		closedir(d);
	rmdir(dir);
}

int main(void)
{
	umask(022);
	snprintf(dir, sizeof dir, "/tmp/letter_pdf.XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	make_qr();
	test_full_letter();
	test_many_rows();
	test_errors();
	test_empty_and_odd();
	is_int(files_in_dir(), 4, "only the letters are left: no temporary files");
	if (getenv("LETTER_PDF_KEEP"))
		printf("# kept in %s\n", dir);
	else
		remove_dir();
	return done_testing();
}
