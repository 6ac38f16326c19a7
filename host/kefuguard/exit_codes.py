"""Exit codes of every `kefuguard` command (README: CLI contract)."""

EXIT_OK = 0  # every input checked; an update installed or found current
EXIT_INPUT_ERRORS = 1  # some input was an error; an update failed with a good list still in use
EXIT_NOT_INTACT = 1  # `evidence verify`: a part changed, is missing or is unlisted
EXIT_USAGE = 2
EXIT_NOT_EVIDENCE = 2  # `evidence verify`: FILE is not an evidence file (no manifest, another format)
EXIT_NO_LIST = 3  # no list verifies
EXIT_ALREADY_CURRENT = 4  # `update --detailed-exit-codes` found nothing new
EXIT_FLAGGED = 5  # `check-url` / `check-text --fail-on LEVEL`: some input reached LEVEL (wins over 1)
EXIT_INTERRUPTED = 130
