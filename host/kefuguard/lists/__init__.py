"""The signed official-channel list: format, canonical JSON, verification, trust, compiled index."""
