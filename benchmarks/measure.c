/*
 * measure: run one command and report its wall time and peak memory, for benchmarks/run.py.
 *
 *     measure RESULT_FILE TIMEOUT_SECONDS PROGRAM [ARGUMENT ...]
 *
 * Writes "SECONDS MAXRSS_KIB STATUS" to RESULT_FILE, where STATUS is the exit status, 128 + the signal,
 * or "timeout". Standard input, output and error are the command's own.
 *
 * Why not os.wait4 in Python directly: Linux carries a process's peak RSS across execve, so a child
 * spawned by Python reports at least the RSS of the Python interpreter at the moment of the fork (about
 * 14 MiB), more than sekom or a Swift hello-world use (7-11 MiB). Forked from this small program instead,
 * the child starts from well under 1 MiB, and wait4's ru_maxrss is the command's own peak.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile pid_t child;
static volatile sig_atomic_t timedOut;

static void onAlarm(int signal) {
  (void)signal;
  timedOut = 1;
  kill(child, SIGKILL);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: measure RESULT_FILE TIMEOUT_SECONDS PROGRAM [ARGUMENT ...]\n");
    return 2;
  }
  const char *resultPath = argv[1];
  unsigned timeout = (unsigned)atoi(argv[2]);

  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  child = fork();
  if (child < 0) {
    perror("measure: fork");
    return 2;
  }
  if (child == 0) {
    execvp(argv[3], argv + 3);
    perror(argv[3]);
    _exit(127);
  }
  signal(SIGALRM, onAlarm);
  alarm(timeout);

  int status;
  struct rusage usage;
  while (wait4(child, &status, 0, &usage) < 0) {
    /* Interrupted by the alarm: go on waiting for the killed child. */
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  alarm(0);

  double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
  FILE *result = fopen(resultPath, "w");
  if (!result) {
    perror(resultPath);
    return 2;
  }
  if (timedOut) {
    fprintf(result, "%.6f %ld timeout\n", seconds, usage.ru_maxrss);
  } else {
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    fprintf(result, "%.6f %ld %d\n", seconds, usage.ru_maxrss, code);
  }
  fclose(result);
  return 0;
}
