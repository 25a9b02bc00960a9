"""Fetch one URL politely and safely (httpx): no private, loopback or link-local targets by default.

Refusing internal addresses keeps a shared server from being used to probe its own network.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from claimledger.errors import InputRejected
from claimledger.ingest.decode import decode
from claimledger.records import RawDocument

USER_AGENT = "claimledger/0.1 (+https://example.invalid/claimledger)"


def _check_host(url: str, allow_private: bool) -> None:
    host = urlsplit(url).hostname
    if not host:
        raise InputRejected(url, "bad-url", "the URL has no host")
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as exc:
        raise InputRejected(url, "unreachable", f"cannot resolve {host}: {exc}") from exc
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        internal = ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved
        if internal and not allow_private:
            raise InputRejected(
                url, "private-address",
                f"{host} resolves to internal address {ip}; refused (use --allow-private to permit)",
            )


@dataclass(frozen=True, slots=True)
class Fetched:
    status: int
    headers: httpx.Headers
    body: bytes


def http_get(url: str, *, max_bytes: int, allow_private: bool = False, timeout: float = 20.0,
             headers: dict[str, str] | None = None) -> Fetched:
    """GET with the address guard, our User-Agent and a size cap; no redirects followed."""
    _check_host(url, allow_private)
    try:
        with httpx.stream("GET", url, headers={"User-Agent": USER_AGENT, **(headers or {})},
                          timeout=timeout, follow_redirects=False) as resp:
            body = bytearray()
            for chunk in resp.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise InputRejected(url, "too-large", "response exceeds the size limit")
            return Fetched(resp.status_code, resp.headers, bytes(body))
    except httpx.HTTPError as exc:
        raise InputRejected(url, "unreachable", f"{type(exc).__name__}: {exc}") from exc


def to_raw(url: str, fetched: Fetched) -> RawDocument:
    """A fetched 200 response as a document; other statuses are rejected."""
    if fetched.status != 200:
        raise InputRejected(url, f"http-{fetched.status}",
                            "the server did not return the page; check the URL")
    text = decode(fetched.body, url)
    if "html" in fetched.headers.get("content-type", "html"):
        return RawDocument(origin=url, html=text, url=url)
    return RawDocument(origin=url, text=text, url=url)


def make_fetcher(max_bytes: int, allow_private: bool = False, timeout: float = 20.0):
    """A function URL -> RawDocument that refuses internal addresses and oversized bodies."""

    def fetch(url: str) -> RawDocument:
        return to_raw(url, http_get(url, max_bytes=max_bytes, allow_private=allow_private,
                                    timeout=timeout))

    return fetch
