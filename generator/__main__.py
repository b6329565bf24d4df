"""``python -m generator``: the same as the ``cloud-sdk-generator`` command."""

import sys

from generator.cli import main

sys.exit(main())
