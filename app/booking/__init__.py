"""Qt-free booking domain: open times by day, the draft and its validation, wire conversion, .ics."""
