"""The app's screens: home, lesson reader, quiz, results, history, help."""
