"""Checks on untrusted bytes before any parser sees them: size, container, zip structure, extent.

The uploader's file type is no security check, so every path into the reader passes here and the
format is told from the bytes, never from the file name. Nothing a zip's directory declares is
trusted: every part is inflated here, in a stream with a byte cap, and each .xlsx worksheet's
extent is taken from the cells that hold a value, not from `<dimension>`. .xls, .xlsb and .ods
sheets are bounded by the isolated reader's memory and time limits.
"""

from __future__ import annotations

import io
import re
import struct
import threading
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Literal

from model.workbook.errors import UnreadableWorkbook, column_letter, make_error

# The formats calamine reads, as the uploader lists them; told apart by content (``FileKind``),
# never by name: WPS saves .et, whose bytes are one of these (BIFF8 like .xls, or a package).
ACCEPTED_SUFFIXES = ("xlsx", "xlsm", "xls", "xlsb", "ods", "et")
FileFormat = Literal["xlsx", "xlsm", "xls", "xlsb", "ods"]

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
# Real bytes after inflating, whatever the directory claims. A province-year ledger (a million
# participation rows) is about 300 MB of XML; a parser needs about 3× its XML in memory.
MAX_UNCOMPRESSED_BYTES = 600 * 1024 * 1024
MAX_PART_BYTES = 400 * 1024 * 1024
MAX_PART_RATIO = 200  # real sheet XML compresses 10–60×; a bomb, hundreds or thousands
RATIO_CHECKED_FROM = 10 * 1024 * 1024
# calamine holds a sheet as a dense grid from A1 to its farthest value: rows × columns cells of
# about 40 bytes each. A province's participation sheet is 1,000,000 × 6.
MAX_SHEET_CELLS = 16_000_000
# .ods writes identical consecutive rows once, with a repeat count: a kilobyte can stand for a
# million rows of data. Real ledgers repeat few rows that hold values (empty ones cost nothing).
MAX_ODS_REPEATED_ROWS = 10_000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class FileKind:
    """What the bytes are: the format and whether they carry macros (never run, only noted)."""

    format: FileFormat
    macros: bool = False

    @property
    def suffix(self) -> str:
        return f".{self.format}"


@dataclass(frozen=True)
class SheetExtent:
    """The farthest cell holding a value: 1-based row and column (0 when the sheet is empty)."""

    part: str
    max_row: int
    max_column: int

    @property
    def cells(self) -> int:
        return self.max_row * self.max_column


def check_workbook_bytes(data: bytes, max_bytes: int = MAX_UPLOAD_BYTES) -> FileKind:
    """The kind of a sane spreadsheet file; UnreadableWorkbook for anything else."""
    if not data:
        raise UnreadableWorkbook(make_error("FILE_EMPTY"))
    if len(data) > max_bytes:
        raise UnreadableWorkbook(
            make_error(
                "FILE_TOO_LARGE", size_mb=len(data) / 1024 / 1024, limit_mb=max_bytes // 2**20
            )
        )
    if data.startswith(_OLE_MAGIC):
        return _ole_kind(data)
    if not data.startswith(_ZIP_MAGIC):
        raise UnreadableWorkbook(make_error("FILE_NOT_XLSX"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UnreadableWorkbook(
            make_error("FILE_CORRUPT", detail_code="LIBRARY", reason=str(exc))
        ) from exc
    if len(entries) > MAX_ZIP_ENTRIES:
        raise UnreadableWorkbook(
            make_error("FILE_ZIP_BOMB", detail_code="ZIP_PARTS", count=len(entries))
        )
    names = {entry.filename for entry in entries}
    kind = _package_kind(archive, names)
    sheet_names = _sheet_parts(archive) if kind.format in ("xlsx", "xlsm") else {}
    extents = _inflate_all(data, entries)
    if kind.format == "ods":
        _check_ods_repeats(data, archive.getinfo("content.xml"))
    for extent in extents:
        if extent.cells > MAX_SHEET_CELLS:
            raise UnreadableWorkbook(
                make_error(
                    "FILE_FAR_CELL",
                    sheet=sheet_names.get(extent.part, extent.part),
                    cell=f"{column_letter(extent.max_column - 1)}{extent.max_row}",
                    rows=extent.max_row,
                    columns=extent.max_column,
                )
            )
    return kind


# Stream names in an OLE directory are UTF-16: .xls keeps its cells in "Workbook" (BIFF8) or
# "Book" (BIFF5), its macros under "_VBA_PROJECT_CUR"; an encrypted .xlsx is an OLE file too.
_OLE_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_OLE_WORKBOOK = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))
_OLE_MACROS = "_VBA_PROJECT".encode("utf-16-le")
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def _ole_kind(data: bytes) -> FileKind:
    if _OLE_ENCRYPTED in data:
        raise UnreadableWorkbook(make_error("FILE_ENCRYPTED"))
    if not any(stream in data for stream in _OLE_WORKBOOK):
        raise UnreadableWorkbook(make_error("FILE_NOT_XLSX"))  # a Word or other OLE file
    return FileKind("xls", macros=_OLE_MACROS in data)


