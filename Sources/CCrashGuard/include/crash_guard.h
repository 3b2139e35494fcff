#ifndef OVERSIGHT_CRASH_GUARD_H
#define OVERSIGHT_CRASH_GUARD_H

/* A crash (a Swift runtime trap, a segfault, an abort) ends the process without unwinding, so
   nothing in Swift can give the terminal back. See crash_guard.c. */

/* Call before curses starts: saves the terminal's modes from `tty_fd`, sends standard error to
   `log_fd` (when >= 0; `log_path` is named in the message) and installs the crash handlers, which
   write their message to `out_fd`. */
void ocg_install(int tty_fd, int out_fd, int log_fd, const char *log_path);

/* After curses has given the terminal back: the previous handlers and standard error as they were. */
void ocg_remove(void);

#endif
