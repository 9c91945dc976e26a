"""gluestack's test suite (a package, so test packages never shadow top-level ones)."""
