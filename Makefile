# relance — build, test, benchmark and install.
#   make            build ./relance
#   make check      build and run every test through prove (SANITIZE=1: with ASan+UBSan)
#   make run        build, create a demo book if there is none, open the workstation on it
#   make bench      build a 100,000-account book and time it against sqlite3
#   make fuzz       build the libFuzzer targets of tests/fuzz (clang, in build/fuzz)
#                   and run each once over its seed corpus; FUZZ_SECONDS=N fuzzes
#                   each for N seconds (2 s timeout) and fails on a crash, leak or
#                   hang, keeping the input under build/fuzz/crashes/
#   make install    PREFIX=/usr/local DESTDIR=
# Missing build dependencies are installed with apt-get when run as root;
# otherwise the exact apt-get line is printed and make stops.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/relance
LIBDIR  ?= $(PREFIX)/lib
CC      ?= cc
FUZZ_CC ?= clang
PKG_CONFIG ?= pkg-config
V ?= 0

ifeq ($(FUZZ),1)
# the libraries as make fuzz links them into its targets (tests/fuzz)
BUILD   := build/fuzz
CC      := $(FUZZ_CC)
SANFLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
OPT     := -O1 -g
else ifeq ($(SANITIZE),1)
BUILD   := build/san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
OPT     := -O1 -g
else
BUILD   := build/release
SANFLAGS :=
OPT     ?= -O2 -g
endif

BIN      := $(BUILD)/relance
WARN     := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
PKGS     := ncursesw sqlite3 nettle glib-2.0 cairo pangocairo libqrencode gmime-3.0 libxml-2.0
# the program links these; cairo, Pango and GMime (and the forty libraries
# they bring, GLib among them) are relance-media.so's, loaded when a letter,
# a chart or a mail is made (src/base/module.h): a command starts without them
BIN_PKGS := libqrencode
# SQLite, ncurses and Nettle from their -dev packages' static archives: as shared
# libraries their relocations cost a million and a half instructions at
# each start, more than the rest of a command's start together (an update
# of one of them means relinking relance)
STATIC_LIBS := -Wl,-Bstatic $$($(PKG_CONFIG) --libs sqlite3 nettle) $$($(PKG_CONFIG) --static --libs ncursesw) -Wl,-Bdynamic
MEDIA_PKGS := cairo pangocairo gmime-3.0
# libxml2 (and the ICU and libstdc++ it brings: 4 M instructions to load)
# is relance-xml.so's, loaded when a camt file is read or written
XML_PKGS := libxml-2.0
# src/ sees sqlite3, Nettle (hashes and MACs), the letter libraries (PDF, text
# layout, QR) and the e-mail one (GMime), never ncurses
SRC_PKGS := sqlite3 nettle glib-2.0 cairo pangocairo libqrencode gmime-3.0 libxml-2.0
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc -I. -I$(BUILD)
# changesets (sqlite3session_*, sqlite3changeset_*): in Debian's libsqlite3
CPPFLAGS += -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK
CFLAGS   += -std=c17 $(OPT) $(WARN) $(SANFLAGS)
LDFLAGS  += $(SANFLAGS)

# iconv lives in glibc; other systems need -liconv.
ICONV_LIB = $(shell printf '#include <iconv.h>\nint main(void){iconv_t c=iconv_open("UTF-8","CP1252");return c==(iconv_t)-1;}\n' \
	| $(CC) -x c - -o /dev/null 2>/dev/null || echo -liconv)

# src/LIB/*.c: the libraries (src/tools/ holds scripts, no C)
# MEDIA_SRC: relance-media.so; CALL_SRC: the program's side of it, which the
# tests and fuzzers do without (they link MEDIA_SRC's objects themselves)
MEDIA_SRC := src/dunning/letter_pdf.c src/dunning/qr_png.c src/dunning/mime.c src/report/png.c \
	     src/base/module_abi.c
