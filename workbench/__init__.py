"""Claim Workbench: extract, group, review and export the numeric claims in news articles."""

__version__ = "0.1.0"
