"""The Textual study app: the only package allowed to import Textual."""
