"""Rule families that need code, one module each; rules/*.yaml points at the classes."""
