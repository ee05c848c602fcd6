"""The vocabulary, time, models and party rules: what everything else is about."""
