from orewire.cli import main

main()
