"""Pure rule functions: ``str -> [(start, end, payload)]``. Stdlib only."""
