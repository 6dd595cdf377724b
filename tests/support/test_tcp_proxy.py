"""The fault-injection TCP proxy, against a local echo server and the real PostgreSQL."""

from __future__ import annotations

import os
import socket
import threading
import time

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.conftest import PG_ADMIN_URL, _pg_admin
from tests.support.tcp_proxy import TcpProxy


class EchoServer:
    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._echo, args=(conn,), daemon=True).start()

    @staticmethod
    def _echo(conn: socket.socket) -> None:
        with conn:
            try:
                while data := conn.recv(65536):
                    conn.sendall(data)
            except OSError:
                pass

    def close(self) -> None:
        self.sock.close()


def recv_exactly(sock: socket.socket, n: int) -> bytes:
    chunks, got = [], 0
    while got < n:
        chunk = sock.recv(min(65536, n - got))
        if not chunk:
            raise ConnectionError(f"closed after {got} of {n} bytes")
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def test_forwards_bytes_both_ways_and_cut_resets_and_refuses_then_restore_accepts() -> None:
    echo = EchoServer()
    proxy = TcpProxy(("127.0.0.1", echo.port))
    try:
        port = proxy.port
        assert port not in (0, echo.port)
        payload = os.urandom(3 * 1024 * 1024)
        with socket.create_connection(proxy.address, timeout=10) as client:
            sender = threading.Thread(target=client.sendall, args=(payload,))
            sender.start()
            assert recv_exactly(client, len(payload)) == payload  # intact, in order
            sender.join(10)
            assert proxy.live_connections() == 1

            proxy.cut()

            assert proxy.live_connections() == 0
            with pytest.raises(OSError):  # reset: the next read fails or sees the end at once
                client.sendall(b"x" * 100_000)
                if not client.recv(1):
                    raise ConnectionResetError("closed")
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(proxy.address, timeout=5)

        proxy.restore()

        assert proxy.port == port
        with socket.create_connection(proxy.address, timeout=10) as client:
            client.sendall(b"again")
            assert recv_exactly(client, 5) == b"again"
    finally:
        proxy.close()
        echo.close()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5)


def test_blackhole_accepts_but_never_answers_until_restored() -> None:
    echo = EchoServer()
    proxy = TcpProxy(("127.0.0.1", echo.port))
    try:
        with socket.create_connection(proxy.address, timeout=10) as before:
            proxy.blackhole()
            before.settimeout(0.3)
            before.sendall(b"lost")
            with pytest.raises(socket.timeout):
                before.recv(10)  # nothing comes back: a hung network
            with socket.create_connection(proxy.address, timeout=10) as during:  # still accepted
                during.settimeout(0.3)
                during.sendall(b"lost too")
                with pytest.raises(socket.timeout):
                    during.recv(10)
                proxy.restore()
                during.settimeout(5)
                assert during.recv(10) == b""  # its stream was broken: reset by restore
        with socket.create_connection(proxy.address, timeout=10) as after:
            after.sendall(b"back")
            assert recv_exactly(after, 4) == b"back"
    finally:
        proxy.close()
        echo.close()


@pytest.mark.postgres
def test_postgres_through_the_proxy_cut_blackhole_and_back() -> None:
    _pg_admin().close()  # skip (or fail under CI) exactly like the other PostgreSQL tests
    target = make_url(PG_ADMIN_URL)
    proxy = TcpProxy((target.host or "127.0.0.1", target.port or 5432))
    url = target.set(host="127.0.0.1", port=proxy.port).set(drivername="postgresql").render_as_string(
        hide_password=False
    )
    try:
        conn = psycopg.connect(url, connect_timeout=5)
        conn.execute("BEGIN")
        assert conn.execute("SELECT 41 + 1").fetchone() == (42,)

        proxy.cut()

        with pytest.raises(psycopg.OperationalError):  # in the middle of its transaction
            conn.execute("SELECT 1")
        conn.close()
        started = time.monotonic()
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(url, connect_timeout=5)
        assert time.monotonic() - started < 4  # refused at once, not a timeout

        proxy.restore()
        with psycopg.connect(url, connect_timeout=5) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)

        proxy.blackhole()
        started = time.monotonic()
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(url, connect_timeout=2)  # accepted, never answered: libpq's timeout
        assert 1.5 <= time.monotonic() - started < 10

        proxy.restore()
        with psycopg.connect(url, connect_timeout=5) as conn:
            assert conn.execute("SELECT 2").fetchone() == (2,)
    finally:
        proxy.close()
