"""codegen: one YAML catalog of error codes, rendered into typed code, schemas and docs."""

__version__ = "0.1.0"
