# Draws the package icon: a rounded red square with a white keyhole. Pure Python (zlib + struct), 4x4 supersampled.
import math, struct, zlib
N, S = 128, 4
bg = (0xC8, 0x1E, 0x2B); fg = (0xFF, 0xFF, 0xFF)
def inside_rounded(x, y, r=24):
    cx = min(max(x, r), N - r); cy = min(max(y, r), N - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
def inside_keyhole(x, y):
    if (x - 64) ** 2 + (y - 50) ** 2 <= 20 ** 2: return True          # round head
    if 58 <= y <= 100:                                                 # tapering stem
        half = 8 + (y - 58) * 0.22
        return abs(x - 64) <= half
    return False
rows = []
for py in range(N):
    row = bytearray([0])
    for px in range(N):
        a = k = 0
        for sy in range(S):
            for sx in range(S):
                x = px + (sx + 0.5) / S; y = py + (sy + 0.5) / S
                if inside_rounded(x, y):
                    a += 1
                    if inside_keyhole(x, y): k += 1
        t = S * S
        if a == 0: row += bytes(4); continue
        f = k / a
        rgb = [round(bg[i] * (1 - f) + fg[i] * f) for i in range(3)]
        row += bytes(rgb + [round(255 * a / t)])
    rows.append(bytes(row))
def chunk(tag, data): return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
open("src/icon/icon.png", "wb").write(png)
