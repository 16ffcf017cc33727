#ifndef CONGKHAI_ATOMIC_SWAP_H
#define CONGKHAI_ATOMIC_SWAP_H
/// Exchanges two paths in one step (Linux renameat2 RENAME_EXCHANGE, macOS renamex_np
/// RENAME_SWAP), so a reader or a killed process never sees the output folder missing.
/// Returns 0 on success, otherwise -1 with errno set (ENOSYS/EINVAL where unsupported).
int congkhai_exchange_paths(const char *first, const char *second);

/// Writes to disk everything written so far on the file system holding `path` (Linux
/// syncfs(2); elsewhere sync(2)): one flush for a whole staged site, instead of one fsync per
/// file. Returns 0 on success, otherwise -1 with errno set.
int congkhai_flush_file_system(const char *path);

/// Gives memory freed by the process back to the system (glibc malloc_trim); a no-op
/// elsewhere. A large build frees its sources' text midway and goes on with less.
void congkhai_release_free_memory(void);
#endif
