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

/// Whether `count` bytes are well-formed UTF-8 holding no NUL byte: 1 if they are, 0 if not, -1 when this
/// machine has no vector instructions for the check (the caller then checks byte by byte).
int sekom_text_is_clean(const unsigned char *bytes, size_t count);

#endif
