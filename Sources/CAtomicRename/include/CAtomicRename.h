#ifndef AGORA_CATOMICRENAME_H
#define AGORA_CATOMICRENAME_H

/// Swaps two paths in one atomic step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (EINVAL or ENOSYS where the file system cannot).
int agora_exchange_paths(const char *first, const char *second);

#endif
