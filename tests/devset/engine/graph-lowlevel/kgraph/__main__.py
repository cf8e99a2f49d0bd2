import sys

from kgraph.transport import main

sys.exit(main())
