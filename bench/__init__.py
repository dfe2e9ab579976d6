"""Benchmarks of codegen at catalog sizes from the real one to 100,000 codes."""
