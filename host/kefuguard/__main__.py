import sys

from kefuguard.cli.main import main

sys.exit(main())
