#!/usr/bin/env python3
"""Draws assets/icon.png, the packages' icon: a white tick on an NHS-blue rounded square, 128x128, anti-aliased by
4x supersampling. Standard library only (zlib + struct), so it runs anywhere: python3 assets/make-icon.py"""
import math, os, struct, zlib

SIZE, SS = 128, 4
BLUE, WHITE = (0x00, 0x5E, 0xB8), (0xFF, 0xFF, 0xFF)
TICK = [(30, 68), (54, 92), (98, 38)]
STROKE = 7.5  # half width


def in_rounded_square(x, y, lo=4.0, hi=124.0, r=22.0):
    cx = min(max(x, lo + r), hi - r)
    cy = min(max(y, lo + r), hi - r)
    return lo <= x <= hi and lo <= y <= hi and (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def dist_to_segment(px, py, a, b):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def pixel(x, y):
    cover, tick = 0, 0
    for i in range(SS):
        for j in range(SS):
            sx, sy = x + (i + 0.5) / SS, y + (j + 0.5) / SS
            if in_rounded_square(sx, sy):
                cover += 1
                if min(dist_to_segment(sx, sy, TICK[k], TICK[k + 1]) for k in range(2)) <= STROKE:
                    tick += 1
    if cover == 0:
        return (0, 0, 0, 0)
    f = tick / cover
    rgb = tuple(round(BLUE[c] * (1 - f) + WHITE[c] * f) for c in range(3))
    return rgb + (round(255 * cover / (SS * SS)),)


rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png"), "wb") as f:
    f.write(png)
