from promptdeck.cli import main

raise SystemExit(main())
