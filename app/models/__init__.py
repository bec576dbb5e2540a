"""Domain, storage and calculator of Rekam UPT. Nothing here imports Qt."""
