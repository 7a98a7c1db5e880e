"""Storage: engine and pragmas, typed models, migrations, audit chain."""
