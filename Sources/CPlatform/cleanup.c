#define _GNU_SOURCE
#include "CPlatform.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

enum { slot_count = 32 };

// A slot is free (0), being filled (2) or holds a path (1); the handler reads only slots that hold one.
static char paths[slot_count][PATH_MAX];
static volatile sig_atomic_t states[slot_count];

static void remove_and_die(int signal_number) {
  int saved = errno;
  for (int slot = 0; slot < slot_count; slot++) {
    if (states[slot] == 1) unlink(paths[slot]);
  }
  errno = saved;
  // SA_RESETHAND has put back the default action and SA_NODEFER lets it act now, so the process ends as
  // the signal says (a shell sees 128 + the signal's number).
  raise(signal_number);
}

void sekom_install_cleanup_handlers(void) {
  static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
  for (unsigned index = 0; index < sizeof signals / sizeof signals[0]; index++) {
    struct sigaction current;
    if (sigaction(signals[index], NULL, &current) != 0) continue;
    if (current.sa_handler != SIG_DFL || (current.sa_flags & SA_SIGINFO)) continue;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = remove_and_die;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND | SA_NODEFER;
    sigaction(signals[index], &action, NULL);
  }
}

int sekom_register_temporary(const char *path) {
  size_t length = strlen(path);
  if (length >= PATH_MAX) return -1;
  for (int slot = 0; slot < slot_count; slot++) {
    if (__sync_bool_compare_and_swap(&states[slot], 0, 2)) {
      memcpy(paths[slot], path, length + 1);
      __sync_synchronize();
      states[slot] = 1;
      return slot;
    }
  }
  return -1;
}

void sekom_unregister_temporary(int slot) {
  if (slot < 0 || slot >= slot_count) return;
  __sync_synchronize();
  states[slot] = 0;
}

int sekom_rename_noreplace(const char *from, const char *to) {
#ifdef SYS_renameat2
  return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
#else
  errno = ENOSYS;
  return -1;
#endif
}
