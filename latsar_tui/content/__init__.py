"""The trainers' contract: content model, YAML loading, validation and content roots."""
