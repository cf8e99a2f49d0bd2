from mcpcli.cli import main

raise SystemExit(main())
