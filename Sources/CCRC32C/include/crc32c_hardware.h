#ifndef CRC32C_HARDWARE_H
#define CRC32C_HARDWARE_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the CRC-32C instruction (SSE 4.2 on x86-64); 0 elsewhere.
int crc32c_hardware_available(void);

/// Continues a CRC-32C over `count` bytes with the CPU's instruction: `crc` is the running value
/// (start with 0xFFFFFFFF; the caller inverts the result). Call only when available.
uint32_t crc32c_hardware_update(uint32_t crc, const uint8_t *bytes, size_t count);

#endif
