#include "CVPSystem.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>

static volatile sig_atomic_t pending_signal = 0;
static volatile sig_atomic_t window_changed = 0;
static int handlers_installed = 0;
static struct sigaction previous_actions[4];
static const int handled_signals[4] = { SIGTERM, SIGHUP, SIGINT, SIGWINCH };

static void flag_handler(int signal_number) {
    if (signal_number == SIGWINCH) {
        window_changed = 1;
    } else {
        pending_signal = signal_number;
    }
}

void vp_install_signal_handlers(void) {
    pending_signal = 0;
    window_changed = 0;
    if (handlers_installed) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = flag_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    for (int i = 0; i < 4; i++) sigaction(handled_signals[i], &action, &previous_actions[i]);
    handlers_installed = 1;
}

void vp_restore_signal_handlers(void) {
    if (!handlers_installed) return;
    for (int i = 0; i < 4; i++) sigaction(handled_signals[i], &previous_actions[i], NULL);
    handlers_installed = 0;
}

int vp_pending_signal(void) { return (int)pending_signal; }

int vp_take_window_change(void) {
    int changed = (int)window_changed;
    window_changed = 0;
    return changed;
}

/*
 * posix_spawn directly, not Foundation's Process, which puts the child in its own process
 * group: an editor there is a background job and stops on its first read of the terminal.
 * SIGINT and SIGQUIT are ignored here while it runs (Ctrl-C in the editor must not quit the
 * app) and reset to their default in the child. `environ` is a C global Swift 6 cannot touch.
 */
extern char **environ;

int vp_run_shell(const char *script, const char *argument, int *wait_status) {
    struct sigaction ignore, old_int, old_quit;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGINT, &ignore, &old_int);
    sigaction(SIGQUIT, &ignore, &old_quit);

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGQUIT);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    sigset_t mask;
    sigemptyset(&mask);
    posix_spawnattr_setsigmask(&attributes, &mask);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

    char *const argv[] = { (char *)"sh", (char *)"-c", (char *)script, (char *)"sh", (char *)argument, NULL };
    pid_t pid = 0;
    int result = posix_spawn(&pid, "/bin/sh", NULL, &attributes, argv, environ);
    posix_spawnattr_destroy(&attributes);
    if (result == 0) {
        /* The flag handlers have no SA_RESTART, so a SIGTERM or SIGWINCH interrupts waitpid. */
        while (waitpid(pid, wait_status, 0) == -1) {
            if (errno != EINTR) {
                result = errno;
                break;
            }
        }
    }
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    return result;
}

int vp_exit_status(int wait_status) {
    return WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;
}
