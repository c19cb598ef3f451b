// Non-variadic wrappers around libedit's variadic calls (el_wset, el_wget, history_w), which Swift cannot
// call directly, and the C globals (stdin, stdout, stderr) that Swift 6 will not touch.
#ifndef SEKOM_CLIBEDIT_SHIM_H
#define SEKOM_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <histedit.h>
#include <wchar.h>

typedef wchar_t *(*sekom_prompt_function)(EditLine *);
typedef unsigned char (*sekom_editor_function)(EditLine *, int);

static inline EditLine *sekom_el_init(const char *program) {
  return el_init(program, stdin, stdout, stderr);
}

static inline int sekom_el_set_prompt(EditLine *el, sekom_prompt_function prompt) {
  return el_wset(el, EL_PROMPT, prompt);
}

static inline int sekom_el_set_editor(EditLine *el, const wchar_t *mode) {
  return el_wset(el, EL_EDITOR, mode);
}

static inline int sekom_el_set_signal(EditLine *el, int on) {
  return el_wset(el, EL_SIGNAL, on);
}

static inline int sekom_el_set_history(EditLine *el, HistoryW *history) {
  return el_wset(el, EL_HIST, history_w, history);
}

static inline int sekom_el_add_function(EditLine *el, const wchar_t *name, const wchar_t *help,
                                        sekom_editor_function function) {
  return el_wset(el, EL_ADDFN, name, help, function);
}

static inline int sekom_el_bind(EditLine *el, const wchar_t *keys, const wchar_t *function) {
  return el_wset(el, EL_BIND, keys, function, NULL);
}

static inline int sekom_el_set_read_function(EditLine *el, el_rfunc_t function) {
  return el_wset(el, EL_GETCFN, function);
}

static inline int sekom_el_set_clientdata(EditLine *el, void *data) {
  return el_wset(el, EL_CLIENTDATA, data);
}

static inline void *sekom_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  el_wget(el, EL_CLIENTDATA, &data);
  return data;
}

static inline int sekom_history_set_size(HistoryW *history, int size) {
  HistEventW event;
  return history_w(history, &event, H_SETSIZE, size);
}

static inline int sekom_history_set_unique(HistoryW *history, int on) {
  HistEventW event;
  return history_w(history, &event, H_SETUNIQUE, on);
}

static inline int sekom_history_enter(HistoryW *history, const wchar_t *line) {
  HistEventW event;
  return history_w(history, &event, H_ENTER, line);
}

static inline int sekom_history_load(HistoryW *history, const char *path) {
  HistEventW event;
  return history_w(history, &event, H_LOAD, path);
}

static inline int sekom_history_save(HistoryW *history, const char *path) {
  HistEventW event;
  return history_w(history, &event, H_SAVE, path);
}

/// H_FIRST, H_LAST, H_NEXT or H_PREV: the entry moved to, or NULL past either end.
static inline const wchar_t *sekom_history_step(HistoryW *history, int operation) {
  HistEventW event;
  if (history_w(history, &event, operation) == -1) return NULL;
  return event.str;
}

static inline FILE *sekom_stdout(void) { return stdout; }

#endif
