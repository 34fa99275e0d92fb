"""What happens in a quiz: pure scoring and the headless session engine."""
