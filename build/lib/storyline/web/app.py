"""The FastAPI application: REST API under /api, HTML pages, the packaged stylesheet, and security headers.

Read-only: there are only GET routes. Every response carries a strict Content-Security-Policy (no scripts at all,
styles and images from this origin only), so even markup that slipped through escaping could not run.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..api import Corpus
from . import pages, rest
from .deps import CorpusSource
from .render import render

CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(db: str | Path) -> FastAPI:
    """The app over the store at `db` (which must exist: serving never creates or writes a store)."""
    path = Path(db)
    if not path.is_file():
        raise FileNotFoundError(f"no store at {path}")
    Corpus(path).close()  # a store of another schema fails here, not on the first request
    app = FastAPI(title="storyline", version=__version__, docs_url=None, redoc_url=None,
                  description="Read-only API over a storyline corpus: articles, quotes, entities, full-text search.")
    app.state.corpus_source = CorpusSource(path)
    app.include_router(rest.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("storyline.web", "static")]), name="static")
    _add_error_handlers(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def _add_error_handlers(app: FastAPI) -> None:
    """4xx answers: JSON `{"detail": …}` under /api, an HTML page elsewhere; never a bare 500 for bad input."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": error.detail}, status_code=error.status_code)
        return HTMLResponse(render("error.html.j2", links=pages.LINKS, query=None, status=error.status_code,
                                   message=error.detail), status_code=error.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, error: RequestValidationError) -> Response:
        message = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=422)
        return HTMLResponse(render("error.html.j2", links=pages.LINKS, query=None, status=422, message=message),
                            status_code=422)
