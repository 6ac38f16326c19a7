"""kefu-guard: catches fake customer service ("假客服") against a signed list of official channels."""

__version__ = "0.1.0"