# XML_SRC: relance-xml.so, the same way (src/bank/camt_call.c calls it)
XML_SRC  := src/bank/camt.c src/bank/camt_write.c
CALL_SRC := src/dunning/media_calls.c src/report/png_call.c src/bank/camt_call.c
SRC      := $(filter-out $(MEDIA_SRC) $(XML_SRC) $(CALL_SRC),$(wildcard src/*.c src/*/*.c))
UI_SRC   := $(wildcard ui/*.c)
OBJ      := $(SRC:src/%.c=$(BUILD)/src/%.o) $(UI_SRC:ui/%.c=$(BUILD)/ui/%.o) $(BUILD)/schema_sql.o \
	    $(BUILD)/default_theme.o $(BUILD)/templates.o $(BUILD)/rates.o
MEDIA_OBJ := $(MEDIA_SRC:src/%.c=$(BUILD)/src/%.o)
CALL_OBJ := $(CALL_SRC:src/%.c=$(BUILD)/src/%.o)
MEDIA_SO := $(BUILD)/relance-media.so
XML_OBJ  := $(XML_SRC:src/%.c=$(BUILD)/src/%.o)
XML_SO   := $(BUILD)/relance-xml.so
LIBOBJ   := $(filter-out %/main.o %/module.o,$(OBJ)) $(MEDIA_OBJ) $(XML_OBJ)
UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_T   := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%.t)
MIGRATIONS := data/schema.sql $(sort $(wildcard data/migrations/*.sql))

ifeq ($(V),1)
Q :=
else
Q := @
endif

.PHONY: all check run bench fuzz fuzz-targets install uninstall clean deps deps-test deps-fuzz
all: deps ./relance

# a link, so that the program finds relance-media.so beside its real self
./relance: $(BIN) $(MEDIA_SO) $(XML_SO)
	$(Q)ln -sfn $(BIN) $@

# --- dependencies -----------------------------------------------------------
# Each entry: a check command and the Debian package that satisfies it.
DEPS_BUILD := "command -v $(CC)":gcc "command -v make":make "command -v $(PKG_CONFIG)":pkg-config \
	"$(PKG_CONFIG) --exists ncursesw":libncurses-dev "$(PKG_CONFIG) --exists sqlite3":libsqlite3-dev \
	"$(PKG_CONFIG) --exists glib-2.0":libglib2.0-dev "$(PKG_CONFIG) --exists nettle":nettle-dev \
	"$(PKG_CONFIG) --exists cairo":libcairo2-dev "$(PKG_CONFIG) --exists pangocairo":libpango1.0-dev \
	"$(PKG_CONFIG) --exists libqrencode":libqrencode-dev \
	"$(PKG_CONFIG) --exists gmime-3.0":libgmime-3.0-dev "$(PKG_CONFIG) --exists libxml-2.0":libxml2-dev \
	"test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf":fonts-dejavu-core
DEPS_TEST  := "command -v prove":perl "command -v tmux":tmux "command -v sqlite3":sqlite3 "command -v openssl":openssl \
	"test -x /usr/bin/time":time "command -v zbarimg":zbar-tools "command -v pdftotext":poppler-utils \
	"command -v valgrind":valgrind
deps:
	$(Q)sh src/tools/deps.sh $(DEPS_BUILD)
# make fuzz only: clang and its libFuzzer runtime
DEPS_FUZZ  := "command -v $(FUZZ_CC)":clang \
	"printf 'int LLVMFuzzerTestOneInput(const char *d, long n){return 0;}' | $(FUZZ_CC) -fsanitize=fuzzer -x c - -o /dev/null":libclang-rt-dev
deps-test: deps
	$(Q)sh src/tools/deps.sh $(DEPS_BUILD) $(DEPS_TEST)
deps-fuzz:
	$(Q)sh src/tools/deps.sh $(DEPS_BUILD) $(DEPS_FUZZ)
# Nothing compiles before the build's packages are there (make -j).
$(OBJ) $(MEDIA_OBJ) $(XML_OBJ) $(CALL_OBJ) $(UNIT_T): | deps

# --- build ------------------------------------------------------------------
# The program exports its functions (-rdynamic) for the module to call;
# the module binds its own to itself (-Bsymbolic): the program's
# media_calls.c bear the same names.
$(BIN): $(OBJ) $(CALL_OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -rdynamic -o $@ $(OBJ) $(CALL_OBJ) $(STATIC_LIBS) $$($(PKG_CONFIG) --libs $(BIN_PKGS)) $(ICONV_LIB) -lm
$(MEDIA_SO): $(MEDIA_OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -shared -Wl,-Bsymbolic -o $@ $(MEDIA_OBJ) $$($(PKG_CONFIG) --libs $(MEDIA_PKGS))
$(XML_SO): $(XML_OBJ) $(BUILD)/src/base/module_abi.o
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -shared -Wl,-Bsymbolic -o $@ $(XML_OBJ) $(BUILD)/src/base/module_abi.o $$($(PKG_CONFIG) --libs $(XML_PKGS))
$(MEDIA_OBJ) $(XML_OBJ): CFLAGS += -fPIC
$(BUILD)/src/base/module.o: CPPFLAGS += -DRELANCE_LIBDIR='"$(LIBDIR)/relance"'

$(BUILD)/src/%.o: src/%.c | $(BUILD)/src
	@echo "  CC      $<"
	$(Q)mkdir -p $(@D) && $(CC) $(CPPFLAGS) $(CFLAGS) $$($(PKG_CONFIG) --cflags $(SRC_PKGS)) -MMD -MP -c -o $@ $<

# ui/ may include ncurses; src/ never does (it is not given the flags).
UI_DEFS := -DRELANCE_THEMES_DIR='"$(DATADIR)/themes"' -DRELANCE_CONFIG_DIR='"$(DATADIR)"' \
	   -DRELANCE_SOURCE_THEMES='"$(CURDIR)/themes"'
$(BUILD)/ui/%.o: ui/%.c | $(BUILD)/ui
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) -Iui $(UI_DEFS) $(CFLAGS) $$($(PKG_CONFIG) --cflags $(PKGS)) -MMD -MP -c -o $@ $<

# The schema and its migrations are compiled in: one C string per file, in order.
$(BUILD)/schema_sql.c: $(MIGRATIONS) src/tools/embed.sh | $(BUILD)/src
	@echo "  EMBED   $(MIGRATIONS)"
	$(Q)sh src/tools/embed.sh relance_migrations $(MIGRATIONS) > $@.tmp && mv $@.tmp $@
# The built-in colours are themes/default: the two can never differ.
$(BUILD)/default_theme.c: themes/default src/tools/embed.sh | $(BUILD)/src
	$(Q)sh src/tools/embed.sh relance_default_theme themes/default > $@.tmp && mv $@.tmp $@
# The message templates: data/templates/LANG/NAME.txt, found by their path.
TEMPLATES := $(sort $(wildcard data/templates/*/*.txt))
$(BUILD)/templates.c: $(TEMPLATES) src/tools/embed.sh | $(BUILD)/src
	$(Q)sh src/tools/embed.sh relance_templates $(TEMPLATES) > $@.tmp && mv $@.tmp $@
