"""The one-folder bundle's entry point: the ``letopis`` command, frozen.

Importing, grouping and entity finding start worker processes with the "spawn" method; in a
frozen program each worker is the program itself started again, and ``freeze_support()``
turns such a start into a worker instead of a second Letopis.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from viewer.cli import main

    raise SystemExit(main())
