"""Lexicons and patterns as data (YAML), loaded lazily and cached."""
from __future__ import annotations

import functools
from importlib import resources

import yaml


@functools.cache
def load_yaml(name: str):
    """Parse `pipeline/resources/NAME` once per process."""
    with resources.files(__package__).joinpath(name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)
