"""Native messaging: framing and the request/response loop (DESIGN.md, "Native messaging messages")."""
