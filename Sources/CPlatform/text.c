// Whether bytes are clean text, 32 bytes at a time with AVX2 where the processor has it.
//
// The check is the "lookup" algorithm of Keiser and Lemire ("Validating UTF-8 in less than one instruction
// per byte", 2021): three table lookups of nibbles classify each byte with the one before it, and the
// bytes two and three back say where a continuation byte must be. The answer is only clean or not: the
// caller finds the first bad byte, and its line, with the byte-at-a-time check, which only runs then.

#include "CPlatform.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

// Error bits of a byte and the one before it; each table entry is the set of errors its nibble allows.
enum {
  TOO_SHORT = 1 << 0,   // a lead byte not followed by a continuation byte
  TOO_LONG = 1 << 1,    // ASCII followed by a continuation byte
  OVERLONG_3 = 1 << 2,  // E0 followed by 80..9F
  TOO_LARGE = 1 << 3,   // past U+10FFFF
  SURROGATE = 1 << 4,   // ED followed by A0..BF
  OVERLONG_2 = 1 << 5,  // C0 or C1
  TOO_LARGE_1000 = 1 << 6,
  OVERLONG_4 = 1 << 6,  // F0 followed by 80..8F
  TWO_CONTS = 1 << 7,   // two continuation bytes: an error unless a 3- or 4-byte lead is before them
  CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

#define AVX2 __attribute__((target("avx2")))

// The 16 entries of a table, in both 128-bit lanes.
#define TABLE(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p) \
  _mm256_setr_epi8(B(a), B(b), B(c), B(d), B(e), B(f), B(g), B(h), B(i), B(j), B(k), B(l), B(m), B(n), B(o), \
    B(p), B(a), B(b), B(c), B(d), B(e), B(f), B(g), B(h), B(i), B(j), B(k), B(l), B(m), B(n), B(o), B(p))
#define B(x) ((char)(x))

// The bytes of `input` shifted by `n` places, the last `n` bytes of `previous` coming in first.
#define PREVIOUS(input, previous, n) \
  _mm256_alignr_epi8(input, _mm256_permute2x128_si256(previous, input, 0x21), 16 - (n))

AVX2 static inline __m256i high_nibbles(__m256i v) {
  return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}

// The errors in `input`, whose 32 bytes follow those of `previous`.
AVX2 static inline __m256i block_errors(__m256i input, __m256i previous) {
  const __m256i byte_1_high_table = TABLE(
    TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
    TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
    TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,
    TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
  const __m256i byte_1_low_table = TABLE(
    CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY,
    CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000);
  const __m256i byte_2_high_table = TABLE(
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);
  __m256i prev1 = PREVIOUS(input, previous, 1);
  __m256i special = _mm256_and_si256(
    _mm256_and_si256(
      _mm256_shuffle_epi8(byte_1_high_table, high_nibbles(prev1)),
      _mm256_shuffle_epi8(byte_1_low_table, _mm256_and_si256(prev1, _mm256_set1_epi8(0x0F)))),
    _mm256_shuffle_epi8(byte_2_high_table, high_nibbles(input)));
  // A byte two after a lead of three or four bytes, or three after a lead of four, must continue it: the
  // only place two continuation bytes in a row are right.
  __m256i third = _mm256_subs_epu8(PREVIOUS(input, previous, 2), _mm256_set1_epi8((char)(0xE0 - 0x80)));
  __m256i fourth = _mm256_subs_epu8(PREVIOUS(input, previous, 3), _mm256_set1_epi8((char)(0xF0 - 0x80)));
  __m256i must_continue = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
  __m256i errors = _mm256_xor_si256(must_continue, special);
  // A NUL byte is no error of UTF-8, but no plan file holds one.
  return _mm256_or_si256(errors, _mm256_cmpeq_epi8(input, _mm256_setzero_si256()));
}

// Nonzero where the last three bytes start a character the block does not finish.
AVX2 static inline __m256i unfinished(__m256i input) {
  const __m256i limits = _mm256_setr_epi8(
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1));
  return _mm256_subs_epu8(input, limits);
}

AVX2 static int text_is_clean_avx2(const unsigned char *bytes, size_t count) {
  __m256i errors = _mm256_setzero_si256();
  __m256i previous = _mm256_setzero_si256();
  __m256i previous_unfinished = _mm256_setzero_si256();
  size_t i = 0;
  for (; i + 32 <= count; i += 32) {
    __m256i input = _mm256_loadu_si256((const __m256i *)(bytes + i));
    if (_mm256_movemask_epi8(input) == 0) {
      // ASCII: only a character left unfinished before it, or a NUL, is wrong.
      errors = _mm256_or_si256(errors, previous_unfinished);
      errors = _mm256_or_si256(errors, _mm256_cmpeq_epi8(input, _mm256_setzero_si256()));
      previous_unfinished = _mm256_setzero_si256();
    } else {
      errors = _mm256_or_si256(errors, block_errors(input, previous));
      previous_unfinished = unfinished(input);
    }
    previous = input;
  }
  if (i < count) {
    // The rest, after spaces: a character it leaves unfinished is followed by ASCII, and found.
    unsigned char last[32];
    memset(last, ' ', sizeof last);
    memcpy(last, bytes + i, count - i);
    __m256i input = _mm256_loadu_si256((const __m256i *)last);
    errors = _mm256_or_si256(errors, block_errors(input, previous));
    previous_unfinished = _mm256_setzero_si256();
  }
  errors = _mm256_or_si256(errors, previous_unfinished);
  return _mm256_testz_si256(errors, errors) ? 1 : 0;
}

// Whether the processor has AVX2 and the system saves its registers. Asked with CPUID, not with
// __builtin_cpu_supports, whose support code runs at every start of the program.
static int has_avx2(void) {
  unsigned eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(ecx & bit_OSXSAVE) || !(ecx & bit_AVX)) return 0;
  unsigned saved, high;
  __asm__("xgetbv" : "=a"(saved), "=d"(high) : "c"(0));
  if ((saved & 6) != 6) return 0;  // XMM and YMM state
  return __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) && (ebx & bit_AVX2);
}

typedef int (*checker)(const unsigned char *, size_t);

static int text_is_clean_unknown(const unsigned char *bytes, size_t count) {
  (void)bytes;
  (void)count;
  return -1;
}

int sekom_text_is_clean(const unsigned char *bytes, size_t count) {
  // Chosen on first use; two threads choosing at once choose alike.
  static _Atomic(checker) chosen = NULL;
  checker check = atomic_load_explicit(&chosen, memory_order_relaxed);
  if (check == NULL) {
    check = has_avx2() ? text_is_clean_avx2 : text_is_clean_unknown;
    atomic_store_explicit(&chosen, check, memory_order_relaxed);
  }
  return check(bytes, count);
}

#else

int sekom_text_is_clean(const unsigned char *bytes, size_t count) {
  (void)bytes;
  (void)count;
  return -1;
}

#endif
