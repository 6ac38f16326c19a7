"""Publisher tools beside the front ends: building a list from the curated source plus feeds of
known scam domains (`kefuguard list build`), writing list sources, comparing two lists
(`kefuguard list diff`). They use `lists/` and the URL parser; nothing below imports them."""
