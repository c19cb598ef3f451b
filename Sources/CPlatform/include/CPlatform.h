#ifndef SEKOM_CPLATFORM_H
#define SEKOM_CPLATFORM_H

/// Temporary files to remove if SIGINT, SIGTERM or SIGHUP ends the process. Their paths are kept in
/// memory allocated once, so that the signal handler only reads them and calls unlink(2).

/// Installs the handler for each of the three signals whose action is still the default one: a signal the
/// process ignores, or handles itself (the line editor's Ctrl-C), is left alone.
void sekom_install_cleanup_handlers(void);

/// Registers `path` for removal; returns its slot, or -1 when the path is too long or all slots are taken.
int sekom_register_temporary(const char *path);

/// Forgets the path in `slot` (after the file was renamed or removed).
void sekom_unregister_temporary(int slot);

/// renameat2(2) with RENAME_NOREPLACE: fails with EEXIST when `to` exists, even as a dangling link; with
/// EINVAL or ENOSYS where the file system or kernel lacks it.
int sekom_rename_noreplace(const char *from, const char *to);

#include <stddef.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// The offset of the first byte equal to `a` or `b` from `start` on, or `end` when none is: how a CSV field
/// is found. Sixteen bytes at a time with SSE2, which every x86-64 processor has; inline, so that the
/// compiler puts it in the Swift scanner's loop.
static inline long sekom_find_either(
  const unsigned char *bytes, long start, long end, unsigned char a, unsigned char b) {
  long i = start;
#if defined(__SSE2__)
  const __m128i spread_a = _mm_set1_epi8((char)a);
  const __m128i spread_b = _mm_set1_epi8((char)b);
  for (; i + 16 <= end; i += 16) {
    __m128i chunk = _mm_loadu_si128((const __m128i *)(bytes + i));
    int found = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(chunk, spread_a), _mm_cmpeq_epi8(chunk, spread_b)));
    if (found != 0) return i + __builtin_ctz((unsigned)found);
  }
#endif
  for (; i < end; i++) {
    if (bytes[i] == a || bytes[i] == b) return i;
  }
  return end;
}

/// Whether `count` bytes are well-formed UTF-8 holding no NUL byte: 1 if they are, 0 if not, -1 when this
/// machine has no vector instructions for the check (the caller then checks byte by byte).
int sekom_text_is_clean(const unsigned char *bytes, size_t count);

#endif
