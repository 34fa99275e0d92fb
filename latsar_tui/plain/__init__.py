"""The line-by-line front end for screen readers (`latsar teks`)."""
