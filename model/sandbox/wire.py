"""Messages on the socket between parent and child: a JSON header, then raw byte frames.

    8 bytes: the header's length │ header (JSON, orjson) │ each blob's bytes, in header order

The header lists the blobs as ``[name, size]`` pairs under ``"blobs"``. Nothing here runs code
on load: JSON becomes dicts, lists, strings and numbers; blobs stay bytes.
"""

from __future__ import annotations

import socket
import struct
from collections.abc import Mapping
from typing import Any

import orjson

from model.sandbox.registry import Blob

LENGTH = struct.Struct("!Q")
CHUNK = 1 << 22


class ProtocolError(ValueError):
    """The other side sent something that is not a message."""


def send_message(
    connection: socket.socket, header: dict[str, Any], blobs: Mapping[str, Blob]
) -> None:
    views = {name: memoryview(blob).cast("B") for name, blob in blobs.items()}
    body = orjson.dumps({**header, "blobs": [[name, view.nbytes] for name, view in views.items()]})
    connection.sendall(LENGTH.pack(len(body)) + body)
    for view in views.values():
        connection.sendall(view)


def receive_message(connection: socket.socket) -> tuple[dict[str, Any], dict[str, bytes]]:
    (size,) = LENGTH.unpack(receive_exactly(connection, LENGTH.size))
    try:
        header = orjson.loads(receive_exactly(connection, size))
    except orjson.JSONDecodeError as exc:
        raise ProtocolError("the header is not JSON") from exc
    listed = header.pop("blobs", None) if isinstance(header, dict) else None
    if not isinstance(listed, list):
        raise ProtocolError("the header lists no blobs")
    blobs: dict[str, bytes] = {}
    for entry in listed:
        match entry:
            case [str(name), int(length)] if length >= 0 and name not in blobs:
                blobs[name] = receive_exactly(connection, length)
            case _:
                raise ProtocolError(f"a blob entry is malformed: {entry!r:.80}")
    return header, blobs


def receive_exactly(connection: socket.socket, size: int) -> bytes:
    """``size`` bytes; memory grows only with what arrives, whatever size was announced."""
    chunks = []
    while size:
        chunk = connection.recv(min(size, CHUNK))
        if not chunk:
            raise EOFError("connection closed")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
