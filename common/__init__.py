"""Small pieces every layer uses and none owns: an LRU cache, dying with the parent process, and
MuPDF's messages captured (extraction and the web's page images both call MuPDF).

Nothing here imports another aibrief package.
"""
