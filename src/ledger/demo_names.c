/* demo_names.c — word lists for the demo book. Accents, apostrophes and
 * names from several languages on purpose: the demo is also a test of how
 * names travel through the program. */
#include "demo_names.h"

#define LIST(...) { (const char *const[]){__VA_ARGS__}, \
		    sizeof (const char *const[]){__VA_ARGS__} / sizeof(const char *) }

const struct demo_city demo_cities[] = {
	{"Bruxelles", "1000", "BE", "fr", "+32 2"}, {"Ixelles", "1050", "BE", "fr", "+32 2"},
	{"Schaerbeek", "1030", "BE", "fr", "+32 2"}, {"Liège", "4000", "BE", "fr", "+32 4"},
	{"Namur", "5000", "BE", "fr", "+32 81"}, {"Charleroi", "6000", "BE", "fr", "+32 71"},
	{"Mons", "7000", "BE", "fr", "+32 65"}, {"Wavre", "1300", "BE", "fr", "+32 10"},
	{"Louvain-la-Neuve", "1348", "BE", "fr", "+32 10"}, {"Arlon", "6700", "BE", "fr", "+32 63"},
	{"Tournai", "7500", "BE", "fr", "+32 69"}, {"Verviers", "4800", "BE", "fr", "+32 87"},
	{"Antwerpen", "2000", "BE", "nl", "+32 3"}, {"Gent", "9000", "BE", "nl", "+32 9"},
	{"Brugge", "8000", "BE", "nl", "+32 50"}, {"Leuven", "3000", "BE", "nl", "+32 16"},
	{"Mechelen", "2800", "BE", "nl", "+32 15"}, {"Hasselt", "3500", "BE", "nl", "+32 11"},
	{"Kortrijk", "8500", "BE", "nl", "+32 56"}, {"Aalst", "9300", "BE", "nl", "+32 53"},
	{"Oostende", "8400", "BE", "nl", "+32 59"}, {"Sint-Niklaas", "9100", "BE", "nl", "+32 3"},
	{"Genk", "3600", "BE", "nl", "+32 89"}, {"Roeselare", "8800", "BE", "nl", "+32 51"},
	{"Paris", "75011", "FR", "fr", "+33 1"}, {"Lyon", "69003", "FR", "fr", "+33 4"},
	{"Lille", "59000", "FR", "fr", "+33 3"}, {"Roubaix", "59100", "FR", "fr", "+33 3"},
	{"Reims", "51100", "FR", "fr", "+33 3"}, {"Nantes", "44000", "FR", "fr", "+33 2"},
	{"Luxembourg", "1009", "LU", "fr", "+352"}, {"London", "EC1A 1BB", "GB", "en", "+44 20"},
	{"Dublin", "D02 X285", "IE", "en", "+353 1"},
};
const size_t demo_ncities = sizeof demo_cities / sizeof *demo_cities;

const struct demo_list demo_trades[DEMO_LANGS] = {
	LIST("Boulangerie", "Brasserie", "Garage", "Imprimerie", "Menuiserie", "Transports",
	     "Pharmacie", "Librairie", "Fromagerie", "Atelier", "Cabinet", "Quincaillerie",
	     "Société", "Établissements", "Chocolaterie", "Pâtisserie", "Électricité",
	     "Toiture", "Café", "Hôtel"),
	LIST("Bakkerij", "Brouwerij", "Garage", "Drukkerij", "Schrijnwerkerij", "Transport",
	     "Apotheek", "Boekhandel", "Kaasmakerij", "Bouwbedrijf", "Tuinaanleg", "Slagerij",
	     "Brasserie", "Elektro", "Loodgieterij", "Dakwerken", "Café", "Hotel"),
	LIST("Bakery", "Brewery", "Motors", "Printing", "Joinery", "Logistics", "Pharmacy",
	     "Books", "Builders", "Gardens", "Electrical", "Roofing"),
};

const struct demo_list demo_surnames[DEMO_LANGS] = {
	LIST("Dubois", "Lambert", "Dupont", "Lefèvre", "Martin", "Leroy", "Moreau", "Fontaine",
	     "Lemaître", "Rousseau", "Girard", "Mercier", "Dumont", "Lejeune", "Renard",
	     "Gauthier", "Noël", "Benoît", "Lecomte", "Delvaux", "Gérard", "Hénin", "Collignon",
	     "Piérard", "Thiry", "Wéry", "Lhoëst"),
	LIST("Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
	     "Wouters", "De Smet", "Vermeulen", "Van den Bossche", "De Koninck", "Vandenberghe",
	     "Desmet", "Hermans", "Dewulf", "Van Damme", "Verhaegen", "Coppens", "D'Hondt",
	     "Van Acker", "Geëlen", "Rooseboom"),
	LIST("Smith", "O'Brien", "Walsh", "Murphy", "Taylor", "Brown", "Kelly", "Byrne"),
};

