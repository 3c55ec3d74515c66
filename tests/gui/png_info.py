#!/usr/bin/env python3
"""Reads a PNG the screenshot command wrote (8-bit RGB or RGBA, not interlaced) with the standard
library only, and prints:  WIDTH HEIGHT DISTINCT_COLOURS  (colours counted on every 4th row).

    png_info.py FILE.png
    png_info.py FILE.png --crop X Y W H OUT.png     (also writes that part of the image)
    png_info.py FILE.png --mean                     (then the mean brightness, 0 … 255)
"""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise SystemExit(f"{path}: expected 8-bit RGB(A), not interlaced (depth {depth}, colour {colour})")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:    # Sub
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:  # Up
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif kind == 3:  # Average
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def write_png(path, width, height, bpp, rows):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    raw = b"".join(b"\x00" + bytes(r) for r in rows)
    colour = 2 if bpp == 3 else 6
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 6)))
        f.write(chunk(b"IEND", b""))


def main():
    width, height, bpp, rows = read_png(sys.argv[1])
    colours = set()
    for line in rows[::4]:
        colours.update(bytes(line[i:i + 3]) for i in range(0, len(line), bpp))
    if len(sys.argv) == 3 and sys.argv[2] == "--mean":
        # Rec. 601 luma over every 4th row and column.
        total = count = 0
        for line in rows[::4]:
            for i in range(0, len(line), 4 * bpp):
                total += 0.299 * line[i] + 0.587 * line[i + 1] + 0.114 * line[i + 2]
                count += 1
        print(width, height, len(colours), round(total / count))
        return
    print(width, height, len(colours))
    if len(sys.argv) == 8 and sys.argv[2] == "--crop":
        x, y, w, h = (int(v) for v in sys.argv[3:7])
        part = [r[x * bpp:(x + w) * bpp] for r in rows[y:y + h]]
        write_png(sys.argv[7], w, len(part), bpp, part)


if __name__ == "__main__":
    main()