# The statutory interest rates: data/interest-rates.tsv, checked as it is read.
$(BUILD)/rates.c: data/interest-rates.tsv src/tools/rates.sh | $(BUILD)/src
	$(Q)sh src/tools/rates.sh data/interest-rates.tsv > $@.tmp && mv $@.tmp $@
$(BUILD)/%.o: $(BUILD)/%.c
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-overlength-strings -c -o $@ $<

$(BUILD)/tests/%.t: tests/unit/%.c $(LIBOBJ) tests/lib/tap.h | $(BUILD)/tests
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) -Itests/lib $(CFLAGS) $$($(PKG_CONFIG) --cflags $(SRC_PKGS)) -o $@ $< $(LIBOBJ) $$($(PKG_CONFIG) --libs $(PKGS)) $(ICONV_LIB) -lm

$(BUILD)/src $(BUILD)/ui $(BUILD)/tests:
	$(Q)mkdir -p $@

-include $(OBJ:.o=.d) $(MEDIA_OBJ:.o=.d) $(XML_OBJ:.o=.d) $(CALL_OBJ:.o=.d)

# --- test -------------------------------------------------------------------
ifeq ($(SANITIZE),1)
CHECK_BIN := $(BIN)
export ASAN_OPTIONS := abort_on_error=0:detect_leaks=1
export UBSAN_OPTIONS := print_stacktrace=1:halt_on_error=1
# fontconfig keeps its configuration for the process's life (tests/lib/lsan.supp);
# glib's slice allocator would hide real leaks from LeakSanitizer
export LSAN_OPTIONS := suppressions=$(CURDIR)/tests/lib/lsan.supp:print_suppressions=0
export G_SLICE := always-malloc
else
CHECK_BIN := ./relance $(BIN)
endif
check: deps-test $(CHECK_BIN) $(MEDIA_SO) $(XML_SO) $(UNIT_T)
	$(Q)RELANCE=$(CURDIR)/$(BIN) TESTS_DATA=$(CURDIR)/tests/data sh tests/lib/hermetic.sh --run \
	  prove -j2 -f --exec '' $(UNIT_T) tests/cli/*.t tests/screen/*.t

# --- fuzz -------------------------------------------------------------------
# tests/fuzz/NAME.c: one libFuzzer target each, seeds in tests/fuzz/corpus/NAME/.
# The libraries are built again by clang into build/fuzz (FUZZ=1 above).
FUZZ_SRC := $(wildcard tests/fuzz/*.c)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/fuzz/%)
fuzz: deps-fuzz
	$(Q)$(MAKE) --no-print-directory FUZZ=1 fuzz-targets
	$(Q)sh tests/fuzz/run.sh build/fuzz "$(FUZZ_SECONDS)" $(FUZZ_BIN)
fuzz-targets: $(FUZZ_BIN)
build/fuzz/fuzz/%: tests/fuzz/%.c tests/lib/fuzz.c tests/lib/fuzz.h $(LIBOBJ)
	@echo "  FUZZ    $<"
	$(Q)mkdir -p $(@D) && $(CC) $(CPPFLAGS) -Itests/lib $(CFLAGS) $$($(PKG_CONFIG) --cflags $(SRC_PKGS)) \
	  -fsanitize=fuzzer -o $@ $< tests/lib/fuzz.c $(LIBOBJ) $$($(PKG_CONFIG) --libs $(PKGS)) $(ICONV_LIB) -lm

# --- run --------------------------------------------------------------------
RUN_DB ?= build/demo.db
# The demo's collectors are amartin, jpeeters, sdubois and kclaes: the
# workstation opens on all of them. Without a terminal, the queue is printed.
run: deps ./relance
	$(Q)[ -f $(RUN_DB) ] || ./relance -d $(RUN_DB) demo
	$(Q)if [ -t 0 ] && [ -t 1 ]; then ./relance -d $(RUN_DB) --all; \
	else ./relance -d $(RUN_DB) queue --all | head -40; fi

# --- bench ------------------------------------------------------------------
BENCH_ACCOUNTS ?= 100000
bench: deps-test ./relance
	$(Q)sh tests/bench.sh ./relance $(BENCH_ACCOUNTS)

# --- install ----------------------------------------------------------------
install: ./relance
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(DATADIR)/data $(DESTDIR)$(DATADIR)/themes
	install -m 755 ./relance $(DESTDIR)$(BINDIR)/relance
	install -d $(DESTDIR)$(LIBDIR)/relance
	install -m 644 $(MEDIA_SO) $(XML_SO) $(DESTDIR)$(LIBDIR)/relance/
	install -m 644 man/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 man/*.5 $(DESTDIR)$(MANDIR)/man5/
	install -m 644 data/*.sql $(DESTDIR)$(DATADIR)/data/
	install -d $(DESTDIR)$(DATADIR)/data/migrations
	install -m 644 data/migrations/*.sql $(DESTDIR)$(DATADIR)/data/migrations/
	for f in themes/*; do [ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(DATADIR)/themes/; done; true

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/relance $(DESTDIR)$(MANDIR)/man1/relance.1 $(DESTDIR)$(MANDIR)/man5/relancerc.5
	rm -rf $(DESTDIR)$(LIBDIR)/relance
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build ./relance ./relance.tmp
