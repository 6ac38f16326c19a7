import sys

if sys.argv[1:2] == ["host"]:  # the browser's path (the launcher's `-m kefuguard host`): no CLI module to load
    from kefuguard.protocol.launch import run_host

    sys.exit(run_host(sys.argv[2:]))

from kefuguard.cli.main import main

sys.exit(main())
