"""Front-desk kiosk: the full-screen shell, the visitor's screens, on-screen keyboard, PIN and idle prompts."""
