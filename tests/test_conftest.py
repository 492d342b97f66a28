"""The suite's own guard: a test may open connections on this machine only."""

import socket

import pytest

from tests.conftest import OutboundConnection


def test_a_connection_outside_this_machine_is_refused_and_recorded(no_outbound_connections):
    with pytest.raises(OutboundConnection, match=r"203\.0\.113\.9"):
        socket.create_connection(("203.0.113.9", 80), timeout=0.1)  # TEST-NET-3: never routed
    with pytest.raises(OutboundConnection, match=r"api\.weixin\.qq\.com"):
        socket.getaddrinfo("api.weixin.qq.com", 443)
    assert no_outbound_connections == ["203.0.113.9", "api.weixin.qq.com"]
    no_outbound_connections.clear()  # seen; otherwise the test itself would be failed afterwards


def test_a_refused_connection_fails_the_test_even_if_the_code_swallowed_it(no_outbound_connections):
    sock = socket.socket()
    try:
        sock.connect(("198.51.100.7", 443))
    except Exception:  # code under test that hides every error
        pass
    finally:
        sock.close()
    assert no_outbound_connections == ["198.51.100.7:443"]
    no_outbound_connections.clear()


def test_connections_on_this_machine_are_allowed():
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        with (
            socket.create_connection(("127.0.0.1", port), timeout=1),
            socket.create_connection(("localhost", port), timeout=1),
        ):
            pass
