"""Headless Chromium for the view tests: Debian's chromium driven by Playwright (never Playwright's own
browser download, which cannot work offline). Skips with a one-line reason where no browser exists."""

from __future__ import annotations

import contextlib
import os
import shutil

import pytest

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


def chromium_path() -> str | None:
    explicit = os.environ.get("KGRAPH_CHROMIUM")
    if explicit and os.path.exists(explicit):
        return explicit
    return next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)


@contextlib.contextmanager
def open_page(url: str, viewport=(1400, 850)):
    """(page, external_requests, errors) for `url`, with every request to another host blocked and recorded."""
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium on this machine (make test installs Debian's chromium when run as root)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=ARGS)
        try:
            # CSP bypassed on purpose: the page must be safe through escaping alone, its CSP is a second wall
            page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]}, bypass_csp=True)
            external: list[str] = []
            errors: list[str] = []

            def route(r):
                if r.request.url.startswith(("file:", "data:", "about:")):
                    r.continue_()
                else:
                    external.append(r.request.url)
                    r.abort()

            page.route("**/*", route)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
            page.goto(url)
            page.wait_for_function("window.kgraph && window.kgraph.isSettled()", timeout=30_000)
            yield page, external, errors
        finally:
            browser.close()
