"""`make demo`: fetch and build the bundled example, as a curator would, without the internet.

The example's articles live under examples/pages/<host>/<path>.html. A small forward proxy on
127.0.0.1 serves them at their own http:// URLs, so the digest links where a real review would;
`digest` reaches it through the standard HTTP_PROXY variable. The review is copied to ./demo/
so the store and the digests never land inside examples/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

EXAMPLES = Path(__file__).resolve().parent
PAGES = EXAMPLES / "pages"
EDITION = "2026-W48"


class ExampleSites(BaseHTTPRequestHandler):
    """Answers proxied requests (GET http://host/path) from examples/pages/host/path.html."""

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        target = urlsplit(self.path)
        page = (PAGES / (target.hostname or "") / f"{target.path.lstrip('/')}.html").resolve()
        if PAGES not in page.parents or not page.is_file():
            self.send_error(404)
            return
        body = page.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def run(folder: Path, *args: str, env: dict[str, str]) -> int:
    command = [str(Path(sys.executable).parent / "digest"), *args]
    print("$ digest " + " ".join(args), flush=True)
    return subprocess.run(command, cwd=folder, env=env, check=False).returncode


def main() -> int:
    folder = Path.cwd() / "demo"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    shutil.copy(EXAMPLES / "sources.yaml", folder / "sources.yaml")
    shutil.copytree(EXAMPLES / "saved", folder / "saved")
    server = ThreadingHTTPServer(("127.0.0.1", 0), ExampleSites)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    proxy = f"http://127.0.0.1:{server.server_address[1]}"
    env = dict(os.environ, HTTP_PROXY=proxy, http_proxy=proxy, NO_PROXY="", no_proxy="")
    try:
        status = run(folder, "fetch", env=env)
        run(folder, "list", env=env)
        run(folder, "check", env=env)
        status = max(status, run(folder, "build", "--edition", EDITION, env=env))
        run(folder, "build", "--edition", EDITION, "--format", "html", env=env)
    finally:
        server.shutdown()
    print(f"\nThe digest is in {folder.relative_to(Path.cwd()) / 'digests' / (EDITION + '.md')}")
    return status


if __name__ == "__main__":
    sys.exit(main())
