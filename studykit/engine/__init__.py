"""The computations, pure functions of the models: needs, planner, checker, ledger, overview."""
