"""Benchmarks: speed and memory measured as ratios against a baseline run in the same process."""
