// The CRC-32C instruction SSE 4.2 added (the Castagnoli polynomial is the one it computes), used when
// the CPU has it: about ten times the table-driven speed on the snapshot, which every open checks whole.
#include "crc32c_hardware.h"

#if defined(__x86_64__)
#include <string.h>

int crc32c_hardware_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("sse4.2");
}

__attribute__((target("sse4.2")))
uint32_t crc32c_hardware_update(uint32_t crc, const uint8_t *bytes, size_t count) {
    uint64_t value = crc;
    while (count >= 8) {
        uint64_t word;
        memcpy(&word, bytes, 8);  // unaligned-safe; compiles to one load
        value = __builtin_ia32_crc32di(value, word);
        bytes += 8;
        count -= 8;
    }
    uint32_t small = (uint32_t)value;
    while (count > 0) {
        small = __builtin_ia32_crc32qi(small, *bytes);
        bytes += 1;
        count -= 1;
    }
    return small;
}
#else
int crc32c_hardware_available(void) { return 0; }

uint32_t crc32c_hardware_update(uint32_t crc, const uint8_t *bytes, size_t count) {
    (void)bytes;
    (void)count;
    return crc;
}
#endif
