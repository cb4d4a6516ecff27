<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AttendeeForm</name>
    <message>
        <source>Attendee details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields marked * are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookColumn</name>
    <message>
        <source>No time chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save to outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: the booking is kept and sent when HubSpot can be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to the outbox. It will be sent as soon as HubSpot can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That time was just taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answers are kept. Pick one of the nearest open times, or another day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking stays in the outbox and is sent later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may have been booked: check the meeting in HubSpot, then settle it in the Outbox tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save calendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar file could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookFlow</name>
    <message>
        <source>A booking is being sent already.</source>
        <extracomment>How often to look at the row while waiting: a re-queue (offline, missing scopes) emits no event. After this long the window stops waiting; the outbox keeps the draft and the sender keeps trying.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meeting link is still loading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still waiting for HubSpot.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingController</name>
    <message>
        <source>HubSpot can&apos;t be reached; showing saved data. Bookings go to the outbox.</source>
        <extracomment>How many months ahead to look for the first one with open times.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingMessages</name>
    <message>
        <source>Add the domain after the @, like name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the name before the @, like name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address can contain only one @.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address cannot contain spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address cannot start or end with a dot or have two dots in a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address needs an @, like name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a time for the meeting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how long the meeting should be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the meeting lengths this link offers: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the options offered for “{label}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose only options offered for “{label}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read “{text}” as a date and time; use e.g. 2026-09-08T14:00 or 2026-09-08T18:00:00Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date for “{label}” as YYYY-MM-DD, like 2026-09-08.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number for “{label}”, like 42 or 3.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a phone number for “{label}” using digits, spaces and an optional leading +.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the attendee&apos;s email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the attendee&apos;s first name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the attendee&apos;s last name; HubSpot does not accept an empty one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the guest&apos;s email address, or remove the guest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please answer “{label}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer to “{label}” has the wrong kind of value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain after the @ is not valid: use letters, digits, dots and hyphens only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain after the @ needs a dot, like example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain must end in a name of at least two letters, like .com or .de.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before the @ contains a character that is not allowed: {chars}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This email address is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This guest is already on the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the attendee&apos;s own email address; a guest must be someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This meeting link allows at most {max} guests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This meeting link does not allow guests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This meeting link has no question named “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This time has already passed. Choose a later time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This time is not open any more. Choose another time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the box agreeing to the processing of personal data; it is required to book.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick “{label}” to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick “{label}”; it is required to book.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: HubSpot created the contact but no meeting or calendar event (the organiser&apos;s calendar is disconnected). Arrange the meeting another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{local} does not exist in {zone}: the clocks jump forward at that hour. Choose a time outside the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” has no time of day; add one, e.g. {text}T14:00.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingStatusBar</name>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo (simulated HubSpot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChoiceInput</name>
    <message>
        <source>(no answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmationView</name>
    <message>
        <source>Booking confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendee&apos;s time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save .ics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as calendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book another meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Meeting booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Booked without a calendar event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I agree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose from a calendar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DomainMessages</name>
    <message>
        <source>Could not check the open times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot blocks bookings from this email address (portal policy). Use another address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot had a server error and may not have handled the booking; check open times before sending again. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot had a server error. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot is rate limiting requests; waiting a few seconds before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot refused the guests: this link takes no guests, fewer guests, or a guest email is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot refused the request: {detail_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot rejected the email address as invalid. Check it, or use another address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot rejected the sign-in (the token is wrong, expired or revoked). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot&apos;s daily API limit for this account is used up; try again tomorrow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in to HubSpot. Sign in, or set BOOKING_ASSISTANT_TOKEN to a service key or private-app token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probably booked: the time is no longer offered. Check the meeting in HubSpot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probably not booked: the time is still offered, so it can be sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending failed unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending was interrupted; the booking may have been made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That meeting link does not exist in HubSpot (check the slug; team links look like team/name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That time is no longer available. Pick another open time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That time is no longer offered. Pick a new time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HubSpot token is missing a permission (scope): {names}. Add it to the service key or app in HubSpot (Settings › Integrations), then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last name needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meeting time has passed. Pick a new time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question “{field}” needs an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time has passed; check in HubSpot whether it was booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This meeting link does not offer that duration. Pick one of the link&apos;s durations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your HubSpot sign-in has expired or was revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} Sign in again (booking-assistant login --oauth); queued bookings wait until then.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong</source>
        <extracomment>`@async_slot()` on a method makes a Qt slot that runs the coroutine as a task (and returns the task).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error occurred. Your drafts are safe; details are in the log file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldInputs</name>
    <message>
        <source>+49 30 1234567</source>
        <comment>an example phone number</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>%1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team (round robin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuestRow</name>
    <message>
        <source>guest@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuestsEditor</name>
    <message>
        <source>Add guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest %1 email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove guest %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Up to %n guest(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, email or company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load more of the history. Try the search again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bookings found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskOverlay</name>
    <message numerus="yes">
        <source>For your privacy, everything you entered will be cleared in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff only: enter the PIN to leave kiosk mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskScreens</name>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check and confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>%1 · %2 queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book a meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book a meeting with our team in under a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front-desk kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff. Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff: tap five times, or press %1, to leave kiosk mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap to book a meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkPicker</name>
    <message>
        <source>&amp;Meeting link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search the meeting links by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search meeting links…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organiser %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 need your attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings not loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthGrid</name>
    <message>
        <source>Previous month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open times available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no open times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading open times…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open times this month.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>%1: check in HubSpot, then settle it in the Outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: check the meeting in HubSpot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: pick a new time in the Outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A booking may have been made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A queued booking needs a new time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked without a calendar event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot refused a queued booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued booking sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meeting with %1 is booked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Delete the last character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-screen keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dot com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⇧ Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⌫ Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenTimesView</name>
    <message>
        <source>Pick a day to see its open times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24-hour clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show times with the 24-hour clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting length %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open times left on this day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts in the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is waiting in the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a new time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect the next time the app starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the locale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24-hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12-hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one used last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default meeting link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep history for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older bookings are removed from the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clock:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;meeting link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;history for:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeZonePicker</name>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open times are shown in this zone. Type a city to search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by city…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitorFlow</name>
    <message>
        <source>Book a meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a time on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free times right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please ask at the desk so we can check it for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please ask at the desk; we&apos;ll find a time for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please ask at the desk; we&apos;ll gladly book it for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorry, booking isn&apos;t available right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That time was just taken. Please pick another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation is on its way to your email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We can&apos;t reach our booking system right now. We&apos;ll email you when it&apos;s confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We couldn&apos;t confirm your booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We have your booking, but the calendar invitation could not be made. Please tell the desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We&apos;re offline: your booking will be sent as a request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who would you like to meet?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ We have your request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ You&apos;re booked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