def _package_kind(archive: zipfile.ZipFile, names: set[str]) -> FileKind:
    lowered = {name.lower() for name in names}
    macros = any(name.endswith("vbaproject.bin") for name in lowered)
    if "mimetype" in names:
        mimetype = _read_small(archive, "mimetype", limit=200).strip()
        if mimetype != _ODS_MIMETYPE or "content.xml" not in names:
            raise UnreadableWorkbook(make_error("FILE_NOT_XLSX"))  # a text document, a slide show
        manifest = (
            _read_small(archive, "META-INF/manifest.xml")
            if "META-INF/manifest.xml" in names
            else b""
        )
        if b"encryption-data" in manifest:
            raise UnreadableWorkbook(make_error("FILE_ENCRYPTED"))
        return FileKind("ods", macros=any(name.startswith("basic/") for name in lowered))
    if "[Content_Types].xml" not in names:
        raise UnreadableWorkbook(make_error("FILE_NOT_XLSX"))
    if "xl/workbook.xml" not in names:
        if "xl/workbook.bin" in names:
            return FileKind("xlsb", macros=macros)
        raise UnreadableWorkbook(make_error("FILE_NOT_XLSX"))
    content_types = _read_small(archive, "[Content_Types].xml").lower()
    macros = macros or b"macroenabled" in content_types
    return FileKind("xlsm" if macros else "xlsx", macros=macros)


def _read_small(archive: zipfile.ZipFile, name: str, limit: int = 2_000_000) -> bytes:
    """A small part read with a cap on the real bytes, for the checks above."""
    try:
        with archive.open(name) as part:
            return part.read(limit)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise UnreadableWorkbook(
            make_error("FILE_CORRUPT", detail_code="LIBRARY", reason=str(exc))
        ) from exc


_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b([^<>]{0,4000})>")
_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]{0,4000}>")
_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"<>]{0,2000})"')


_ROW_REPEAT = re.compile(
    rb"<table:table-row\b[^<>]{0,400}?number-rows-repeated=\"(\d{1,9})\"[^<>]{0,400}?(/?)>"
)
_ROW_CLOSE = b"</table:table-row>"
_HOLDS_VALUE = re.compile(rb"office:value-type=|<text:p\b")


