"""Small pieces every layer uses and none owns: an LRU cache and dying with the parent process.

Nothing here imports another aibrief package.
"""
