"""Detectors: pure functions of (input, loaded list). No I/O of any kind."""
