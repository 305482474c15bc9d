"""`python -m tridoc` runs the command line."""
from tridoc.cli import main

if __name__ == "__main__":
    main(prog_name="tridoc")
