"""Make sure headless Chromium is available for the browser tests (used by `make test`).

Installs Debian's chromium package when it is missing and this process may (root, apt-get present);
otherwise says in one line why the browser tests will skip. Never fails the test run by itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find() -> str | None:
    explicit = os.environ.get("KGRAPH_CHROMIUM")
    if explicit and os.path.exists(explicit):
        return explicit
    return next((p for p in map(shutil.which, CANDIDATES) if p), None)


def main() -> int:
    if find():
        return 0
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
        print("browser tests will skip: no Chromium found and not root with apt-get to install it", file=sys.stderr)
        return 0
    print("installing Debian's chromium for the browser tests (apt-get) ...", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium", "fonts-dejavu-core"]):
        result = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            print(f"browser tests will skip: {' '.join(cmd)} failed: {result.stderr.strip()[-200:]}", file=sys.stderr)
            return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
