#ifndef OVERSIGHT_CNCURSESW_SHIM_H
#define OVERSIGHT_CNCURSESW_SHIM_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, which is what turns on the wide API:
   without this define get_wch and mvaddwstr are invisible to Swift. */
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
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

#endif
