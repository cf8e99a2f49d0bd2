"""Dependency files: requirements*.txt, pyproject.toml, setup.cfg."""
