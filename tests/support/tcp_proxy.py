"""A small real TCP proxy for fault-injection tests (threads and sockets, no mocks).

    proxy = TcpProxy(("127.0.0.1", 5432))   # listens on 127.0.0.1:<ephemeral port>
    url = f"postgresql://postgres@127.0.0.1:{proxy.port}/db"
    proxy.cut()        # the database is unreachable: live connections reset, new ones refused
    proxy.restore()    # reachable again (same port)
    proxy.blackhole()  # a hung network: connections accepted, nothing forwarded either way
    proxy.close()

``cut`` closes the listening socket (a client's connect gets ECONNREFUSED at once) and
resets every live connection on both sides (SO_LINGER 0: the client and the server both
see the connection die in the middle of whatever they were doing). ``restore`` listens
again on the same port. ``cut`` and ``restore`` return once done: no connection opened
before ``cut`` carries a byte afterwards.

``blackhole`` keeps accepting but forwards nothing: bytes from either side are read and
dropped, new connections are never connected upstream. A client then depends on its own
timeouts (libpq ``connect_timeout``; note that TCP keepalives do not help here, the
proxy's kernel answers them). ``restore`` ends it for new connections; connections that
lost bytes in the hole (or were never connected upstream) are reset, as their protocol stream
is broken anyway.
"""

from __future__ import annotations

import select
import socket
import struct
import threading

CONNECT_TIMEOUT = 5.0
JOIN_TIMEOUT = 10.0
_POLL = 0.05  # how often blocked threads look at the proxy's state


def _reset(sock: socket.socket) -> None:
    """Close abruptly (RST, not FIN), from any thread, waking a thread blocked on it."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _Link:
    """One client connection and, unless black-holed, its upstream connection."""

    def __init__(self, proxy: TcpProxy, client: socket.socket, upstream: socket.socket | None) -> None:
        self.proxy = proxy
        self.client = client
        self.upstream = upstream
        self.dead = threading.Event()
        self.lost_bytes = False  # some bytes went into the black hole
        self.threads = [
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True),
        ]
        if upstream is not None:
            self.threads.append(threading.Thread(target=self._pump, args=(upstream, client), daemon=True))

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def _pump(self, source: socket.socket, sink: socket.socket | None) -> None:
        try:
            while not self.dead.is_set():
                readable, _, _ = select.select([source], [], [], _POLL)
                if not readable:
                    continue
                data = source.recv(65536)
                if not data:
                    break
                if sink is None or self.proxy.mode == "blackhole":
                    self.lost_bytes = True
                    continue
                sink.sendall(data)
        except (OSError, ValueError):
            pass
        finally:
            self.kill()

    def kill(self) -> None:
        if self.dead.is_set():
            return
        self.dead.set()
        for sock in (self.client, self.upstream):
            if sock is not None:
                _reset(sock)

    def join(self) -> None:
        current = threading.current_thread()
        for thread in self.threads:
            if thread is not current:
                thread.join(JOIN_TIMEOUT)
        for sock in (self.client, self.upstream):
            if sock is not None:
                sock.close()


class TcpProxy:
    def __init__(self, target: tuple[str, int] = ("127.0.0.1", 5432), host: str = "127.0.0.1") -> None:
        self.target = target
        self.host = host
        self.mode = "forward"  # forward | cut | blackhole
        self.accepted = 0  # connections accepted so far (all modes)
        self._lock = threading.Lock()
        self._links: set[_Link] = set()
        self._closed = threading.Event()
        self._listener: socket.socket | None = None
        self.port = 0
        self._listen()
        self._acceptor = threading.Thread(target=self._accept_loop, name="tcp-proxy-accept", daemon=True)
        self._acceptor.start()

    @property
    def address(self) -> tuple[str, int]:
        return self.host, self.port

    # --- faults -------------------------------------------------------------------------------

    def cut(self) -> None:
        """Unreachable: refuse new connections, reset every live one."""
        with self._lock:
            self.mode = "cut"
            listener, self._listener = self._listener, None
            if listener is not None:
                # shutdown first: a listener closed while the accept thread polls it would
                # otherwise stay in LISTEN (and complete handshakes) until the poll returns.
                try:
                    listener.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                listener.close()
        self._kill_links()

    def blackhole(self) -> None:
        """A hung network: accept, forward nothing."""
        with self._lock:
            self.mode = "blackhole"
            if self._listener is None:
                self._listen()

    def restore(self) -> None:
        """Reachable again, on the same port."""
        with self._lock:
            previous, self.mode = self.mode, "forward"
            if self._listener is None:
                self._listen()
            broken = [link for link in self._links if link.lost_bytes or link.upstream is None] if previous == "blackhole" else []
            self._links.difference_update(broken)
        for link in broken:
            link.kill()
            link.join()

    def close(self) -> None:
        self._closed.set()
        self.cut()
        self._acceptor.join(JOIN_TIMEOUT)

    def live_connections(self) -> int:
        with self._lock:
            return sum(not link.dead.is_set() for link in self._links)

    def __enter__(self) -> TcpProxy:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- internals ----------------------------------------------------------------------------

    def _listen(self) -> None:
        """With the lock held (or from __init__)."""
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self.port))  # port 0 the first time: ephemeral
        listener.listen(128)
        listener.setblocking(False)
        self.port = listener.getsockname()[1]
        self._listener = listener

    def _kill_links(self) -> None:
        with self._lock:
            links = list(self._links)
            self._links.clear()
        for link in links:
            link.kill()
        for link in links:
            link.join()

    def _accept_loop(self) -> None:
        while not self._closed.is_set():
            listener = self._listener
            if listener is None:
                self._closed.wait(_POLL)
                continue
            try:
                readable, _, _ = select.select([listener], [], [], _POLL)
            except (OSError, ValueError):  # closed by cut() meanwhile
                continue
            if not readable:
                continue
            with self._lock:
                if self._listener is not listener:
                    continue
                try:
                    client, _ = listener.accept()
                except (BlockingIOError, OSError):
                    continue
                self.accepted += 1
                mode = self.mode
            client.setblocking(True)
            self._serve(client, mode)

    def _serve(self, client: socket.socket, mode: str) -> None:
        upstream = None
        if mode == "forward":
            try:
                upstream = socket.create_connection(self.target, timeout=CONNECT_TIMEOUT)
                upstream.settimeout(None)
            except OSError:
                _reset(client)
                client.close()
                return
        link = _Link(self, client, upstream)
        with self._lock:
            if self.mode == "cut" or self._closed.is_set():  # cut while we were connecting
                stale = True
            else:
                stale = False
                self._links.add(link)
        if stale:
            link.kill()
            link.join()
            return
        link.start()
