"""The gate's rules, request by request, without a network: token, cookie, Host,
Origin and Sec-Fetch-Site; the proxy's address and its user header; roles."""

from __future__ import annotations

import pytest

from credplan.core.access import COUNSELOR, STUDENT
from credplan.web.auth import Identity, ProxyGate, Refused, Request, TokenGate, origin_of

PORT = 8000
URL = f"http://127.0.0.1:{PORT}"


def req(path="/", *, query=None, headers=None, cookies=None, peer="127.0.0.1", ws=False) -> Request:
    hdrs = {"host": [f"127.0.0.1:{PORT}"]}
    for name, value in (headers or {}).items():
        hdrs[name.lower()] = value if isinstance(value, list) else [value]
    return Request(path, query or {}, hdrs, cookies or {}, peer, ws)


@pytest.fixture
def gate() -> TokenGate:
    return TokenGate("s3cret-token", PORT, {"127.0.0.1", "localhost", "::1"}, URL)


# -- token ------------------------------------------------------------------------------------
def test_no_token_is_refused(gate):
    assert isinstance(gate.check(req()), Refused)
    assert isinstance(gate.check(req("/ws", ws=True)), Refused)
    assert isinstance(gate.check(req("/static/js/textual.js")), Refused)
    assert isinstance(gate.check(req("/download/abc")), Refused)


def test_a_wrong_token_is_refused(gate):
    for bad in ("wrong", "s3cret-toke", "s3cret-token ", "S3CRET-TOKEN", "\udcff"):
        assert isinstance(gate.check(req(query={"token": bad})), Refused), bad
        assert isinstance(gate.check(req("/ws", cookies={gate.cookie_name: bad}, ws=True)), Refused), bad


def test_the_token_in_the_link_or_the_cookie_lets_in(gate):
    assert gate.check(req(query={"token": "s3cret-token"})) == Identity("", COUNSELOR)
    assert gate.wants_cookie(req(query={"token": "s3cret-token"}))
    assert gate.check(req("/ws", cookies={gate.cookie_name: "s3cret-token"}, ws=True, headers={"origin": URL})) == Identity("", COUNSELOR)
    assert not gate.wants_cookie(req("/ws", cookies={gate.cookie_name: "s3cret-token"}, ws=True))


def test_the_cookie_is_named_after_the_port_so_two_servers_do_not_mix(gate):
    other = TokenGate("other", 8001, {"127.0.0.1"}, "http://127.0.0.1:8001")
    assert other.cookie_name != gate.cookie_name


def test_tokens_are_long_and_random():
    from credplan.web.auth import new_token

    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50 and all(len(t) >= 40 for t in tokens)


# -- other sites --------------------------------------------------------------------------------
@pytest.mark.parametrize("origin", ["http://evil.example", "null", f"http://127.0.0.1:{PORT + 1}", "https://127.0.0.1.evil.example"])
def test_a_cross_site_origin_is_refused_even_with_the_token(gate, origin):
    cookie = {gate.cookie_name: "s3cret-token"}
    assert isinstance(gate.check(req("/ws", cookies=cookie, ws=True, headers={"origin": origin})), Refused)
    assert isinstance(gate.check(req(cookies=cookie, headers={"origin": origin})), Refused)


@pytest.mark.parametrize("origin", [URL, f"http://localhost:{PORT}", f"http://[::1]:{PORT}"])
def test_this_servers_own_origins_are_taken(gate, origin):
    cookie = {gate.cookie_name: "s3cret-token"}
    assert isinstance(gate.check(req("/ws", cookies=cookie, ws=True, headers={"origin": origin})), Identity)


