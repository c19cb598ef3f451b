// zlib, loaded with dlopen when a Word document is imported rather than linked: a query then does not
// pay for loading it at every start (benchmarks/run.py, job 1). The header comes from zlib1g-dev; only
// its types and constants are used from it, and the library (zlib1g) is on every Debian and Ubuntu system.
#ifndef SEKOM_CZLIB_SHIM_H
#define SEKOM_CZLIB_SHIM_H

#include <dlfcn.h>
#include <stddef.h>
#include <zlib.h>

/// The zlib functions sekom calls, found by name in the loaded library.
struct sekom_zlib {
  int (*inflateInit2_)(z_streamp, int, const char *, int);
  int (*inflate)(z_streamp, int);
  int (*inflateEnd)(z_streamp);
  int (*deflateInit2_)(z_streamp, int, int, int, int, int, const char *, int);
  int (*deflate)(z_streamp, int);
  int (*deflateEnd)(z_streamp);
  uLong (*crc32)(uLong, const Bytef *, uInt);
};

/// The table, filled by `sekom_zlib_load`; one per process.
static inline struct sekom_zlib *sekom_zlib_table(void) {
  static struct sekom_zlib table;
  return &table;
}

/// Loads zlib and finds its functions: 1 when all are there, 0 when the library or one of them is not.
static inline int sekom_zlib_load(void) {
  struct sekom_zlib *lib = sekom_zlib_table();
  if (lib->inflate != NULL) return 1;
  void *handle = dlopen("libz.so.1", RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL) handle = dlopen("libz.so", RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL) return 0;
  struct sekom_zlib found;
#define SEKOM_FIND(name)                                          \
  *(void **)(&found.name) = dlsym(handle, #name);                 \
  if (found.name == NULL) {                                       \
    dlclose(handle);                                              \
    return 0;                                                     \
  }
  SEKOM_FIND(inflateInit2_)
  SEKOM_FIND(inflate)
  SEKOM_FIND(inflateEnd)
  SEKOM_FIND(deflateInit2_)
  SEKOM_FIND(deflate)
  SEKOM_FIND(deflateEnd)
  SEKOM_FIND(crc32)
#undef SEKOM_FIND
  *lib = found;
  return 1;
}

/// A raw deflate stream (no zlib header), as zip entries hold.
static inline int sekom_inflate_init_raw(z_streamp stream) {
  return sekom_zlib_table()->inflateInit2_(stream, -MAX_WBITS, ZLIB_VERSION, (int)sizeof(z_stream));
}

static inline int sekom_inflate(z_streamp stream, int flush) { return sekom_zlib_table()->inflate(stream, flush); }

static inline int sekom_inflate_end(z_streamp stream) { return sekom_zlib_table()->inflateEnd(stream); }

/// A raw deflate stream at the default level, for writing zip entries (the tests' fixtures).
static inline int sekom_deflate_init_raw(z_streamp stream) {
  return sekom_zlib_table()->deflateInit2_(
    stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
    (int)sizeof(z_stream));
}

static inline int sekom_deflate(z_streamp stream, int flush) { return sekom_zlib_table()->deflate(stream, flush); }

static inline int sekom_deflate_end(z_streamp stream) { return sekom_zlib_table()->deflateEnd(stream); }

static inline unsigned long sekom_crc32(unsigned long crc, const unsigned char *bytes, unsigned int count) {
  return sekom_zlib_table()->crc32(crc, bytes, count);
}

#endif
