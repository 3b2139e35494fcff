#include "crash_guard.h"

#include <execinfo.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* The console's crash guard. On a crash signal it does the async-signal-safe part of restoring the
   terminal: the modes saved before curses started (tcsetattr), bracketed paste off, attributes
   reset, the cursor shown, the alternate screen left, and a line saying what happened, all with
   write(2). It writes a backtrace to the console log (backtrace_symbols_fd, which does not
   allocate), then raises the signal again with the default action, so the process ends as a crash
   (with a core dump where they are enabled).
   While curses runs, standard error goes to the console log, so the Swift runtime's own message
   ("Fatal error: …") is kept there instead of being drawn over the screen and lost with it.
   The runtime's interactive backtracer is not chained to: it would print a source listing over
   the user's terminal and wait for a key. The log's backtrace is for whoever fixes the bug. */

enum { SIGNAL_COUNT = 6 };
static const int crash_signals[SIGNAL_COUNT] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
static struct sigaction previous[SIGNAL_COUNT];
static struct termios saved_modes;
static int tty = -1;
static int out = -1;
static int saved_stderr = -1;
static int installed = 0;
static char log_path_copy[1024];

static void write_all(int fd, const char *text) {
    size_t length = strlen(text);
    while (length > 0) {
        ssize_t written = write(fd, text, length);
        if (written <= 0) return;
        text += written;
        length -= (size_t)written;
    }
}

/* `value` in decimal, in `buffer` (12 bytes); snprintf is not async-signal-safe. */
static const char *decimal(int value, char *buffer) {
    char *end = buffer + 11;
    *end = 0;
    unsigned magnitude = value < 0 ? 0u - (unsigned)value : (unsigned)value;
    do { *--end = (char)('0' + magnitude % 10); magnitude /= 10; } while (magnitude > 0);
    if (value < 0) *--end = '-';
    return end;
}

static void on_crash(int signal_number) {
    if (tty >= 0) tcsetattr(tty, TCSANOW, &saved_modes);
    if (out >= 0) {
        write_all(out, "\033[?2004l\033[0m\033[?25h\033[?1049l\r\n"
                       "oversight stopped unexpectedly. This is a bug, not a problem with your data: every change "
                       "it said was saved is on disk. Run oversight again to carry on.\r\n");
        if (log_path_copy[0] != 0) {
            write_all(out, "What happened is in ");
            write_all(out, log_path_copy);
            write_all(out, "\r\n");
        }
    }
    if (saved_stderr >= 0) {
        void *frames[64];
        int count = backtrace(frames, 64);
        char number[12];
        write_all(STDERR_FILENO, "crashed with signal ");
        write_all(STDERR_FILENO, decimal(signal_number, number));
        write_all(STDERR_FILENO, "; backtrace (addr2line -e <the oversight binary> turns offsets into lines):\n");
        backtrace_symbols_fd(frames, count, STDERR_FILENO);
    }
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

void ocg_install(int tty_fd, int out_fd, int log_fd, const char *log_path) {
    if (installed) return;
    tty = tcgetattr(tty_fd, &saved_modes) == 0 ? tty_fd : -1;
    out = out_fd;
    log_path_copy[0] = 0;
    if (log_path != NULL && log_fd >= 0) {
        strncpy(log_path_copy, log_path, sizeof log_path_copy - 1);
        log_path_copy[sizeof log_path_copy - 1] = 0;
    }
    /* The first backtrace() loads the unwinder, which allocates: do it now, not in the handler. */
    void *warm[1];
    (void)backtrace(warm, 1);
    if (log_fd >= 0) {
        saved_stderr = dup(STDERR_FILENO);
        if (saved_stderr >= 0) dup2(log_fd, STDERR_FILENO);
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_crash;
    sigemptyset(&action.sa_mask);
    /* SA_NODEFER: the handler raises its own signal again, to reach the previous handler. */
    action.sa_flags = SA_NODEFER;
    for (int i = 0; i < SIGNAL_COUNT; i++) sigaction(crash_signals[i], &action, &previous[i]);
    installed = 1;
}

void ocg_remove(void) {
    if (!installed) return;
    for (int i = 0; i < SIGNAL_COUNT; i++) sigaction(crash_signals[i], &previous[i], NULL);
    tty = -1;
    out = -1;
    if (saved_stderr >= 0) {
        dup2(saved_stderr, STDERR_FILENO);
        close(saved_stderr);
        saved_stderr = -1;
    }
    installed = 0;
}
