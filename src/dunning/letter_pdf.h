/* letter_pdf.h — a dunning letter as a PDF ready to print (A4, window
 * envelope layout): letterhead, address, subject, text, the invoice table,
 * totals, the payment reference and the EPC QR code. Text is laid out by
 * pango on cairo's PDF surface; every string arrives ready to print. */
#ifndef RELANCE_LETTER_PDF_H
#define RELANCE_LETTER_PDF_H
#include <stddef.h>

#include "qr.h"

struct letter_row {
	const char *cells[5];     /* invoice, issue date, due date, amount, open */
};

struct letter_total {
	const char *label, *amount; /* "Interest (10.50 %)", "12.34" */
	int strong;               /* the line to pay: bold */
};

/* Every string may be NULL or "" and is then left out (with its line);
 * strings are UTF-8, printed as they are (never read as markup); invalid
 * bytes print as U+FFFD. Labels are the caller's ("TVA BE0123..."), except
 * "IBAN" and "BIC", which the footer adds. */
struct letter {
	/* letterhead */
	const char *company_name, *company_address; /* address: lines separated by '\n' */
	/* company_vat: the legal mentions under the address, labelled, lines
	 * separated by '\n' ("Numéro d'entreprise 0123.456.749\nRPM
	 * Bruxelles\nTVA BE0123.456.749") */
	const char *company_vat, *company_iban, *company_bic, *company_email, *company_phone;
	/* the debtor, as printed in the envelope window */
	const char *to_name, *to_address;          /* lines separated by '\n' */
	const char *account_line;                  /* "Account C000123" (localised) */
	const char *date_line;                     /* "Brussels, 24 November 2026" */
	const char *mark;                          /* "REGISTERED" or NULL */
	const char *subject;
	const char *body_before, *body_after;      /* paragraphs separated by a blank line */
	const char *headings[5];                   /* the table's headings */
	const struct letter_row *rows;
	size_t nrows;
	const struct letter_total *totals;
	size_t ntotals;
	const char *pay_line;                      /* "Please pay 123.45 EUR to BE.. with ..." */
	const struct qr *qr;                       /* NULL: no code */
	const char *qr_caption;                    /* "Scan to pay" */
	const char *footer;                        /* small print at the foot, or NULL */
};

/* Writes the letter to path (a new file, mode 0600: it names its debtor):
 * written whole under a temporary name in the same directory, then renamed
 * over path. Returns 0, or -1 with "cannot write PATH: reason" in err (err
 * may be NULL) and no file left behind: an existing path stays as it was. */
int letter_pdf_write(const struct letter *l, const char *path, char *err, size_t errlen);

#endif
