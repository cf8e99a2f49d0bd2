from buildops.cli import main

raise SystemExit(main())
