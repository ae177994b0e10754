"""The rule engine: rule metadata, data-driven rule types, selection, suppression, fixes."""
