"""Offline, a deployed connection's database host is reached on the loopback server that
stands in for it, as a DNS entry would send it there: the URL a job or crawler is given stays
the deployed one, only the address Spark's JDBC driver dials changes.

The executing account passes the routes to its job and crawl processes in ROUTES_VARIABLE, as
JSON mapping "host:port" to "127.0.0.1:port".
"""

import json
import os
import re

ROUTES_VARIABLE = "GLUESTACK_JDBC_ROUTES"
DEFAULT_PORTS = {"postgresql": 5432, "mysql": 3306, "sqlserver": 1433, "oracle": 1521}
_SERVER = re.compile(r"^jdbc:(?P<vendor>[a-z0-9]+)://(?P<host>[^/:;?]+)(?::(?P<port>\d+))?")


def server_address(url: str) -> str | None:
    """ "host:port" of a JDBC URL (the vendor's default port when none is written)."""
    found = _SERVER.match(url)
    if found is None:
        return None
    port = found["port"] or DEFAULT_PORTS.get(found["vendor"])
    return f"{found['host'].lower()}:{port}"


def routed_url(url: str, routes: dict[str, str] | None = None) -> str:
    """url with its server replaced by the offline stand-in routes name, if any."""
    routes = routes if routes is not None else offline_routes()
    found = _SERVER.match(url)
    address = server_address(url)
    if found is None or address not in routes:
        return url
    return f"jdbc:{found['vendor']}://{routes[address]}{url[found.end() :]}"


def offline_routes() -> dict[str, str]:
    routes: dict[str, str] = json.loads(os.environ.get(ROUTES_VARIABLE) or "{}")
    return routes


def url_database(url: str) -> str | None:
    """The database a JDBC URL's path names (jdbc:postgresql://host:port/<database>?...)."""
    found = _SERVER.match(url)
    if found is None:
        return None
    path = url[found.end() :].lstrip("/")
    return re.split(r"[?;]", path, maxsplit=1)[0] or None
