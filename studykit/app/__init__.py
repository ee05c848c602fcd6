"""The workflows the command line, the notebooks and district runs share, and the CLI."""
