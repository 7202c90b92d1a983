"""The Textual planner: a thin layer over `credplan.core`. It holds no rules."""
