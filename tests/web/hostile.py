"""Hostile documents for the safety tests: markup and script in every field a page shows.

Each payload would set window.__pwned or document.title if it ever ran in a browser.
"""

from __future__ import annotations

TITLE = 'Böse <script>window.__pwned = "title"; document.title = "pwned"</script> Seite'
TEXT = (
    'Der Sprecher sagte, <script>window.__pwned = "text"; document.title = "pwned"</script> sei harmlos. '
    '„Das ist <img src=x onerror="window.__pwned = \'img\'">“, sagte die Ministerin Anna Schwarz. '
    'Laut Polizei wurden <a href="javascript:window.__pwned=\'link\'">14 Menschen</a> verletzt. '
    'Die Gewerkschaft erklärte, man werde <b onclick="window.__pwned=\'click\'">streiken</b>, '
    'weil <svg onload="window.__pwned=\'svg\'"></svg> 2.400 Beschäftigte betroffen seien.'
)
DOCUMENTS = [
    {"id": "evil-text", "title": TITLE, "text": TEXT, "lang": "de", "published": "2026-12-02",
     "outlet": '<img src=x onerror="window.__pwned = \'outlet\'">Hetzblatt',
     "url": "javascript:window.__pwned='url'"},
    {"id": "evil-html", "lang": "de", "published": "2026-12-03", "url": "https://evil.example/a",
     "html": (
         "<html><head><title>Angriff &lt;script&gt;window.__pwned='head'&lt;/script&gt;</title>"
         "<script>window.__pwned = 'page script'</script></head><body><article>"
         "<h1>Angriff &lt;img src=x onerror=window.__pwned='h1'&gt;</h1>"
         "<p>Der Minister sagte, &lt;script&gt;window.__pwned = 'entity'&lt;/script&gt; sei erfunden. "
         "<a href=\"javascript:window.__pwned='a'\">Hier klicken</a> für mehr.</p>"
         "<p onclick=\"window.__pwned='p'\">Die Polizei erklärte, es gebe keine Verletzten.</p>"
         "</article></body></html>")},
]
MARKERS = ("<script>", "onerror=", "javascript:", "onclick=", "onload=")
