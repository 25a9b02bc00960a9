"""Who may talk to the server: loopback by default, a bearer token for anything else.

Without a token the app trusts only requests whose Host is a loopback name, which stops web pages
on other origins from reaching the ledger through DNS rebinding. With a token every request must
carry it (`Authorization: Bearer`); browsers log in once and get a cookie derived from it.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress

from claimledger.errors import ClaimledgerError

MIN_TOKEN_LENGTH = 16
COOKIE = "claimledger_session"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
PUBLIC_PATHS = ("/static/", "/login")

# The browser may run our own script and style sheet, nothing inline and nothing from elsewhere.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def is_loopback(host: str) -> bool:
    name = host.strip().lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve beyond loopback without a token, and refuse guessable tokens."""
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise ClaimledgerError(
            f"the token must have at least {MIN_TOKEN_LENGTH} characters; make one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(32))'"
        )
    if token is None and not is_loopback(host):
        raise ClaimledgerError(
            f"serving on {host} exposes the ledger to the network: pass --token TOKEN or set "
            "CLAIMLEDGER_TOKEN (every request must then send 'Authorization: Bearer TOKEN'), "
            "or bind 127.0.0.1"
        )


def host_is_local(host_header: str) -> bool:
    """True when a Host header names a loopback address (any port)."""
    host = host_header.strip()
    if host.startswith("["):
        host = host[: host.find("]") + 1] if "]" in host else host
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    return is_loopback(host)


def token_matches(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def bearer(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer ...` header, else None."""
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def session_value(token: str) -> str:
    """The browser cookie: derived from the token, so a stolen cookie cannot call the write API."""
    return hmac.new(token.encode("utf-8"), b"claimledger web session", hashlib.sha256).hexdigest()
