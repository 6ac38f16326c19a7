"""`kefuguard serve`: the checks as an HTTP JSON API and an agent console, for customer-service
agents and platforms (docs/serve.md). The same result objects as the CLI and the native host."""
