"""Small reusable widgets: answer lists, literal text, the too-small notice."""
