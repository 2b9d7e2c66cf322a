"""Checks on untrusted bytes before any parser sees them: size, container, zip structure.

The uploader's file type is no security check, so every path into the reader passes here.
"""

from __future__ import annotations

import io
import zipfile

from model.errors import UnreadableWorkbook, make_error

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024
MAX_ENTRY_RATIO = 1_000  # real sheet XML compresses 10–50×; a bomb, thousands

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


def check_workbook_bytes(data: bytes, max_bytes: int = MAX_UPLOAD_BYTES) -> None:
    """Raise UnreadableWorkbook unless ``data`` looks like a plain, sane .xlsx package."""
    if not data:
        raise UnreadableWorkbook(make_error("FILE_EMPTY"))
    if len(data) > max_bytes:
        raise UnreadableWorkbook(
            make_error(
                "FILE_TOO_LARGE", size_mb=len(data) / 1024 / 1024, limit_mb=max_bytes // 2**20
            )
        )
    if data.startswith(_OLE_MAGIC):
        # An encrypted .xlsx is an OLE container holding an EncryptionInfo stream.
        encrypted = "EncryptionInfo".encode("utf-16-le") in data[:1_000_000]
        raise UnreadableWorkbook(make_error("FILE_ENCRYPTED" if encrypted else "FILE_XLS"))
    if not data.startswith(_ZIP_MAGIC):
        raise UnreadableWorkbook(make_error("FILE_NOT_XLSX"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableWorkbook(make_error("FILE_CORRUPT", detail=str(exc))) from exc
    names = {entry.filename for entry in entries}
    _check_package_kind(archive, names)
    _check_bomb(entries)


def _check_package_kind(archive: zipfile.ZipFile, names: set[str]) -> None:
    if "mimetype" in names and any(n.endswith("content.xml") for n in names):
        raise UnreadableWorkbook(make_error("FILE_ODS"))
    if "xl/workbook.bin" in names:
        raise UnreadableWorkbook(make_error("FILE_XLSB"))
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise UnreadableWorkbook(make_error("FILE_NOT_XLSX"))
    content_types = archive.read("[Content_Types].xml")[:200_000].lower()
    if any(n.lower().endswith("vbaproject.bin") for n in names) or b"macroenabled" in (
        content_types
    ):
        raise UnreadableWorkbook(make_error("FILE_MACRO"))


def _check_bomb(entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_ZIP_ENTRIES:
        raise UnreadableWorkbook(make_error("FILE_ZIP_BOMB", detail=f"{len(entries)} 个部件"))
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise UnreadableWorkbook(
            make_error("FILE_ZIP_BOMB", detail=f"解压后 {total / 2**20:.0f} MB")
        )
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > 10 * 2**20 and ratio > MAX_ENTRY_RATIO:
            raise UnreadableWorkbook(
                make_error("FILE_ZIP_BOMB", detail=f"{entry.filename} 压缩比 {ratio:.0f}:1")
            )
