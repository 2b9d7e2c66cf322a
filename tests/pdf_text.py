"""A small pure-Python text extractor for the PDFs fpdf2 writes (no pypdf, no poppler): each
page's Tj strings decoded through their font's ToUnicode CMap. What it reads back is what a
reader's copy and search see, so a glyph without a Unicode mapping would show up as missing."""

from __future__ import annotations

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def _objects(data: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in _OBJECT.finditer(data)}


def _stream(body: bytes) -> bytes:
    match = _STREAM.search(body)
    assert match, "no stream"
    raw = match.group(1)
    return zlib.decompress(raw) if b"/FlateDecode" in body.split(b"stream")[0] else raw


def _cmap(stream: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
        for code, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", stream, re.S):
        for low, high, start in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            first = int(start, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


def _literal(content: bytes, start: int) -> tuple[bytes, int]:
    """The PDF literal string opening at ``content[start] == '('``, unescaped, and its end."""
    out = bytearray()
    depth, index = 1, start + 1
    escapes = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
    while depth:
        char = content[index]
        if char == ord("\\"):
            following = content[index + 1]
            if following in escapes:
                out.append(escapes[following])
                index += 2
            elif 48 <= following <= 55:
                digits = re.match(rb"[0-7]{1,3}", content[index + 1 : index + 4])
                assert digits
                out.append(int(digits.group(), 8))
                index += 1 + len(digits.group())
            else:
                out.append(following)
                index += 2
            continue
        if char == ord("("):
            depth += 1
        elif char == ord(")"):
            depth -= 1
            if not depth:
                break
        out.append(char)
        index += 1
    return bytes(out), index + 1


def _page_text(content: bytes, fonts: dict[bytes, dict[int, str]]) -> str:
    pieces: list[str] = []
    current: dict[int, str] = {}
    index = 0
    font_op = re.compile(rb"/(\w+)\s+[\d.]+\s+Tf")
    while index < len(content):
        char = content[index]
        if char == ord("/"):
            match = font_op.match(content, index)
            if match:
                current = fonts.get(match.group(1), {})
                index = match.end()
                continue
        if char == ord("("):
            raw, index = _literal(content, index)
            codes = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]
            pieces.append("".join(current.get(code, "\ufffd") for code in codes))
            continue
        if char == ord("E") and content[index : index + 2] == b"ET":
            pieces.append("\n")
        index += 1
    return "".join(pieces)


def pages_text(data: bytes) -> list[str]:
    """Each page's text, in page order."""
    objects = _objects(data)
    fonts: dict[bytes, dict[int, str]] = {}
    for body in objects.values():
        for name, number in re.findall(rb"/(F\d+)\s+(\d+) 0 R", body):
            font = objects.get(int(number), b"")
            unicode_ref = re.search(rb"/ToUnicode\s+(\d+) 0 R", font)
            if unicode_ref:
                fonts[name] = _cmap(_stream(objects[int(unicode_ref.group(1))]))
    pages_obj = next(b for b in objects.values() if re.search(rb"/Type\s*/Pages\b", b))
    kids = re.search(rb"/Kids\s*\[(.*?)\]", pages_obj, re.S)
    assert kids
    texts = []
    for number in re.findall(rb"(\d+) 0 R", kids.group(1)):
        page = objects[int(number)]
        contents = re.search(rb"/Contents\s+(\d+) 0 R", page)
        assert contents
        texts.append(_page_text(_stream(objects[int(contents.group(1))]), fonts))
    return texts


def embedded_fonts(data: bytes) -> list[str]:
    """The names of the fonts embedded as files (FontFile2), e.g. "ABCDEF+NotoSansSC"."""
    objects = _objects(data)
    return [
        name.decode()
        for body in objects.values()
        if re.search(rb"/FontFile2\s+\d+ 0 R", body)
        for name in re.findall(rb"/FontName\s*/([^\s/]+)", body)
    ]
