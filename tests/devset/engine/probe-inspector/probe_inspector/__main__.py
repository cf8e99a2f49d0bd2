from probe_inspector.cli import main

main()
