"""WARC archives (plain or gzipped) as crawlers write them: each successful HTML response is one article.

Requests, metadata, redirects, errors and non-HTML responses (images, scripts, feeds) are not articles, so they
are skipped without a failure; the size limit applies per record, since a crawl archive is large by nature.
A corrupt or truncated archive ends with one failure naming the last good position; the records before it stand.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from ..record import RawArticle, ReadFailure
from .decode import DecodeError, decode_bytes
from .limits import TooLarge, read_limited

log = logging.getLogger(__name__)
HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[RawArticle | ReadFailure]:
    """One RawArticle per HTML 200 response, `source` = "path#<record offset>", `url` = WARC-Target-URI.

    An archive without a single HTML page gives one failure saying so, so a wrong file is not silently empty.
    """
    records = ArchiveIterator(stream)
    offset, seen, articles = 0, 0, 0
    try:
        for record in records:
            seen += 1
            if not is_html_article(record):
                continue
            articles += 1
            payload = _read_payload(record, max_bytes)
            # Bytes the record header promised but the file lacks: the archive was cut off.
            if not isinstance(payload, TooLarge) and getattr(record.raw_stream, "limit", 0):
                raise EOFError(f"record for {record.rec_headers.get_header('WARC-Target-URI')} is cut short")
            offset = records.get_record_offset()  # only valid once the payload is read: it reads to the end
            yield _to_article(record, payload, f"{source}#{offset}")
    except Exception as error:  # warcio raises several unrelated types on corrupt input
        yield ReadFailure(source, f"corrupt or truncated WARC after offset {offset}: {_describe(error)}")
        return
    if not articles:
        yield ReadFailure(source, f"no HTML page (200 response) among the {seen} WARC records")


def is_html_article(record: ArcWarcRecord) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode()
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if status != "200" or not content_type.startswith(HTML_TYPES):
        log.debug("skipping WARC response %s (%s)", status, content_type)
        return False
    return True


def _read_payload(record: ArcWarcRecord, max_bytes: int) -> bytes | TooLarge:
    try:
        return read_limited(record.content_stream(), max_bytes, what="WARC record")
    except TooLarge as error:
        return error


def _to_article(record: ArcWarcRecord, payload: bytes | TooLarge, where: str) -> RawArticle | ReadFailure:
    if isinstance(payload, TooLarge):
        return ReadFailure(where, str(payload))
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        decoded = decode_bytes(payload, is_html=True, declared=_charset(record))
    except DecodeError as error:
        return ReadFailure(where, str(error).replace("empty file", "empty response"))
    return RawArticle(source=where, html=decoded.text, url=url, encoding=decoded.encoding)


def _charset(record: ArcWarcRecord) -> str | None:
    content_type = record.http_headers.get_header("Content-Type") or ""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _describe(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__