const struct demo_list demo_foreign_surnames =
	LIST("Müller", "Schäfer", "Åström", "Jürgens", "García", "Nowak", "Øberg", "Nguyễn");

const struct demo_list demo_first_names[DEMO_LANGS] = {
	LIST("Hélène", "Jérôme", "Benoît", "François", "Anaïs", "Maëlle", "Léa", "Zoë", "Céline",
	     "Éric", "Chloé", "Loïc", "Agnès", "Frédéric", "Amélie", "Michel", "Nathalie"),
	LIST("Koen", "Els", "Liesbeth", "Joke", "Wouter", "Sofie", "Bart", "Griet", "Pieter",
	     "Jolien", "Maarten", "Inès", "Jens", "Ellen", "Stijn", "Anouk"),
	LIST("Sarah", "James", "Siobhán", "Liam", "Emma", "Oliver"),
};

const struct demo_list demo_streets[DEMO_LANGS] = {
	LIST("Rue de la Station", "Avenue Louise", "Chaussée de Waterloo", "Rue du Marché",
	     "Place Saint-Lambert", "Boulevard d'Avroy", "Rue de l'Église", "Rue des Wallons",
	     "Avenue de la Gare", "Rue Haute"),
	LIST("Stationsstraat", "Kerkstraat", "Meir", "Veldstraat", "Grote Markt", "Dorpsstraat",
	     "Molenstraat", "Nieuwstraat", "Brugsesteenweg", "Schoolstraat"),
	LIST("High Street", "Church Road", "Station Road", "Main Street", "Mill Lane"),
};

const struct demo_list demo_legal_forms[DEMO_LANGS] = {
	LIST("SA", "SRL", "SPRL", "SNC", "& Fils", "Frères", "et Cie", "SARL", "SAS"),
	LIST("NV", "BV", "BVBA", "CommV", "& Zonen", "VOF"),
	LIST("Ltd", "Limited", "& Sons", "plc"),
};

const struct demo_list demo_notes[DEMO_LANGS] = {
	LIST("Client en congé jusqu'à la fin du mois.",
	     "Demande un duplicata de la facture par e-mail.",
	     "Attend le paiement de son propre client pour régler.",
	     "Trésorerie tendue : propose un plan de paiement.",
	     "Nouvelle adresse de facturation communiquée.",
	     "Le comptable est la personne à contacter désormais."),
	LIST("Klant met verlof tot eind van de maand.",
	     "Vraagt een duplicaat van de factuur per e-mail.",
	     "Wacht op betaling van de eigen klant.",
	     "Krappe kas: stelt een afbetalingsplan voor.",
	     "Nieuw facturatieadres doorgegeven.",
	     "De boekhouder is voortaan de contactpersoon."),
	LIST("Customer on holiday until the end of the month.",
	     "Asked for a copy of the invoice by e-mail.",
	     "Waiting for their own customer to pay.",
	     "Cash is tight: suggests a payment plan."),
};

const struct demo_list demo_call_notes[DEMO_LANGS] = {
	LIST("Paiement prévu cette semaine.", "Rappeler vendredi.", "Facture bien reçue.",
	     "Conteste le prix de la dernière livraison.", ""),
	LIST("Betaling gepland deze week.", "Vrijdag terugbellen.", "Factuur goed ontvangen.",
	     "Betwist de prijs van de laatste levering.", ""),
	LIST("Payment planned this week.", "Call back on Friday.", "Invoice received.", ""),
};

const struct demo_list demo_tasks[DEMO_LANGS] = {
	LIST("Rappeler le client", "Vérifier la réception du paiement", "Envoyer le duplicata"),
	LIST("Klant terugbellen", "Betaling nakijken", "Duplicaat versturen"),
	LIST("Call the customer back", "Check the payment arrived", "Send the copy invoice"),
};

const struct demo_collector demo_collectors[] = {
	{"amartin", "Anne Martin", "anne.martin@example.be"},
	{"jpeeters", "Jan Peeters", "jan.peeters@example.be"},
	{"sdubois", "Sophie Dubois", "sophie.dubois@example.be"},
	{"kclaes", "Koen Claes", "koen.claes@example.be"},
};
const size_t demo_ncollectors = sizeof demo_collectors / sizeof *demo_collectors;
