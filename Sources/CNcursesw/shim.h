#ifndef OVERSIGHT_CNCURSESW_SHIM_H
#define OVERSIGHT_CNCURSESW_SHIM_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, which is what turns on the wide API:
   without this define get_wch and mvaddwstr are invisible to Swift. */
#define NCURSES_WIDECHAR 1

#include <errno.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Macros Swift cannot import, wrapped as functions. */
static inline int cnc_getmaxy(void) { int y, x; getmaxyx(stdscr, y, x); (void)x; return y; }
static inline int cnc_getmaxx(void) { int y, x; getmaxyx(stdscr, y, x); (void)y; return x; }
static inline attr_t cnc_a_normal(void) { return A_NORMAL; }
static inline attr_t cnc_a_bold(void) { return A_BOLD; }
static inline attr_t cnc_a_reverse(void) { return A_REVERSE; }
static inline attr_t cnc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cnc_a_dim(void) { return A_DIM; }
static inline int cnc_key_f(int n) { return KEY_F(n); }
static inline int cnc_color_pair(int n) { return COLOR_PAIR(n); }

/* The curses globals, read through functions so Swift 6 sees no shared mutable state. */
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }
static inline int cnc_colors(void) { return COLORS; }

/* Signals: the handler only writes the signal number down a pipe (write(2) is async-signal-safe);
   the input loop polls that pipe beside the keyboard and restores the terminal itself.
   Only one Swift file includes this header's functions, so the static state has one copy. */
static int cnc_signal_fd = -1;

static void cnc_on_signal(int signal_number) {
    int saved = errno;
    unsigned char byte = (unsigned char)signal_number;
    if (cnc_signal_fd >= 0) { ssize_t ignored = write(cnc_signal_fd, &byte, 1); (void)ignored; }
    errno = saved;
}

/* Routes SIGINT, SIGTERM and SIGHUP to the pipe. No SA_RESTART: a blocked poll wakes with EINTR. */
static inline int cnc_install_signal_pipe(int write_fd) {
    cnc_signal_fd = write_fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cnc_on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    if (sigaction(SIGINT, &action, NULL) != 0) return -1;
    if (sigaction(SIGTERM, &action, NULL) != 0) return -1;
    if (sigaction(SIGHUP, &action, NULL) != 0) return -1;
    /* A parent may have started us with signals blocked (threaded launchers do): unblock the ones
       the console relies on, or Ctrl-C, kill, resize and suspend would never arrive. */
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGWINCH);
    sigaddset(&wanted, SIGTSTP);
    sigaddset(&wanted, SIGCONT);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
    return 0;
}

/* Puts the default actions back (after the terminal is restored). */
static inline void cnc_restore_signals(void) {
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    cnc_signal_fd = -1;
}

/* The character set the locale encodes text in ("UTF-8", "ANSI_X3.4-1968" ...). */
static inline const char *cnc_codeset(void) { return nl_langinfo(CODESET); }

#endif
