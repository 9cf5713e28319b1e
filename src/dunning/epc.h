/* epc.h — the EPC QR code payload (EPC069-12, version 002, UTF-8): the
 * "SEPA credit transfer" text a banking app reads from a QR code. */
#ifndef RELANCE_EPC_H
#define RELANCE_EPC_H
#include <stddef.h>
#include <stdint.h>

#include "base/lib.h"

#define EPC_MAX_BYTES 331

struct epc {
	const char *bic;       /* 8 or 11 characters; "" or NULL: left out (allowed in version 002) */
	const char *name;      /* the beneficiary: cut to 70 characters */
	const char *iban;
	int64_t cents;         /* 0: no amount (the payer types it) */
	const char *purpose;   /* 4 letters, or NULL */
	const char *reference; /* structured: an RF creditor reference or an OGM (written as its
				* 12 digits), or NULL */
	const char *text;      /* free text (≤ 140), used when there is no structured reference */
	const char *info;      /* a note to the payer (≤ 70), or NULL */
};

/* Writes the payload (lines separated by '\n', no final newline; the
 * optional lines that are empty at the end are left out) to out.
 * Returns 0, or -1 with the reason in err: no name or IBAN, a BIC that is
 * not of 8 or 11 characters, an amount out of 0.01–999999999.99, a
 * reference that is neither RF nor OGM, a field too long, or a payload over 331
 * bytes. */
int epc_payload(const struct epc *e, struct sbuf *out, char *err, size_t errlen);

#endif
