def load(stdout):
    """Filled in by the feature that owns this content."""
