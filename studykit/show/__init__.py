"""What is shown on screen: terminal tables, charts, Jupyter views."""