def _check_ods_repeats(data: bytes, content: zipfile.ZipInfo) -> None:
    """Refuse an .ods whose rows that hold values are repeated into too many rows."""
    _, xml = _inflate(data, content, keep=True)
    assert xml is not None
    repeated = 0
    for match in _ROW_REPEAT.finditer(xml):
        count = int(match.group(1))
        if count < 2 or match.group(2):  # not repeated, or an empty self-closed row
            continue
        end = xml.find(_ROW_CLOSE, match.end())
        if _HOLDS_VALUE.search(xml, match.end(), end if end >= 0 else len(xml)):
            repeated += count - 1
    if repeated > MAX_ODS_REPEATED_ROWS:
        raise UnreadableWorkbook(
            make_error("FILE_TOO_COMPLEX", detail_code="ROWS_REPEATED", count=repeated)
        )


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → sheet name as the clerk sees it, for messages (best effort)."""
    workbook = _read_small(archive, "xl/workbook.xml")
    try:
        rels = _read_small(archive, "xl/_rels/workbook.xml.rels")
    except (UnreadableWorkbook, KeyError):
        return {}
    targets = {}
    for match in _RELATIONSHIP.finditer(rels):
        attributes = dict(_ATTRIBUTE.findall(match.group(0)))
        target = attributes.get(b"Target", b"").decode("utf-8", "replace").lstrip("/")
        part = target if target.startswith("xl/") else f"xl/{target}"
        targets[attributes.get(b"Id", b"")] = part
    names = {}
    for tag in _SHEET_TAG.finditer(workbook):
        attributes = {key.split(b":")[-1]: value for key, value in _ATTRIBUTE.findall(tag[1])}
        if b"name" in attributes and b"id" in attributes:
            names[targets.get(attributes[b"id"], "")] = _unescape(attributes[b"name"])
    return names


def _unescape(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'")):
        text = text.replace(entity, char)
    return text.replace("&amp;", "&")


def _inflate_all(data: bytes, entries: list[zipfile.ZipInfo]) -> list[SheetExtent]:
    """Inflate every part for real, capping each and the total; measure each worksheet.

    zlib lets go of the GIL while it inflates, so two threads halve the time on big files.
    """

    budget = _Budget(MAX_UNCOMPRESSED_BYTES)

    def measure(entry: zipfile.ZipInfo) -> tuple[int, SheetExtent | None]:
        is_sheet = entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml")
        size, content = _inflate(data, entry, keep=is_sheet, budget=budget)
        ratio = size / max(entry.compress_size, 1)
        if size > RATIO_CHECKED_FROM and ratio > MAX_PART_RATIO:
            raise UnreadableWorkbook(
                make_error(
                    "FILE_ZIP_BOMB", detail_code="PART_RATIO", part=entry.filename, ratio=ratio
                )
            )
        return size, sheet_extent(entry.filename, content) if content is not None else None

    # Largest first, so the two threads finish together.
    ordered = sorted(entries, key=lambda entry: -entry.compress_size)
    with ThreadPoolExecutor(max_workers=2) as pool:
        measured = list(pool.map(measure, ordered))
    return [extent for _, extent in measured if extent is not None]


class _Budget:
    """Real inflated bytes of the whole package, shared by the threads that inflate it."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0
        self.lock = threading.Lock()

    def spend(self, size: int) -> None:
        with self.lock:
            self.used += size
            if self.used > self.limit:
                raise UnreadableWorkbook(
                    make_error("FILE_ZIP_BOMB", detail_code="UNPACKED_OVER", mb=self.limit >> 20)
                )


