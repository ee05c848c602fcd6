"""Reading the user's files: YAML with line numbers, curricula, records, every problem located."""
