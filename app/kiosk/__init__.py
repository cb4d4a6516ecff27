"""Front-desk kiosk, Qt-free part: PIN hashing and back-off, the idle clock, kiosk settings, booking on behalf."""
