"""The `kefuguard` command: a thin layer over engine, lists and protocol."""
