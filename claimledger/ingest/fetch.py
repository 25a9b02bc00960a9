"""Fetch one URL politely and safely (httpx): no private, loopback or link-local targets by default.

Refusing internal addresses keeps a shared server from being used to probe its own network.
"""

from __future__ import annotations

import ipaddress
import socket
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


def make_fetcher(max_bytes: int, allow_private: bool = False, timeout: float = 20.0):
    """A function URL -> RawDocument that refuses internal addresses and oversized bodies."""

    def fetch(url: str) -> RawDocument:
        _check_host(url, allow_private)
        headers = {"User-Agent": USER_AGENT}
        try:
            with httpx.stream("GET", url, headers=headers, timeout=timeout,
                              follow_redirects=False) as resp:
                if resp.status_code != 200:
                    raise InputRejected(url, f"http-{resp.status_code}",
                                        "the server did not return the page; check the URL")
                body = bytearray()
                for chunk in resp.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        raise InputRejected(url, "too-large", "response exceeds the size limit")
        except httpx.HTTPError as exc:
            raise InputRejected(url, "unreachable", f"{type(exc).__name__}: {exc}") from exc
        text = decode(bytes(body), url)
        if "html" in resp.headers.get("content-type", "html"):
            return RawDocument(origin=url, html=text, url=url)
        return RawDocument(origin=url, text=text, url=url)

    return fetch
