"""Lexicons and patterns as data (YAML), loaded lazily and cached."""
from __future__ import annotations

import functools
from importlib import resources

import yaml

# libyaml's parser when PyYAML was built with it: the same documents, several times faster
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def load_yaml(name: str):
    """Parse `pipeline/resources/NAME` once per process."""
    with resources.files(__package__).joinpath(name).open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=SafeLoader)  # noqa: S506 (a safe loader)
