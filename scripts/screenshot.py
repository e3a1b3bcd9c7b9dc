"""Screenshot of an HTML view in headless Chromium (Debian's chromium, driven by Playwright):
python scripts/screenshot.py out/graph.html docs/graph.png"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


def main(html: str, png: str, focus: str | None = None) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        sys.exit("no Chromium found: install Debian's chromium (make test does it when run as root)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        # the page forbids eval; Playwright polls with it, so only this automation context bypasses the CSP
        page = browser.new_page(viewport={"width": 1400, "height": 850}, device_scale_factor=1, bypass_csp=True)
        page.goto(Path(html).resolve().as_uri())
        page.wait_for_function("window.kgraph && window.kgraph.isSettled()", timeout=60_000)
        page.evaluate("kgraph.network.fit()")
        edge = page.evaluate("""() => { const e = kgraph.edgeView.get().find(e => e.category === 'THREATEN');
                                         return e ? e.id : null; }""")
        if edge:
            page.evaluate(f"kgraph.network.emit('click', {{nodes: [], edges: ['{edge}']}}); null")
        page.wait_for_timeout(300)
        page.screenshot(path=png)
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])
