/* company.h — the creditor's own details and the dunning settings of
 * relancerc (`set company-name = ...`, `set sendmail = ...`): what letters
 * and e-mails are signed with and how they leave. The workstation's
 * relancerc reader sets them (ui_config_load). */
#ifndef RELANCE_COMPANY_H
#define RELANCE_COMPANY_H
#include <stdint.h>
#include <stdio.h>

#include "base/lib.h"

struct company {
	char name[128], address[256], vat[32], iban[40], bic[16], email[128], phone[48];
	char legal_form[64];      /* "SRL", "SA", "BV": after the name (CCA art. 2:20) */
	char rpm[64];             /* "RPM Bruxelles", "RPR Gent": the register and the court of the seat */
	char website[128];        /* printed with the legal mentions when given */
	char country[3];          /* whose statutory rate applies by default */
	char city[64];            /* in the letters' date line */
	char sendmail[256];       /* the command e-mails are piped to */
	char sms_command[256];    /* the command an SMS is piped to: $RELANCE_SMS_TO names the number */
	char letters_dir[512];    /* where `dunning run` writes letters */
	char payment_link[256];   /* %r the reference, %a the amount, %c the account; "" none */
	char reference_kind[4];   /* "ogm" or "rf": the kind generated for invoices without one */
	int email_pdf;            /* e-mails carry the letter as a PDF */
	int64_t postage;          /* cents added to a letter's fee */
	int stale_days;           /* working days payments may lag before they are stale; -1 never (book/freshness.h) */
};

extern struct company company;

void company_defaults(void);
/* One setting by name. Returns 0; 1 when the name is not one of these
 * (the caller tries its own); -1 with the reason in why when the value is
 * not acceptable. */
int company_set(const char *name, const char *value, char *why, size_t whylen);
/* The name with its legal form after it ("Relance SRL"), unless the name
 * already ends with it. */
void company_full_name(char *out, size_t size);
/* The kind of reference the book makes for invoices and accounts without
 * one of the ledger's ("ogm" or "rf": payment-reference). */
const char *company_reference_kind(void);
/* The enterprise number, 0123.456.749, when company-vat is a Belgian one
 * (BE0123.456.749, BE 0123 456 749, or the ten digits alone); "" else. */
void company_number(char *out, size_t size);
/* The legal mentions (Code of Companies and Associations art. 2:20) in
 * lang (fr, nl, de; else en), each given one, joined by sep: "Numéro
 * d'entreprise 0123.456.749", company-rpm, "TVA BE0123.456.749" (only
 * when company-vat has a country prefix: it is then the VAT number), and
 * company-website. The name, legal form and seat's address are the
 * letterhead's. */
void company_legal(const char *lang, const char *sep, struct sbuf *out);
/* Writes the settings as relancerc lines. */
void company_dump(FILE *out);
/* Writes a text setting's value as a relancerc line reads it back:
 * quoted, or bare when it holds a quote. */
void config_value_dump(FILE *out, const char *v);

#endif
