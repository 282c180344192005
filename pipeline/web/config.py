"""The politeness settings of every request the tool makes, in one place."""
from __future__ import annotations

from dataclasses import dataclass

from .. import __version__

TOOL_URL = "https://github.com/cchc-metrics/cchc-metrics"


@dataclass(frozen=True)
class FetchConfig:
    user_agent: str = f"cchc-metrics/{__version__} (+{TOOL_URL})"
    delay: float = 1.0  # seconds between two requests to the same host
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    retries: int = 2  # further attempts after a connection error, a timeout or a 429/5xx
    backoff: float = 1.0  # seconds before the first retry, doubled before each next one
    max_bytes: int = 10_000_000  # a larger response is an error, like a larger input file
    obey_robots: bool = True
    max_listing_depth: int = 3  # sitemap index -> sitemap -> ...: how deep listings nest