def test_sec_fetch_site_cross_site_is_refused_except_following_a_link_to_the_page(gate):
    cookie = {gate.cookie_name: "s3cret-token"}
    cross = {"sec-fetch-site": "cross-site"}
    assert isinstance(gate.check(req("/ws", cookies=cookie, ws=True, headers=cross)), Refused)
    assert isinstance(gate.check(req("/download/k", cookies=cookie, headers=cross)), Refused)
    framed = {**cross, "sec-fetch-mode": "navigate", "sec-fetch-dest": "iframe"}
    assert isinstance(gate.check(req(query={"token": "s3cret-token"}, headers=framed)), Refused)
    link = {**cross, "sec-fetch-mode": "navigate", "sec-fetch-dest": "document"}
    assert isinstance(gate.check(req(query={"token": "s3cret-token"}, headers=link)), Identity)
    # without the token in the link the Strict cookie would not even be sent; either way:
    assert isinstance(gate.check(req(headers=link)), Refused)


def test_a_foreign_host_header_is_refused_dns_rebinding(gate):
    rebound = Request("/", {"token": "s3cret-token"}, {"host": [f"evil.example:{PORT}"], "origin": [f"http://evil.example:{PORT}"]}, {}, "127.0.0.1")
    assert isinstance(gate.check(rebound), Refused)


def test_origin_normalisation():
    assert origin_of("HTTP://LocalHost:80/x") == "http://localhost"
    assert origin_of("https://plans.example.org:443") == "https://plans.example.org"
    assert origin_of("http://[::1]:8000") == "http://[::1]:8000"


# -- the sign-in proxy -----------------------------------------------------------------------------
PUBLIC = "https://plans.example.org"


@pytest.fixture
def proxy() -> ProxyGate:
    return ProxyGate(["127.0.0.1", "10.0.0.0/24"], PUBLIC, counselors={"ms-c"})


def preq(user=None, *, peer="127.0.0.1", origin=PUBLIC, path="/ws", header="x-forwarded-user"):
    headers = {"origin": origin} if origin else {}
    if user is not None:
        headers[header] = user
    return req(path, headers=headers, peer=peer, ws=path == "/ws")


def test_the_proxy_header_is_believed_only_from_the_proxy(proxy):
    assert proxy.check(preq("ana")) == Identity("ana", STUDENT)
    assert proxy.check(preq("ana", peer="10.0.0.7")) == Identity("ana", STUDENT)
    assert proxy.check(preq("ana", peer="::ffff:127.0.0.1")) == Identity("ana", STUDENT)
    for peer in ("192.0.2.9", "10.0.1.1", "::1", "", "not-an-ip"):
        assert isinstance(proxy.check(preq("ms-c", peer=peer)), Refused), peer


def test_counselors_come_from_the_list(proxy):
    assert proxy.check(preq("ms-c")) == Identity("ms-c", COUNSELOR)
    assert proxy.check(preq("MS-C")) == Identity("MS-C", STUDENT)  # exactly as the proxy sends it


@pytest.mark.parametrize("user", [None, "", "   ", ["ana", "ms-c"], "ana\r\nX: y", "x" * 500])
def test_missing_repeated_or_unusable_user_is_refused(proxy, user):
    assert isinstance(proxy.check(preq(user)), Refused)


def test_the_user_header_is_configurable(tmp_path):
    gate = ProxyGate(["127.0.0.1"], PUBLIC, header="X-Auth-Request-Email")
    assert isinstance(gate.check(preq("ana")), Refused)
    assert gate.check(preq("ana@school.example", header="x-auth-request-email")) == Identity("ana@school.example", STUDENT)


def test_cross_site_through_the_proxy_is_refused(proxy):
    assert isinstance(proxy.check(preq("ana", origin="http://evil.example")), Refused)
    assert isinstance(proxy.check(preq("ana", origin="http://plans.example.org")), Refused)  # not https


def test_counselors_file(tmp_path):
    from credplan.web.auth import read_counselors

    path = tmp_path / "counselors.txt"
    path.write_text("# who may open every plan\nms-c\n\n  mr-d  \n", encoding="utf-8")
    assert read_counselors(path) == {"ms-c", "mr-d"}
