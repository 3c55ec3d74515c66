#pragma once
// Whether this test binary runs under AddressSanitizer (CI builds it so): its shadow memory needs
// terabytes of address space, so tests that limit memory (RLIMIT_AS) or count it are skipped or
// scaled down there.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
