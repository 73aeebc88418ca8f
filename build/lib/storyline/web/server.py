"""Running the app in-process on loopback, in a background thread: for the browser tests, the load benchmark and
the screenshots, which need a real HTTP server but must stop it when done."""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from .app import create_app


@contextmanager
def running(db: str | Path, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve the store at `db` until the block ends; yields the base URL (port 0: a free port is chosen)."""
    config = uvicorn.Config(create_app(db), host=host, port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="storyline-web", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the web server did not start")
        time.sleep(0.02)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
