"""``python -m app`` is the same as ``rekam-upt``."""

import sys

from app.main import main

sys.exit(main())
