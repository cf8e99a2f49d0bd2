from deskmate.builtin_server import main

main()
