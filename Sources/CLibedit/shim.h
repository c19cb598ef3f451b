// libedit, loaded with dlopen when the REPL starts rather than linked: a script or `-c` run then does not
// pay for loading it (and the libraries it needs) at every start, and a machine without libedit still
// runs sekom, with plain line input. Also non-variadic wrappers around libedit's variadic calls (el_wset,
// el_wget, history_w), which Swift cannot call, and the C globals (stdin, stdout) Swift 6 will not touch.
// The headers come from libedit-dev; only the types and constants are used from them.
#ifndef SEKOM_CLIBEDIT_SHIM_H
#define SEKOM_CLIBEDIT_SHIM_H

#include <dlfcn.h>
#include <stdio.h>
#include <histedit.h>
#include <wchar.h>

typedef wchar_t *(*sekom_prompt_function)(EditLine *);
typedef unsigned char (*sekom_editor_function)(EditLine *, int);

/// The libedit functions sekom calls, found by name in the loaded library.
struct sekom_libedit {
  EditLine *(*el_init)(const char *, FILE *, FILE *, FILE *);
  void (*el_end)(EditLine *);
  int (*el_wset)(EditLine *, int, ...);
  int (*el_wget)(EditLine *, int, ...);
  const wchar_t *(*el_wgets)(EditLine *, int *);
  const LineInfoW *(*el_wline)(EditLine *);
  int (*el_winsertstr)(EditLine *, const wchar_t *);
  void (*el_deletestr)(EditLine *, int);
  void (*el_wpush)(EditLine *, const wchar_t *);
  int (*el_cursor)(EditLine *, int);
  HistoryW *(*history_winit)(void);
  void (*history_wend)(HistoryW *);
  int (*history_w)(HistoryW *, HistEventW *, int, ...);
};

/// The table, filled by `sekom_libedit_load`; one per process.
static inline struct sekom_libedit *sekom_libedit_table(void) {
  static struct sekom_libedit table;
  return &table;
}

/// Loads libedit (from `path`, or by its usual names when NULL) and finds its functions: 1 when all are
/// there, 0 when the library or one of them is not.
static inline int sekom_libedit_load(const char *path) {
  struct sekom_libedit *lib = sekom_libedit_table();
  if (lib->el_init != NULL) return 1;
  void *handle = dlopen(path != NULL ? path : "libedit.so.2", RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL && path == NULL) handle = dlopen("libedit.so", RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL) return 0;
  struct sekom_libedit found;
#define SEKOM_FIND(name)                                          \
  *(void **)(&found.name) = dlsym(handle, #name);                 \
  if (found.name == NULL) {                                       \
    dlclose(handle);                                              \
    return 0;                                                     \
  }
  SEKOM_FIND(el_init)
  SEKOM_FIND(el_end)
  SEKOM_FIND(el_wset)
  SEKOM_FIND(el_wget)
  SEKOM_FIND(el_wgets)
  SEKOM_FIND(el_wline)
  SEKOM_FIND(el_winsertstr)
  SEKOM_FIND(el_deletestr)
  SEKOM_FIND(el_wpush)
  SEKOM_FIND(el_cursor)
  SEKOM_FIND(history_winit)
  SEKOM_FIND(history_wend)
  SEKOM_FIND(history_w)
#undef SEKOM_FIND
  *lib = found;
  return 1;
}

static inline EditLine *sekom_el_init(const char *program) {
  return sekom_libedit_table()->el_init(program, stdin, stdout, stderr);
}

static inline void sekom_el_end(EditLine *el) { sekom_libedit_table()->el_end(el); }

static inline const wchar_t *sekom_el_wgets(EditLine *el, int *count) {
  return sekom_libedit_table()->el_wgets(el, count);
}

static inline const LineInfoW *sekom_el_wline(EditLine *el) { return sekom_libedit_table()->el_wline(el); }

static inline int sekom_el_winsertstr(EditLine *el, const wchar_t *text) {
  return sekom_libedit_table()->el_winsertstr(el, text);
}

static inline void sekom_el_deletestr(EditLine *el, int count) {
  sekom_libedit_table()->el_deletestr(el, count);
}

/// Pushes keys back, to be read before any typed after them.
static inline void sekom_el_wpush(EditLine *el, const wchar_t *keys) { sekom_libedit_table()->el_wpush(el, keys); }

/// Moves the cursor by `count` characters, right when positive.
static inline int sekom_el_cursor(EditLine *el, int count) { return sekom_libedit_table()->el_cursor(el, count); }

static inline HistoryW *sekom_history_winit(void) { return sekom_libedit_table()->history_winit(); }

static inline void sekom_history_wend(HistoryW *history) { sekom_libedit_table()->history_wend(history); }

static inline int sekom_el_set_prompt(EditLine *el, sekom_prompt_function prompt) {
  return sekom_libedit_table()->el_wset(el, EL_PROMPT, prompt);
}

static inline int sekom_el_set_editor(EditLine *el, const wchar_t *mode) {
  return sekom_libedit_table()->el_wset(el, EL_EDITOR, mode);
}

static inline int sekom_el_set_signal(EditLine *el, int on) {
  return sekom_libedit_table()->el_wset(el, EL_SIGNAL, on);
}

static inline int sekom_el_set_history(EditLine *el, HistoryW *history) {
  return sekom_libedit_table()->el_wset(el, EL_HIST, sekom_libedit_table()->history_w, history);
}

static inline int sekom_el_add_function(EditLine *el, const wchar_t *name, const wchar_t *help,
                                        sekom_editor_function function) {
  return sekom_libedit_table()->el_wset(el, EL_ADDFN, name, help, function);
}

static inline int sekom_el_bind(EditLine *el, const wchar_t *keys, const wchar_t *function) {
  return sekom_libedit_table()->el_wset(el, EL_BIND, keys, function, NULL);
}

static inline int sekom_el_set_read_function(EditLine *el, el_rfunc_t function) {
  return sekom_libedit_table()->el_wset(el, EL_GETCFN, function);
}

static inline int sekom_el_set_clientdata(EditLine *el, void *data) {
  return sekom_libedit_table()->el_wset(el, EL_CLIENTDATA, data);
}

static inline void *sekom_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  sekom_libedit_table()->el_wget(el, EL_CLIENTDATA, &data);
  return data;
}

static inline int sekom_history_set_size(HistoryW *history, int size) {
  HistEventW event;
  return sekom_libedit_table()->history_w(history, &event, H_SETSIZE, size);
}

static inline int sekom_history_set_unique(HistoryW *history, int on) {
  HistEventW event;
  return sekom_libedit_table()->history_w(history, &event, H_SETUNIQUE, on);
}

static inline int sekom_history_enter(HistoryW *history, const wchar_t *line) {
  HistEventW event;
  return sekom_libedit_table()->history_w(history, &event, H_ENTER, line);
}

/// H_FIRST, H_LAST, H_NEXT or H_PREV: the entry moved to, or NULL past either end.
static inline const wchar_t *sekom_history_step(HistoryW *history, int operation) {
  HistEventW event;
  if (sekom_libedit_table()->history_w(history, &event, operation) == -1) return NULL;
  return event.str;
}

static inline FILE *sekom_stdout(void) { return stdout; }

#endif
