"""Loading the knowledge base, in steps: locate, read, shapes, check, assemble (run by load), then cache."""
