"""Chat flows: one module per group of intents."""
