#pragma once
// Reading a file a user names (a CSV file, a scenario): the whole of it, safely.
#include <cstdint>
#include <string>

namespace ll {

// The text of the regular file at `path`, at most `max_bytes` long. It is opened without
// blocking and checked after opening (fstat), so a pipe (FIFO) cannot hang the reader, and a
// device (/dev/zero, /dev/urandom), a socket or a folder is refused before anything is read; the
// size is checked before anything is allocated, and a file that grows while it is read is
// refused too. `kind` names what the file should be ("a CSV file", "a scenario file").
// Throws InputError "<path>: <what is wrong>".
std::string read_regular_file(const std::string& path, std::uint64_t max_bytes, const std::string& kind);

// "256 MiB", "16 MiB", "1.5 KiB", "12 bytes": a limit in the words its messages use.
std::string describe_bytes(std::uint64_t bytes);

}  // namespace ll
