"""A recording HTTP stub that answers the few Elasticsearch calls the engine makes. NOT Elasticsearch.

It exists so the real ``elasticsearch`` client (URL building, parameter names, product check, error
classes, timeouts) is exercised without a cluster, and so the engine's alias bookkeeping can be followed
step by step. Its answers follow the documented response shapes; it has no analysis, no scoring and no
search of its own: ``_search`` answers whatever hits a test sets. Passing tests here say nothing about
how a real cluster analyses or scores; tests marked ``elasticsearch`` cover that against a live one.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from fnmatch import fnmatch
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict
    body: str

    def json(self):
        return json.loads(self.body) if self.body else None


@dataclass
class StubCluster:
    indexes: dict[str, dict] = field(default_factory=dict)  # name -> {"aliases": set, "docs": dict}
    requests: list[Request] = field(default_factory=list)
    search_hits: list[dict] = field(default_factory=list)
    fail_with: int | None = None  # answer every request with this HTTP status
    hang_seconds: float = 0.0  # wait this long before answering
    url: str = ""

    # --- helpers for tests ---

    def aliases_of(self, alias):
        return sorted(name for name, data in self.indexes.items() if alias in data["aliases"])

    def add_index(self, name, *, aliases=()):
        self.indexes[name] = {"aliases": set(aliases), "docs": {}}

    def calls(self, method=None):
        return [r for r in self.requests if method is None or r.method == method]

    # --- answering ---

    def _resolve(self, name):
        if name in self.indexes:
            return [name]
        return self.aliases_of(name)

    def answer(self, request: Request):  # noqa: C901 - a small router, kept in one place
        if self.hang_seconds:
            time.sleep(self.hang_seconds)
        if self.fail_with:
            # The body echoes the request like a real parse error would, to prove it is never logged.
            return self.fail_with, {"error": {"type": "stub_failure", "reason": request.body}, "status": 500}
        parts = [unquote(p) for p in request.path.strip("/").split("/") if p]
        method = request.method

        if parts == ["_aliases"] and method == "POST":
            for action in request.json()["actions"]:
                ((kind, spec),) = action.items()
                if kind == "add":
                    self.indexes[spec["index"]]["aliases"].add(spec["alias"])
                elif kind == "remove":
                    self.indexes[spec["index"]]["aliases"].discard(spec["alias"])
                elif kind == "remove_index":
                    self.indexes.pop(spec["index"])
            return 200, {"acknowledged": True}
        if parts[:1] == ["_alias"]:
            targets = self.aliases_of(parts[1])
            if not targets:
                return 404, {"error": f"alias [{parts[1]}] missing", "status": 404}
            return 200, {name: {"aliases": {parts[1]: {}}} for name in targets}
        if parts == ["_bulk"]:
            return 200, self._bulk(request.body)
        if len(parts) == 1:
            name = parts[0]
            if method == "PUT":
                if name in self.indexes:
                    return 400, {"error": {"type": "resource_already_exists_exception"}, "status": 400}
                body = request.json() or {}
                self.add_index(name, aliases=body.get("aliases", {}).keys())
                return 200, {"acknowledged": True, "shards_acknowledged": True, "index": name}
            if method == "HEAD":
                return (200 if self._resolve(name) else 404), None
            if method == "GET":
                found = {n: {} for n in self.indexes if fnmatch(n, name)}
                return (200, found) if found or "*" in name else (404, {"status": 404})
            if method == "DELETE":
                if name not in self.indexes:
                    return 404, {"error": {"type": "index_not_found_exception"}, "status": 404}
                self.indexes.pop(name)
                return 200, {"acknowledged": True}
        if len(parts) == 2 and parts[1] == "_refresh":
            return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
        if len(parts) == 2 and parts[1] == "_search":
            if not self._resolve(parts[0]):
                return 404, {"error": {"type": "index_not_found_exception"}, "status": 404}
            return 200, {"took": 1, "timed_out": False, "hits": {"hits": self.search_hits}}
        if len(parts) == 3 and parts[1] == "_doc":
            targets = self._resolve(parts[0])
            if not targets:
                return 404, {"error": {"type": "index_not_found_exception"}, "status": 404}
            docs = self.indexes[targets[0]]["docs"]
            if method == "PUT":
                docs[parts[2]] = request.json()
                return 201, {"_id": parts[2], "result": "created"}
            if method == "DELETE":
                found = docs.pop(parts[2], None) is not None
                return (200 if found else 404), {
                    "_id": parts[2],
                    "result": "deleted" if found else "not_found",
                }
        return 400, {
            "error": {"type": "stub_does_not_know", "reason": f"{method} {request.path}"},
            "status": 400,
        }

    def _bulk(self, body):
        lines = [json.loads(line) for line in body.splitlines() if line.strip()]
        items, i = [], 0
        while i < len(lines):
            ((op, meta),) = lines[i].items()
            i += 1
            targets = self._resolve(meta["_index"])
            docs = self.indexes[targets[0]]["docs"] if targets else None
            if op == "index":
                status = 201 if docs is not None else 404
                if docs is not None:
                    docs[meta["_id"]] = lines[i]
                i += 1
            else:
                status = 200 if docs is not None and docs.pop(meta["_id"], None) is not None else 404
            items.append({op: {"_index": meta["_index"], "_id": meta["_id"], "status": status}})
        return {"took": 1, "errors": any(item[op]["status"] >= 300 for item in items), "items": items}


def serve(cluster: StubCluster):
    """Start *cluster* on a free local port; returns the server (call ``shutdown()`` when done)."""

    class Handler(BaseHTTPRequestHandler):
        def _handle(self):
            split = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else ""
            request = Request(self.command, split.path, parse_qs(split.query), body)
            cluster.requests.append(request)
            status, payload = cluster.answer(request)
            data = b"" if payload is None else json.dumps(payload).encode()
            try:
                self.send_response(status)
                # The client refuses servers that do not say they are Elasticsearch.
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False
    cluster.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


def hanging_cluster():
    """A socket that accepts connections (the kernel completes the handshake) and never answers.

    This is the failure issue 12 measured: a closed port fails at once, this one costs a full timeout.
    Returns ``(url, close)``.
    """
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)  # never accept(): connections wait in the backlog, requests are never read
    return f"http://127.0.0.1:{sock.getsockname()[1]}", sock.close
