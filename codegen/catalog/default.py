"""Where a project keeps its catalog unless configured: a constant of its own, so the command
line and the configuration can name it without importing the model."""

from __future__ import annotations

DEFAULT_CATALOG = "spec/codes.yaml"  # where a project keeps its catalog, unless configured
