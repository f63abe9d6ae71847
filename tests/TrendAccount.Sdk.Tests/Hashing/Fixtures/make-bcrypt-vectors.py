#!/usr/bin/env python3
"""Writes bcrypt-vectors.json: bcrypt strings made by tools independent of TrendAccount.Sdk and BCrypt.Net-Next.

Run from this folder on Debian 12 (or any system with libxcrypt, htpasswd and mkpasswd):

    apt-get install libcrypt1 apache2-utils whois
    python3 make-bcrypt-vectors.py > bcrypt-vectors.json

- libxcrypt: crypt(3) from libcrypt.so.1, called through ctypes with an explicit setting ($2a$, $2b$, $2y$ and a
  salt drawn from a fixed seed, so that part of the file is reproducible byte for byte);
- htpasswd -nbB -C <cost> (Apache's copy of crypt_blowfish; writes $2y$, its own random salt);
- mkpasswd -m bcrypt -R <cost> (whois package, over libxcrypt; writes $2b$, its own random salt; refuses cost 4).

Each entry holds the tool, the exact command (passwords are passed as arguments, so none holds a NUL), the password,
its UTF-8 length, and the hash. The tests recompute every hash with the SDK's engine and with BCrypt.Net-Next.
"""
import ctypes
import json
import random
import subprocess
import sys

BASE64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

libcrypt = ctypes.CDLL("libcrypt.so.1")
libcrypt.crypt.restype = ctypes.c_char_p
libcrypt.crypt.argtypes = [ctypes.c_char_p, ctypes.c_char_p]


def passwords():
    """Named passwords: every length class bcrypt cares about (0, short, 71/72/73 bytes, 100, 200), non-ASCII of
    2, 3 and 4 UTF-8 bytes, and characters straddling byte 72."""
    yield "empty", ""
    yield "one-char", "a"
    yield "ascii-28", "correct horse battery staple"
    yield "ascii-71", "x" * 71
    yield "ascii-72", "y" * 72
    yield "ascii-73", "z" * 73
    yield "ascii-100", "".join(chr(33 + (i * 7) % 94) for i in range(100))
    yield "ascii-200", "".join(chr(32 + (i * 13) % 95) for i in range(200))
    yield "latin-2byte", "Pässwörd-ünïcode"
    yield "cyrillic-72bytes", "ж" * 36
    yield "euro-3byte-straddles-72", "a" * 71 + "€€"
    yield "euro-3byte-straddles-72-by-2", "a" * 70 + "€€"
    yield "emoji-4byte-straddles-72", "b" * 69 + "😀😀"
    yield "emoji-50", "😀" * 50
    yield "cjk-146bytes", "漢字かな交じり文" * 6 + "ab"
    yield "mixed-200bytes", "é€😀a" * 20
    yield "nfd-cafe", "cafe\u0301"
    yield "fullwidth", "ｃａｆｅ ｈｏｒｓｅ"


def libxcrypt(password, setting):
    return libcrypt.crypt(password.encode("utf-8"), setting.encode("ascii")).decode("ascii")


def run(command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def main():
    rng = random.Random(20261201)
    vectors = []

    def add(tool, command, name, password, hashed):
        if not hashed.startswith("$2") or len(hashed) != 60:
            raise SystemExit(f"{tool} gave no bcrypt string for {name}: {hashed!r}")
        vectors.append({
            "name": f"{tool}-{hashed[1:3]}-{hashed[4:6]}-{name}",
            "tool": tool,
            "command": command,
            "password": password,
            "utf8Bytes": len(password.encode("utf-8")),
            "hash": hashed,
        })

    for index, (name, password) in enumerate(passwords()):
        revision = "aby"[index % 3]
        cost = 4 + (index // 3) % 3
        # The salt's 22nd character carries 2 bits; libxcrypt requires the other 4 to be zero.
        salt = "".join(rng.choice(BASE64) for _ in range(21)) + rng.choice(BASE64[::16])
        setting = f"$2{revision}${cost:02d}${salt}"
        add("libxcrypt", f"crypt(password, '{setting}') from libcrypt.so.1 (ctypes)", name, password, libxcrypt(password, setting))
        # Every revision once more at cost 4 for the length edge cases.
        if "7" in name or name in ("empty", "ascii-200"):
            for other in "aby":
                if other != revision:
                    setting = f"$2{other}$04${salt}"
                    add("libxcrypt", f"crypt(password, '{setting}') from libcrypt.so.1 (ctypes)", name, password, libxcrypt(password, setting))

        cost = 4 + (index + 1) % 3
        add("htpasswd", f"htpasswd -nbB -C {cost} user PASSWORD | cut -d: -f2",
            name, password, run(["htpasswd", "-nbB", "-C", str(cost), "user", password]).split(":", 1)[1])

        if password:
            cost = 5 + index % 2
            add("mkpasswd", f"mkpasswd -m bcrypt -R {cost} PASSWORD", name, password, run(["mkpasswd", "-m", "bcrypt", "-R", str(cost), password]))

    versions = {
        "libxcrypt": run(["dpkg-query", "-W", "-f", "${Version}", "libcrypt1"]),
        "htpasswd": run(["dpkg-query", "-W", "-f", "${Version}", "apache2-utils"]),
        "mkpasswd": run(["dpkg-query", "-W", "-f", "${Version}", "whois"]),
    }
    json.dump({
        "description": "bcrypt strings made by libxcrypt, htpasswd and mkpasswd (not by the SDK or BCrypt.Net-Next); "
                       "regenerate with: python3 make-bcrypt-vectors.py > bcrypt-vectors.json",
        "toolVersions": versions,
        "vectors": vectors,
    }, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