def _inflate(
    data: bytes, entry: zipfile.ZipInfo, keep: bool, budget: _Budget | None = None
) -> tuple[int, bytes | None]:
    """(real size, content if kept) of one part, read from its local header onwards."""
    offset = entry.header_offset
    header = data[offset : offset + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or not header.startswith(b"PK\x03\x04"):
        raise UnreadableWorkbook(
            make_error("FILE_CORRUPT", detail_code="PART_HEADER_BROKEN", part=entry.filename)
        )
    fields = _LOCAL_HEADER.unpack(header)
    method, name_length, extra_length = fields[4], fields[10], fields[11]
    start = offset + _LOCAL_HEADER.size + name_length + extra_length
    budget = budget or _Budget(MAX_UNCOMPRESSED_BYTES)
    if method == zipfile.ZIP_STORED:
        content = data[start : start + entry.compress_size]
        budget.spend(len(content))
        return len(content), content if keep else None
    if method != zipfile.ZIP_DEFLATED:
        raise UnreadableWorkbook(
            make_error(
                "FILE_CORRUPT", detail_code="PART_METHOD", part=entry.filename, method=method
            )
        )
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    pieces: list[bytes] = []
    size = 0
    position = start
    pending = b""
    try:
        while not inflater.eof:
            if not pending:
                pending = data[position : position + _CHUNK]
                position += len(pending)
                if not pending:
                    break  # truncated stream: the parser reports it
            piece = inflater.decompress(pending, _CHUNK)
            pending = inflater.unconsumed_tail
            size += len(piece)
            budget.spend(len(piece))
            if size > MAX_PART_BYTES:
                raise UnreadableWorkbook(
                    make_error(
                        "FILE_ZIP_BOMB",
                        detail_code="PART_UNPACKED_OVER",
                        part=entry.filename,
                        mb=MAX_PART_BYTES >> 20,
                    )
                )
            if keep:
                pieces.append(piece)
    except zlib.error as exc:
        raise UnreadableWorkbook(
            make_error(
                "FILE_CORRUPT", detail_code="PART_BROKEN", part=entry.filename, reason=str(exc)
            )
        ) from exc
    return size, b"".join(pieces) if keep else None


_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is)\b")
# Tags are matched with bounded attribute runs: unbounded [^>]* would let a file of unclosed
# tags make every search quadratic (seen: 9 KB that took 165 s).
_CELL_OPEN = re.compile(rb"<(?:\w+:)?c\b[^<>]{0,400}>")
_ROW_OPEN = re.compile(rb"<(?:\w+:)?row\b[^<>]{0,400}>")
_REF = re.compile(rb"\br=[\"']([A-Z]{1,3})(\d+)[\"']")
_ROW_REF = re.compile(rb"\br=[\"'](\d+)[\"']")
# Any cell past column K: a ledger sheet rarely has one, so this one scan usually settles it.
_PAST_K = re.compile(rb"r=[\"'](?:[L-Z]|[A-Z]{2,3})\d")
_VALUED_COLUMN = re.compile(
    rb"<(?:\w+:)?c\b[^<>]{0,400}?\br=[\"']([A-Z]{1,3})\d+[\"'][^<>]{0,400}(?<!/)>"
    rb"(?:<(?:\w+:)?f\b[^<>]{0,400}/>|<(?:\w+:)?f\b[^<>]{0,400}>[^<]*</(?:\w+:)?f>)?"
    rb"<(?:\w+:)?(?:v|is)\b"
)
_NARROW_COLUMNS = 11
_TAGS_BACK = 12


def sheet_extent(part: str, xml: bytes) -> SheetExtent:
    """The farthest row and column holding a value; empty styled cells and rows cost nothing.

    Rows come from the last value (rows are in order in every file Excel, WPS or
    LibreOffice writes; a hostile file that breaks the order meets the worker's memory limit).
    Columns: one scan for cells past column K, exact letters only when there are some.
    """
    last = _last_match_start(_VALUE, xml)
    if last < 0:
        return SheetExtent(part, 0, 0)
    last_row, last_column = _position(xml, last)
    max_column = max(last_column, 1)
    if _PAST_K.search(xml):
        letters = set(_VALUED_COLUMN.findall(xml))
        max_column = max([max_column, *(_column_number(letter) for letter in letters)])
    else:
        max_column = max(max_column, _NARROW_COLUMNS)
    return SheetExtent(part, last_row, max_column)


def _position(xml: bytes, value_at: int) -> tuple[int, int]:
    """(row, column) of the cell whose value starts at ``value_at``."""
    cell_at = xml.rfind(b"<", 0, value_at)
    for _ in range(_TAGS_BACK):  # <c …><f>…</f><v>: the cell's tag is a few tags back
        if cell_at <= 0 or _CELL_OPEN.match(xml, cell_at):
            break
        cell_at = xml.rfind(b"<", 0, cell_at)
    cell = _CELL_OPEN.match(xml, max(cell_at, 0))
    ref = _REF.search(cell.group(0)) if cell else None
    if ref:
        return int(ref.group(2)), _column_number(ref.group(1))
    row_at = xml.rfind(b"<", 0, value_at)
    for _ in range(_TAGS_BACK):
        if row_at <= 0 or _ROW_OPEN.match(xml, row_at):
            break
        row_at = xml.rfind(b"<", 0, row_at)
    row = _ROW_OPEN.match(xml, max(row_at, 0))
    row_ref = _ROW_REF.search(row.group(0)) if row else None
    return (int(row_ref.group(1)) if row_ref else 1), 1


def _last_match_start(pattern: re.Pattern[bytes], data: bytes) -> int:
    """Start of the last match, searching backwards in growing windows (values are near the end
    except when a million styled empty rows follow the data)."""
    window = 1 << 16
    while True:
        start = max(0, len(data) - window)
        found = [m.start() for m in pattern.finditer(data, start)]
        if found:
            return found[-1]
        if start == 0:
            return -1
        window *= 4


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number
