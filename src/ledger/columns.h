/* columns.h — finding an import file's columns by their header names:
 * canonical names, and the French, Dutch, English (and some German)
 * spellings accounting packages use, compared case- and accent-blind with
 * punctuation ignored ("N° facture" = "nfacture"). */
#ifndef RELANCE_COLUMNS_H
#define RELANCE_COLUMNS_H
#include <stddef.h>

#include "base/lib.h"

struct column_def {
	const char *name;     /* canonical: "invoice_no" */
	int required;
	const char *synonyms; /* '|'-separated spellings */
};

/* A user's --map canonical=Header. */
struct column_override {
	const char *canonical;
	const char *header;
};

#define COLUMNS_MAX 32

/* Spellings shared by several kinds of file. */
#define ACCOUNT_SYNONYMS \
	"account no|account number|account|customer no|customer number|customer|customer id|" \
	"customer code|client|client no|n° client|numéro client|numéro de client|code client|" \
	"compte|compte client|klant|klantnummer|klantnr|klantcode|debiteur|debiteurnummer|" \
	"debiteurnr|debtor|debtor no|kundennummer|tiers|code tiers"
#define INVOICE_SYNONYMS \
	"invoice no|invoice number|invoice|document no|document number|doc no|n° facture|" \
	"no facture|numéro facture|numéro de facture|facture|n° pièce|numéro pièce|pièce|" \
	"factuurnummer|factuurnr|factuur|documentnummer|rechnungsnummer|belegnummer"
#define CURRENCY_SYNONYMS "cur|ccy|devise|monnaie|munt|valuta|währung"

/* Fills idx[c] with the header position of column c (-1 when absent).
 * Writes warnings for ignored duplicates through warn(). Returns the number
 * of required columns missing (their names listed in `missing`). */
int columns_map(const struct column_def *defs, size_t ndefs,
		const struct csv_field *header, size_t nheader,
		const struct column_override *ov, size_t nov,
		int idx[COLUMNS_MAX], char *missing, size_t missing_size,
		void (*warn)(void *ctx, const char *msg), void *ctx);

/* Normalises a header name into out: folded, lower case, letters and digits. */
void columns_normalise(const char *s, size_t n, char *out, size_t size);

#endif
