/* lib.h — the cli library. The command line: main, the table of
 * subcommands and the options they share, one file per family of commands.
 * Every command calls the libraries below; none holds a rule of its own.
 * It uses every library and the workstation (ui/lib.h); nothing uses it. */
#ifndef RELANCE_CLI_LIB_H
#define RELANCE_CLI_LIB_H

#include "cli.h" /* the subcommands and their option reader */

#endif
