"""Evidence files (docs/evidence.md): one offline HTML file holding the proof of a scam, every part
listed with its SHA-256 in an embedded manifest. `make.py` builds one, `verify.py` checks one
(whoever wrote it: this package or the extension); `format.py` is the file's structure both share.

It stands beside the front ends, as install/ does: it uses the engine (service/) for the checks
and the text detectors' entity extraction (detect/text/) for the channels.
"""
