/* demo_names.h — the word lists the demo generator draws from: Belgian and
 * French companies, people, places, streets and what collectors write. */
#ifndef RELANCE_DEMO_NAMES_H
#define RELANCE_DEMO_NAMES_H
#include <stddef.h>

struct demo_city {
	const char *name, *postcode, *country, *lang, *phone_prefix;
};

struct demo_list {
	const char *const *items;
	size_t n;
};

enum demo_lang { DEMO_FR, DEMO_NL, DEMO_EN, DEMO_LANGS };

extern const struct demo_city demo_cities[];
extern const size_t demo_ncities;

/* Indexed by enum demo_lang. */
extern const struct demo_list demo_trades[DEMO_LANGS];
extern const struct demo_list demo_surnames[DEMO_LANGS];
extern const struct demo_list demo_first_names[DEMO_LANGS];
extern const struct demo_list demo_streets[DEMO_LANGS];
extern const struct demo_list demo_legal_forms[DEMO_LANGS];
extern const struct demo_list demo_notes[DEMO_LANGS];
extern const struct demo_list demo_call_notes[DEMO_LANGS];
extern const struct demo_list demo_tasks[DEMO_LANGS];
extern const struct demo_list demo_foreign_surnames;

struct demo_collector {
	const char *login, *name, *email;
};
extern const struct demo_collector demo_collectors[];
extern const size_t demo_ncollectors;

#endif
