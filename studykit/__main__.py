"""``python -m studykit`` runs the command line."""

import sys

from .app.cli import main

sys.exit(main())
