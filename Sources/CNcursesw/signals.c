/* Signal handling for the reader: flags and a self-pipe, defined once for the program.
 *
 * Handlers are async-signal-safe: they store a flag and write one byte to a non-blocking pipe.
 * The terminal waits on the pipe's read end with poll(), so a signal never goes unnoticed, even
 * one that arrives just before the wait begins. Handlers are installed without SA_RESTART. */
#include "CNcursesw.h"
#include <fcntl.h>

static volatile sig_atomic_t byline_signal_pending = 0;
static volatile sig_atomic_t byline_continue_pending = 0;
static int byline_pipe[2] = {-1, -1};
static struct sigaction byline_ncurses_winch;

static void byline_wake(void) {
    if (byline_pipe[1] >= 0) {
        int saved = errno;
        char byte = 1;
        ssize_t ignored = write(byline_pipe[1], &byte, 1);
        (void)ignored;
        errno = saved;
    }
}

static void byline_on_signal(int sig) {
    byline_signal_pending = sig;
    byline_wake();
}

static void byline_on_continue(int sig) {
    (void)sig;
    byline_continue_pending = 1;
    byline_wake();
}

static void byline_on_resize(int sig) {
    byline_wake();
    if (byline_ncurses_winch.sa_handler != SIG_DFL && byline_ncurses_winch.sa_handler != SIG_IGN) {
        if (byline_ncurses_winch.sa_flags & SA_SIGINFO) {
            byline_ncurses_winch.sa_sigaction(sig, NULL, NULL);
        } else {
            byline_ncurses_winch.sa_handler(sig);
        }
    }
}

static int byline_make_pipe(void) {
    if (byline_pipe[0] >= 0) return 0;
    if (pipe(byline_pipe) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(byline_pipe[i], F_SETFL, fcntl(byline_pipe[i], F_GETFL) | O_NONBLOCK);
        fcntl(byline_pipe[i], F_SETFD, FD_CLOEXEC);
    }
    return 0;
}

int byline_signals_install(void) {
    int made = byline_make_pipe();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sa.sa_handler = byline_on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    sa.sa_handler = byline_on_continue;
    sigaction(SIGCONT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    return made;
}

void byline_signals_hold_interrupts(int hold) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sa.sa_handler = hold ? SIG_IGN : byline_on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
}

void byline_signals_watch_resize(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sa.sa_handler = byline_on_resize;
    sigaction(SIGWINCH, &sa, &byline_ncurses_winch);
}

int byline_signal_descriptor(void) { return byline_pipe[0]; }

void byline_signals_drain(void) {
    char sink[64];
    if (byline_pipe[0] < 0) return;
    while (read(byline_pipe[0], sink, sizeof sink) > 0) {}
}

int byline_take_signal(void) {
    int sig = byline_signal_pending;
    byline_signal_pending = 0;
    return sig;
}

int byline_take_continued(void) {
    int c = byline_continue_pending;
    byline_continue_pending = 0;
    return c;
}
