<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AttendeeForm</name>
    <message>
        <source>Attendee details</source>
        <translation>Angaben zum Teilnehmer</translation>
    </message>
    <message>
        <source>Fields marked * are required.</source>
        <translation>Mit * markierte Felder sind Pflichtfelder.</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Gäste</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>required</source>
        <translation>Pflichtfeld</translation>
    </message>
</context>
<context>
    <name>AttendeeSuggester</name>
    <message>
        <source>People you already know</source>
        <extracomment>Said once, quietly (a status-bar line): why HubSpot contacts are not among the suggestions. Typing paused and a CRM search went out. A CRM search finished and its rows are shown (tests wait for it; nothing else needs it).</extracomment>
        <translation>Bekannte Personen</translation>
    </message>
    <message>
        <source>Suggestions come from this computer&apos;s history only: the HubSpot sign-in lacks the permission to read CRM contacts (crm.objects.contacts.read).</source>
        <translation>Vorschläge kommen nur aus dem Verlauf dieses Computers: Der HubSpot-Anmeldung fehlt die Berechtigung, CRM-Kontakte zu lesen (crm.objects.contacts.read).</translation>
    </message>
    <message>
        <source>from your bookings</source>
        <translation>aus Ihren Buchungen</translation>
    </message>
    <message>
        <source>from HubSpot contacts</source>
        <translation>aus den HubSpot-Kontakten</translation>
    </message>
</context>
<context>
    <name>BookColumn</name>
    <message>
        <source>No time chosen yet.</source>
        <translation>Noch keine Uhrzeit gewählt.</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Buchen</translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation>Wählen Sie eine Uhrzeit</translation>
    </message>
    <message>
        <source>Enter the first name</source>
        <translation>Geben Sie den Vornamen ein</translation>
    </message>
    <message>
        <source>Check the first name</source>
        <translation>Prüfen Sie den Vornamen</translation>
    </message>
    <message>
        <source>Enter the last name</source>
        <translation>Geben Sie den Nachnamen ein</translation>
    </message>
    <message>
        <source>Check the last name</source>
        <translation>Prüfen Sie den Nachnamen</translation>
    </message>
    <message>
        <source>Enter the email</source>
        <translation>Geben Sie die E-Mail-Adresse ein</translation>
    </message>
    <message>
        <source>Check the email</source>
        <translation>Prüfen Sie die E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Check the guests&apos; emails</source>
        <translation>Prüfen Sie die E-Mail-Adressen der Gäste</translation>
    </message>
    <message>
        <source>Answer “%1”</source>
        <translation>Beantworten Sie „%1“</translation>
    </message>
    <message>
        <source>Complete the form</source>
        <translation>Füllen Sie das Formular aus</translation>
    </message>
    <message>
        <source>Tick the consent box</source>
        <translation>Setzen Sie das Häkchen bei der Einwilligung</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>&amp;Save to outbox</source>
        <translation>Im &amp;Postausgang speichern</translation>
    </message>
    <message>
        <source>Offline: the booking is kept and sent when HubSpot can be reached</source>
        <translation>Offline: Die Buchung wird aufbewahrt und gesendet, sobald HubSpot erreichbar ist</translation>
    </message>
    <message>
        <source>Editing a booking from the outbox. It stays queued as it was until you save it with Book.</source>
        <translation>Sie bearbeiten eine Buchung aus dem Postausgang. Sie bleibt unverändert in der Warteschlange, bis Sie sie mit „Buchen“ speichern.</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>Bearbeitung abbrechen</translation>
    </message>
    <message>
        <source>The booking saved to the outbox has been sent.</source>
        <translation>Die im Postausgang gespeicherte Buchung wurde gesendet.</translation>
    </message>
    <message>
        <source>Saved to the outbox. It will be sent as soon as HubSpot can be reached.</source>
        <translation>Im Postausgang gespeichert. Die Buchung wird gesendet, sobald HubSpot erreichbar ist.</translation>
    </message>
    <message>
        <source>That time was just taken.</source>
        <translation>Diese Uhrzeit wurde gerade vergeben.</translation>
    </message>
    <message>
        <source>Your answers are kept. Pick one of the nearest open times, or another day.</source>
        <translation>Ihre Angaben bleiben erhalten. Wählen Sie eine der nächstgelegenen freien Zeiten oder einen anderen Tag.</translation>
    </message>
    <message>
        <source>The booking stays in the outbox and is sent later.</source>
        <translation>Die Buchung bleibt im Postausgang und wird später gesendet.</translation>
    </message>
    <message>
        <source>It may have been booked: check the meeting in HubSpot, then settle it in the Outbox tab.</source>
        <translation>Der Termin wurde möglicherweise gebucht: Prüfen Sie ihn in HubSpot und klären Sie ihn dann im Tab „Postausgang“.</translation>
    </message>
    <message>
        <source>Save calendar file</source>
        <translation>Kalenderdatei speichern</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderdateien (*.ics)</translation>
    </message>
    <message>
        <source>The calendar file could not be saved: %1</source>
        <translation>Die Kalenderdatei konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>BookFlow</name>
    <message>
        <source>A booking is being sent already.</source>
        <extracomment>How often to look at the row while waiting: a re-queue (offline, missing scopes) emits no event. After this long the window stops waiting; the outbox keeps the draft and the sender keeps trying.</extracomment>
        <translation>Es wird bereits eine Buchung gesendet.</translation>
    </message>
    <message>
        <source>The meeting link is still loading.</source>
        <translation>Der Meeting-Link wird noch geladen.</translation>
    </message>
    <message>
        <source>Still waiting for HubSpot.</source>
        <translation>Warte noch auf HubSpot.</translation>
    </message>
</context>
<context>
    <name>BookingController</name>
    <message>
        <source>HubSpot can&apos;t be reached; showing saved data. Bookings go to the outbox.</source>
        <extracomment>How many months ahead to look for the first one with open times. Start times this profile&apos;s queued drafts hold on the current link: never offered twice.</extracomment>
        <translation>HubSpot ist nicht erreichbar; gespeicherte Daten werden angezeigt. Buchungen gehen in den Postausgang.</translation>
    </message>
</context>
<context>
    <name>BookingMessages</name>
    <message>
        <source>Add the domain after the @, like name@example.com.</source>
        <translation>Ergänzen Sie die Domain nach dem @, z. B. name@beispiel.de.</translation>
    </message>
    <message>
        <source>Add the name before the @, like name@example.com.</source>
        <translation>Ergänzen Sie den Namen vor dem @, z. B. name@beispiel.de.</translation>
    </message>
    <message>
        <source>An email address can contain only one @.</source>
        <translation>Eine E-Mail-Adresse darf nur ein @ enthalten.</translation>
    </message>
    <message>
        <source>An email address cannot contain spaces.</source>
        <translation>Eine E-Mail-Adresse darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>An email address cannot start or end with a dot or have two dots in a row.</source>
        <translation>Eine E-Mail-Adresse darf nicht mit einem Punkt beginnen oder enden und keine zwei Punkte hintereinander enthalten.</translation>
    </message>
    <message>
        <source>An email address needs an @, like name@example.com.</source>
        <translation>Eine E-Mail-Adresse braucht ein @, z. B. name@beispiel.de.</translation>
    </message>
    <message>
        <source>Choose a time for the meeting.</source>
        <translation>Wählen Sie eine Uhrzeit für den Termin.</translation>
    </message>
    <message>
        <source>Choose how long the meeting should be.</source>
        <translation>Wählen Sie, wie lange der Termin dauern soll.</translation>
    </message>
    <message>
        <source>Choose one of the meeting lengths this link offers: {choices}.</source>
        <translation>Wählen Sie eine der Termindauern, die dieser Link anbietet: {choices}.</translation>
    </message>
    <message>
        <source>Choose one of the options offered for “{label}”.</source>
        <translation>Wählen Sie eine der angebotenen Optionen für „{label}“.</translation>
    </message>
    <message>
        <source>Choose only options offered for “{label}”.</source>
        <translation>Wählen Sie nur angebotene Optionen für „{label}“.</translation>
    </message>
    <message>
        <source>Could not read “{text}” as a date and time; use e.g. 2026-09-08T14:00 or 2026-09-08T18:00:00Z.</source>
        <translation>„{text}“ konnte nicht als Datum und Uhrzeit gelesen werden; verwenden Sie z. B. 2026-09-08T14:00 oder 2026-09-08T18:00:00Z.</translation>
    </message>
    <message>
        <source>Enter a date for “{label}” as YYYY-MM-DD, like 2026-09-08.</source>
        <translation>Geben Sie für „{label}“ ein Datum im Format JJJJ-MM-TT ein, z. B. 2026-09-08.</translation>
    </message>
    <message>
        <source>Enter a number for “{label}”, like 42 or 3.5.</source>
        <translation>Geben Sie für „{label}“ eine Zahl ein, z. B. 42 oder 3.5.</translation>
    </message>
    <message>
        <source>Enter a phone number for “{label}” using digits, spaces and an optional leading +.</source>
        <translation>Geben Sie für „{label}“ eine Telefonnummer aus Ziffern und Leerzeichen ein, optional mit führendem +.</translation>
    </message>
    <message>
        <source>Enter the attendee&apos;s email address.</source>
        <translation>Geben Sie die E-Mail-Adresse des Teilnehmers ein.</translation>
    </message>
    <message>
        <source>Enter the attendee&apos;s first name.</source>
        <translation>Geben Sie den Vornamen des Teilnehmers ein.</translation>
    </message>
    <message>
        <source>Enter the attendee&apos;s last name; HubSpot does not accept an empty one.</source>
        <translation>Geben Sie den Nachnamen des Teilnehmers ein; HubSpot akzeptiert keinen leeren Nachnamen.</translation>
    </message>
    <message>
        <source>Enter the guest&apos;s email address, or remove the guest.</source>
        <translation>Geben Sie die E-Mail-Adresse des Gastes ein oder entfernen Sie den Gast.</translation>
    </message>
    <message>
        <source>Please answer “{label}”.</source>
        <translation>Bitte beantworten Sie „{label}“.</translation>
    </message>
    <message>
        <source>The answer to “{label}” has the wrong kind of value.</source>
        <translation>Die Antwort auf „{label}“ hat den falschen Werttyp.</translation>
    </message>
    <message>
        <source>The domain after the @ is not valid: use letters, digits, dots and hyphens only.</source>
        <translation>Die Domain nach dem @ ist ungültig: Verwenden Sie nur Buchstaben, Ziffern, Punkte und Bindestriche.</translation>
    </message>
    <message>
        <source>The domain after the @ needs a dot, like example.com.</source>
        <translation>Die Domain nach dem @ braucht einen Punkt, z. B. beispiel.de.</translation>
    </message>
    <message>
        <source>The domain must end in a name of at least two letters, like .com or .de.</source>
        <translation>Die Domain muss auf eine Endung mit mindestens zwei Buchstaben enden, z. B. .com oder .de.</translation>
    </message>
    <message>
        <source>The part before the @ contains a character that is not allowed: {chars}</source>
        <translation>Der Teil vor dem @ enthält ein unzulässiges Zeichen: {chars}</translation>
    </message>
    <message>
        <source>This email address is too long.</source>
        <translation>Diese E-Mail-Adresse ist zu lang.</translation>
    </message>
    <message>
        <source>This guest is already on the list.</source>
        <translation>Dieser Gast steht bereits auf der Liste.</translation>
    </message>
    <message>
        <source>This is the attendee&apos;s own email address; a guest must be someone else.</source>
        <translation>Das ist die E-Mail-Adresse des Teilnehmers selbst; ein Gast muss jemand anderes sein.</translation>
    </message>
    <message>
        <source>This meeting link allows at most {max} guests.</source>
        <translation>Dieser Meeting-Link erlaubt höchstens {max} Gäste.</translation>
    </message>
    <message>
        <source>This meeting link does not allow guests.</source>
        <translation>Dieser Meeting-Link erlaubt keine Gäste.</translation>
    </message>
    <message>
        <source>This meeting link has no question named “{name}”.</source>
        <translation>Dieser Meeting-Link hat keine Frage namens „{name}“.</translation>
    </message>
    <message>
        <source>This time has already passed. Choose a later time.</source>
        <translation>Diese Uhrzeit ist bereits vorbei. Wählen Sie eine spätere Uhrzeit.</translation>
    </message>
    <message>
        <source>This time is not open any more. Choose another time.</source>
        <translation>Diese Uhrzeit ist nicht mehr frei. Wählen Sie eine andere Uhrzeit.</translation>
    </message>
    <message>
        <source>Tick the box agreeing to the processing of personal data; it is required to book.</source>
        <translation>Setzen Sie das Häkchen zur Einwilligung in die Verarbeitung personenbezogener Daten; es ist für die Buchung erforderlich.</translation>
    </message>
    <message>
        <source>Tick “{label}” to continue.</source>
        <translation>Setzen Sie das Häkchen bei „{label}“, um fortzufahren.</translation>
    </message>
    <message>
        <source>Tick “{label}”; it is required to book.</source>
        <translation>Setzen Sie das Häkchen bei „{label}“; es ist für die Buchung erforderlich.</translation>
    </message>
    <message>
        <source>Warning: HubSpot created the contact but no meeting or calendar event (the organiser&apos;s calendar is disconnected). Arrange the meeting another way.</source>
        <translation>Warnung: HubSpot hat den Kontakt angelegt, aber keinen Termin und keinen Kalendereintrag (der Kalender des Organisators ist nicht verbunden). Vereinbaren Sie den Termin auf anderem Weg.</translation>
    </message>
    <message>
        <source>{local} does not exist in {zone}: the clocks jump forward at that hour. Choose a time outside the change.</source>
        <translation>{local} gibt es in {zone} nicht: Zu dieser Stunde wird die Uhr vorgestellt. Wählen Sie eine Uhrzeit außerhalb der Umstellung.</translation>
    </message>
    <message>
        <source>“{text}” has no time of day; add one, e.g. {text}T14:00.</source>
        <translation>„{text}“ enthält keine Uhrzeit; ergänzen Sie eine, z. B. {text}T14:00.</translation>
    </message>
</context>
<context>
    <name>BookingStatusBar</name>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet …</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden …</translation>
    </message>
    <message>
        <source>Sign in to HubSpot</source>
        <translation>Bei HubSpot anmelden</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Data age</source>
        <translation>Alter der Daten</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Demo (simulated HubSpot)</source>
        <translation>Demo (simuliertes HubSpot)</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Service key</source>
        <translation>Service-Schlüssel</translation>
    </message>
    <message>
        <source>hub %1</source>
        <translation>Hub %1</translation>
    </message>
    <message>
        <source>Sign-in notice: %1</source>
        <translation>Hinweis zur Anmeldung: %1</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n wartend</numerusform>
            <numerusform>%n wartend</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>CalendarButtons</name>
    <message>
        <source>Add to Google Calendar</source>
        <translation>Zu Google Kalender hinzufügen</translation>
    </message>
    <message>
        <source>Add to Google Calendar (opens the browser)</source>
        <translation>Zu Google Kalender hinzufügen (öffnet den Browser)</translation>
    </message>
    <message>
        <source>Add to Outlook</source>
        <translation>Zu Outlook hinzufügen</translation>
    </message>
    <message>
        <source>Add to Outlook on the web (opens the browser)</source>
        <translation>Zu Outlook im Web hinzufügen (öffnet den Browser)</translation>
    </message>
</context>
<context>
    <name>ChoiceInput</name>
    <message>
        <source>(no answer)</source>
        <translation>(keine Antwort)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
</context>
<context>
    <name>ConfirmationView</name>
    <message>
        <source>Booking confirmation</source>
        <translation>Buchungsbestätigung</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Attendee&apos;s time</source>
        <translation>Zeit des Teilnehmers</translation>
    </message>
    <message>
        <source>Your time</source>
        <translation>Ihre Zeit</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Video link</source>
        <translation>Videolink</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Gäste</translation>
    </message>
    <message>
        <source>Save .ics…</source>
        <translation>.ics speichern …</translation>
    </message>
    <message>
        <source>Save as calendar file</source>
        <translation>Als Kalenderdatei speichern</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <source>Book another</source>
        <translation>Weiteren Termin buchen</translation>
    </message>
    <message>
        <source>Book another meeting</source>
        <translation>Einen weiteren Termin buchen</translation>
    </message>
    <message>
        <source>✓ Meeting booked</source>
        <translation>✓ Termin gebucht</translation>
    </message>
    <message>
        <source>⚠ Booked without a calendar event</source>
        <translation>⚠ Ohne Kalendereintrag gebucht</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Kopiert.</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>I agree.</source>
        <translation>Ich stimme zu.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Calendar…</source>
        <translation>Kalender …</translation>
    </message>
    <message>
        <source>choose from a calendar</source>
        <translation>aus einem Kalender wählen</translation>
    </message>
</context>
<context>
    <name>DomainMessages</name>
    <message>
        <source>An earlier attempt may have booked this; check HubSpot before sending it again.</source>
        <translation>Ein früherer Versuch hat dies möglicherweise gebucht; prüfen Sie es in HubSpot, bevor Sie erneut senden.</translation>
    </message>
    <message>
        <source>Could not check the open times.</source>
        <translation>Die freien Zeiten konnten nicht geprüft werden.</translation>
    </message>
    <message>
        <source>HubSpot blocks bookings from this email address (portal policy). Use another address.</source>
        <translation>HubSpot sperrt Buchungen von dieser E-Mail-Adresse (Portalrichtlinie). Verwenden Sie eine andere Adresse.</translation>
    </message>
    <message>
        <source>HubSpot booked this, but it could not be recorded here; it is settled on the next start.</source>
        <translation>HubSpot hat dies gebucht, aber es konnte hier nicht gespeichert werden; es wird beim nächsten Start abgeglichen.</translation>
    </message>
    <message>
        <source>HubSpot had a server error while booking; the meeting may have been booked. Check HubSpot before sending it again.</source>
        <translation>Bei HubSpot ist beim Buchen ein Serverfehler aufgetreten; der Termin wurde möglicherweise gebucht. Prüfen Sie es in HubSpot, bevor Sie erneut senden.</translation>
    </message>
    <message>
        <source>HubSpot had a server error. Try again in a moment.</source>
        <translation>Bei HubSpot ist ein Serverfehler aufgetreten. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>HubSpot is rate limiting requests; waiting a few seconds before trying again.</source>
        <translation>HubSpot begrenzt die Anfragen; einige Sekunden warten, dann wird es erneut versucht.</translation>
    </message>
    <message>
        <source>HubSpot refused the guests: this link takes no guests, fewer guests, or a guest email is invalid.</source>
        <translation>HubSpot hat die Gäste abgelehnt: Dieser Link erlaubt keine oder weniger Gäste, oder eine Gast-E-Mail ist ungültig.</translation>
    </message>
    <message>
        <source>HubSpot refused the request without saying why.</source>
        <translation>HubSpot hat die Anfrage ohne Angabe von Gründen abgelehnt.</translation>
    </message>
    <message>
        <source>HubSpot refused the request: {detail_text}</source>
        <translation>HubSpot hat die Anfrage abgelehnt: {detail_text}</translation>
    </message>
    <message>
        <source>HubSpot rejected the email address as invalid. Check it, or use another address.</source>
        <translation>HubSpot hat die E-Mail-Adresse als ungültig abgelehnt. Prüfen Sie sie oder verwenden Sie eine andere Adresse.</translation>
    </message>
    <message>
        <source>HubSpot rejected the sign-in (the token is wrong, expired or revoked). Sign in again.</source>
        <translation>HubSpot hat die Anmeldung abgelehnt (das Token ist falsch, abgelaufen oder widerrufen). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>HubSpot signed you in but sent no refresh token, so the sign-in could not be kept.</source>
        <translation>HubSpot hat Sie angemeldet, aber kein Refresh-Token gesendet; die Anmeldung konnte daher nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>HubSpot&apos;s address answered with a redirect, which is not followed. Check the API address (--api-base) and any proxy or network login page.</source>
        <translation>Die Adresse von HubSpot hat mit einer Weiterleitung geantwortet, der nicht gefolgt wird. Prüfen Sie die API-Adresse (--api-base) und einen etwaigen Proxy oder eine Netzwerk-Anmeldeseite.</translation>
    </message>
    <message>
        <source>HubSpot&apos;s daily API limit for this account is used up; try again tomorrow.</source>
        <translation>Das tägliche API-Limit von HubSpot für dieses Konto ist ausgeschöpft; versuchen Sie es morgen erneut.</translation>
    </message>
    <message>
        <source>Not signed in to HubSpot. Sign in, or set BOOKING_ASSISTANT_TOKEN to a service key or private-app token.</source>
        <translation>Nicht bei HubSpot angemeldet. Melden Sie sich an oder setzen Sie BOOKING_ASSISTANT_TOKEN auf einen Dienstschlüssel oder ein Private-App-Token.</translation>
    </message>
    <message>
        <source>Nothing to do here. You can close this tab.</source>
        <translation>Hier ist nichts zu tun. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <source>Probably booked: the time is no longer offered. Check the meeting in HubSpot.</source>
        <translation>Wahrscheinlich gebucht: Die Uhrzeit wird nicht mehr angeboten. Prüfen Sie den Termin in HubSpot.</translation>
    </message>
    <message>
        <source>Probably not booked: the time is still offered, so it can be sent again.</source>
        <translation>Wahrscheinlich nicht gebucht: Die Uhrzeit wird noch angeboten, die Buchung kann also erneut gesendet werden.</translation>
    </message>
    <message>
        <source>Sending failed unexpectedly.</source>
        <translation>Das Senden ist unerwartet fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Sending failed unexpectedly; it may have been booked.</source>
        <translation>Das Senden ist unerwartet fehlgeschlagen; der Termin wurde möglicherweise gebucht.</translation>
    </message>
    <message>
        <source>Sending was interrupted; the booking may have been made.</source>
        <translation>Das Senden wurde unterbrochen; die Buchung ist möglicherweise erfolgt.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled in the browser. Nothing was changed.</source>
        <translation>Die Anmeldung wurde im Browser abgebrochen. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled. You can close this tab.</source>
        <translation>Die Anmeldung wurde abgebrochen. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <source>Signed in to HubSpot. You can close this tab and return to Booking Assistant.</source>
        <translation>Bei HubSpot angemeldet. Sie können diesen Tab schließen und zu Booking Assistant zurückkehren.</translation>
    </message>
    <message>
        <source>That meeting link does not exist in HubSpot (check the slug; team links look like team/name).</source>
        <translation>Diesen Meeting-Link gibt es in HubSpot nicht (prüfen Sie den Slug; Team-Links sehen aus wie team/name).</translation>
    </message>
    <message>
        <source>That time is no longer available. Pick another open time.</source>
        <translation>Diese Uhrzeit ist nicht mehr verfügbar. Wählen Sie eine andere freie Zeit.</translation>
    </message>
    <message>
        <source>That time is no longer offered. Pick a new time.</source>
        <translation>Diese Uhrzeit wird nicht mehr angeboten. Wählen Sie eine neue Uhrzeit.</translation>
    </message>
    <message>
        <source>The HubSpot token contains a line break or another character tokens never have. Check BOOKING_ASSISTANT_TOKEN (or sign in again); nothing was sent.</source>
        <translation>Das HubSpot-Token enthält einen Zeilenumbruch oder ein anderes Zeichen, das Tokens nie enthalten. Prüfen Sie BOOKING_ASSISTANT_TOKEN (oder melden Sie sich erneut an); es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The HubSpot token is missing a permission (scope): {names}. Add it to the service key or app in HubSpot (Settings › Integrations), then sign in again.</source>
        <translation>Dem HubSpot-Token fehlt eine Berechtigung (Scope): {names}. Fügen Sie sie dem Dienstschlüssel oder der App in HubSpot hinzu (Einstellungen › Integrationen) und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>The last name needs a value.</source>
        <translation>Der Nachname darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The meeting time has passed. Pick a new time.</source>
        <translation>Der Termin liegt in der Vergangenheit. Wählen Sie eine neue Uhrzeit.</translation>
    </message>
    <message>
        <source>The question “{field}” needs an answer.</source>
        <translation>Die Frage „{field}“ muss beantwortet werden.</translation>
    </message>
    <message>
        <source>The sign-in was not completed in the browser in time. Try again.</source>
        <translation>Die Anmeldung wurde im Browser nicht rechtzeitig abgeschlossen. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The time has passed; check in HubSpot whether it was booked.</source>
        <translation>Die Uhrzeit ist vorbei; prüfen Sie in HubSpot, ob der Termin gebucht wurde.</translation>
    </message>
    <message>
        <source>This booking is being sent right now; wait for its outcome.</source>
        <translation>Diese Buchung wird gerade gesendet; warten Sie auf das Ergebnis.</translation>
    </message>
    <message>
        <source>This booking is no longer in the outbox.</source>
        <translation>Diese Buchung ist nicht mehr im Postausgang.</translation>
    </message>
    <message>
        <source>This booking may have been made and its time has not been checked yet. Wait for the check (or look in HubSpot), then send it again only if its time is still offered.</source>
        <translation>Diese Buchung wurde möglicherweise schon gemacht, und ihre Zeit wurde noch nicht geprüft. Warten Sie die Prüfung ab (oder sehen Sie in HubSpot nach) und senden Sie sie nur erneut, wenn ihre Zeit noch angeboten wird.</translation>
    </message>
    <message>
        <source>This booking may have been made: only its time can change (pick a new time).</source>
        <translation>Diese Buchung wurde möglicherweise schon gemacht: Nur ihre Zeit kann sich ändern (wählen Sie eine neue Zeit).</translation>
    </message>
    <message>
        <source>This booking was discarded.</source>
        <translation>Diese Buchung wurde verworfen.</translation>
    </message>
    <message>
        <source>This booking was probably booked: its time is no longer offered. Check the meeting in HubSpot, then mark it as booked or discard it.</source>
        <translation>Diese Buchung wurde wahrscheinlich gemacht: Ihre Zeit wird nicht mehr angeboten. Prüfen Sie den Termin in HubSpot und markieren Sie ihn dann als gebucht oder verwerfen Sie ihn.</translation>
    </message>
    <message>
        <source>This booking was sent already; it cannot be sent again.</source>
        <translation>Diese Buchung wurde bereits gesendet; sie kann nicht erneut gesendet werden.</translation>
    </message>
    <message>
        <source>This meeting link does not offer that duration. Pick one of the link&apos;s durations.</source>
        <translation>Dieser Meeting-Link bietet diese Dauer nicht an. Wählen Sie eine der Dauern des Links.</translation>
    </message>
    <message>
        <source>This sign-in response does not belong to the sign-in Booking Assistant started, so it was ignored. Start the sign-in again from Booking Assistant.</source>
        <translation>Diese Anmeldeantwort gehört nicht zu der Anmeldung, die Booking Assistant gestartet hat, und wurde daher ignoriert. Starten Sie die Anmeldung erneut in Booking Assistant.</translation>
    </message>
    <message>
        <source>You are signed out of HubSpot.</source>
        <translation>Sie sind von HubSpot abgemeldet.</translation>
    </message>
    <message>
        <source>Your HubSpot sign-in has expired or was revoked.</source>
        <translation>Ihre HubSpot-Anmeldung ist abgelaufen oder wurde widerrufen.</translation>
    </message>
    <message>
        <source>{reason} Sign in again (booking-assistant login --oauth); queued bookings wait until then.</source>
        <translation>{reason} Melden Sie sich erneut an (booking-assistant login --oauth); Buchungen im Postausgang warten bis dahin.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong</source>
        <extracomment>`@async_slot()` on a method makes a Qt slot that runs the coroutine as a task (and returns the task).</extracomment>
        <translation>Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <source>An unexpected error occurred. Your drafts are safe; details are in the log file.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten. Ihre Entwürfe sind sicher; Details stehen in der Protokolldatei.</translation>
    </message>
</context>
<context>
    <name>FieldInputs</name>
    <message>
        <source>+49 30 1234567</source>
        <comment>an example phone number</comment>
        <translation>+49 30 1234567</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>%1 days ago</source>
        <translation>vor %1 Tagen</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 Std.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 Min.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Persönlich</translation>
    </message>
    <message>
        <source>Team (round robin)</source>
        <translation>Team (Round Robin)</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
</context>
<context>
    <name>GuestRow</name>
    <message>
        <source>guest@example.com</source>
        <translation>gast@beispiel.de</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>GuestsEditor</name>
    <message>
        <source>Add guest</source>
        <translation>Gast hinzufügen</translation>
    </message>
    <message>
        <source>Guest %1 email</source>
        <translation>E-Mail von Gast %1</translation>
    </message>
    <message>
        <source>Remove guest %1</source>
        <translation>Gast %1 entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Up to %n guest(s).</source>
        <translation>
            <numerusform>Bis zu %n Gast.</numerusform>
            <numerusform>Bis zu %n Gäste.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Search by name, email or company</source>
        <translation>Nach Name, E-Mail oder Firma suchen</translation>
    </message>
    <message>
        <source>Search history</source>
        <translation>Verlauf durchsuchen</translation>
    </message>
    <message>
        <source>Booked meetings</source>
        <translation>Gebuchte Termine</translation>
    </message>
    <message>
        <source>Could not load more of the history. Try the search again.</source>
        <extracomment>Widest a column grows to fit its contents (px); longer values are elided, the full text is the tooltip.</extracomment>
        <translation>Weitere Einträge des Verlaufs konnten nicht geladen werden. Versuchen Sie die Suche erneut.</translation>
    </message>
    <message>
        <source>No bookings match “%1”. Try part of a name, an email or a company.</source>
        <translation>Keine Buchungen passen zu „%1“. Versuchen Sie einen Teil eines Namens, einer E-Mail-Adresse oder einer Firma.</translation>
    </message>
    <message>
        <source>No bookings found.</source>
        <translation>Keine Buchungen gefunden.</translation>
    </message>
    <message>
        <source>Attendee</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
</context>
<context>
    <name>KioskOverlay</name>
    <message numerus="yes">
        <source>For your privacy, everything you entered will be cleared in %n second(s).</source>
        <translation>
            <numerusform>Zum Schutz Ihrer Daten wird alles, was Sie eingegeben haben, in %n Sekunde gelöscht.</numerusform>
            <numerusform>Zum Schutz Ihrer Daten wird alles, was Sie eingegeben haben, in %n Sekunden gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>Sind Sie noch da?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
    <message>
        <source>Exit kiosk</source>
        <translation>Kiosk beenden</translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>Ich bin noch da</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Staff exit</source>
        <translation>Ausgang für Mitarbeiter</translation>
    </message>
    <message>
        <source>Staff only: enter the PIN to leave kiosk mode</source>
        <translation>Nur für Mitarbeiter: Geben Sie die PIN ein, um den Kioskmodus zu verlassen</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>Diese PIN ist nicht richtig.</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Verbleibende Zeit</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 s.</source>
        <translation>Zu viele falsche PINs. Neuer Versuch in %1 s.</translation>
    </message>
    <message>
        <source>You can try the PIN again.</source>
        <translation>Sie können die PIN jetzt erneut eingeben.</translation>
    </message>
</context>
<context>
    <name>KioskScreens</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Book now</source>
        <translation>Jetzt buchen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Weiter ›</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Please check and confirm</source>
        <translation>Bitte prüfen und bestätigen</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <source>Your booking</source>
        <translation>Ihre Buchung</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ Zurück</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>%1 need staff</source>
        <translation>%1 brauchen Personal</translation>
    </message>
    <message>
        <source>%1 · %2 queued</source>
        <translation>%1 · %2 wartend</translation>
    </message>
    <message>
        <source>Book a meeting</source>
        <translation>Termin buchen</translation>
    </message>
    <message>
        <source>Book a meeting with our team in under a minute.</source>
        <translation>Buchen Sie in weniger als einer Minute einen Termin mit unserem Team.</translation>
    </message>
    <message>
        <source>Front-desk kiosk</source>
        <translation>Empfangskiosk</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Staff. Status: %1</source>
        <translation>Mitarbeiter. Status: %1</translation>
    </message>
    <message>
        <source>Staff: tap five times, or press %1, to leave kiosk mode</source>
        <translation>Mitarbeiter: Fünfmal tippen oder %1 drücken, um den Kioskmodus zu verlassen</translation>
    </message>
    <message>
        <source>Tap to book a meeting</source>
        <translation>Tippen, um einen Termin zu buchen</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>Willkommen!</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
</context>
<context>
    <name>LinkPaste</name>
    <message>
        <source>This account has no meeting link “%1”.</source>
        <translation>Dieses Konto hat keinen Meeting-Link „%1“.</translation>
    </message>
    <message>
        <source>This address names no meeting link; copy the whole address of the booking page.</source>
        <translation>Diese Adresse nennt keinen Meeting-Link; kopieren Sie die vollständige Adresse der Buchungsseite.</translation>
    </message>
    <message>
        <source>This is not a HubSpot meetings link; those start with https://meetings.hubspot.com/.</source>
        <translation>Das ist kein HubSpot-Meeting-Link; diese beginnen mit https://meetings.hubspot.com/.</translation>
    </message>
    <message>
        <source>This is not a web address.</source>
        <translation>Das ist keine Webadresse.</translation>
    </message>
</context>
<context>
    <name>LinkPicker</name>
    <message>
        <source>&amp;Meeting link</source>
        <translation>&amp;Meeting-Link</translation>
    </message>
    <message>
        <source>Meeting link</source>
        <translation>Meeting-Link</translation>
    </message>
    <message>
        <source>Type to search the meeting links by name</source>
        <translation>Tippen, um die Meeting-Links nach Namen zu durchsuchen</translation>
    </message>
    <message>
        <source>Search meeting links…</source>
        <translation>Meeting-Links durchsuchen …</translation>
    </message>
    <message>
        <source>organiser %1</source>
        <translation>Organisator %1</translation>
    </message>
    <message>
        <source>No single meeting link matches “%1”; still %2.</source>
        <translation>Kein einzelner Meeting-Link passt zu „%1“; weiterhin %2.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Time zone</source>
        <translation>&amp;Zeitzone</translation>
    </message>
    <message>
        <source>&amp;Propose times…</source>
        <translation>Zeiten &amp;vorschlagen …</translation>
    </message>
    <message>
        <source>A message offering open times of this link, to copy</source>
        <translation>Eine Nachricht mit freien Zeiten dieses Links zum Kopieren</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Buchen</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Gewählt: %1</translation>
    </message>
    <message>
        <source>The profile&apos;s database was damaged (%1). It was kept as %2 and a fresh one was started; %3 outbox bookings and %4 history entries were recovered from it.</source>
        <translation>Die Datenbank des Profils war beschädigt (%1). Sie wurde als %2 aufbewahrt und eine neue angelegt; %3 Buchungen im Postausgang und %4 Verlaufseinträge wurden daraus wiederhergestellt.</translation>
    </message>
    <message>
        <source>Database repaired</source>
        <translation>Datenbank repariert</translation>
    </message>
    <message>
        <source>Signed out: sign in again to send</source>
        <translation>Abgemeldet: Melden Sie sich erneut an, um zu senden</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>Angemeldet: %1</translation>
    </message>
    <message>
        <source>Sign-in not saved</source>
        <translation>Anmeldung nicht gespeichert</translation>
    </message>
    <message>
        <source>%1 need your attention</source>
        <translation>%1 erfordern Ihre Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Booking discarded.</source>
        <translation>Buchung verworfen.</translation>
    </message>
    <message>
        <source>Settings could not be saved: %1</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>Die neue Sprache wird ab dem nächsten Start verwendet.</translation>
    </message>
    <message>
        <source>Settings not loaded</source>
        <translation>Einstellungen nicht geladen</translation>
    </message>
</context>
<context>
    <name>MonthGrid</name>
    <message>
        <source>Previous month</source>
        <translation>Vorheriger Monat</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Nächster Monat</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>%1, today</source>
        <translation>%1, heute</translation>
    </message>
    <message>
        <source>open times available</source>
        <translation>freie Zeiten verfügbar</translation>
    </message>
    <message>
        <source>no open times</source>
        <translation>keine freien Zeiten</translation>
    </message>
    <message>
        <source>Loading open times…</source>
        <translation>Freie Zeiten werden geladen …</translation>
    </message>
    <message>
        <source>No open times this month.</source>
        <translation>Keine freien Zeiten in diesem Monat.</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>%1: check in HubSpot, then settle it in the Outbox.</source>
        <translation>%1: Prüfen Sie den Termin in HubSpot und klären Sie ihn dann im Postausgang.</translation>
    </message>
    <message>
        <source>%1: check the meeting in HubSpot.</source>
        <translation>%1: Prüfen Sie den Termin in HubSpot.</translation>
    </message>
    <message>
        <source>%1: pick a new time in the Outbox.</source>
        <translation>%1: Wählen Sie im Postausgang eine neue Uhrzeit.</translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) your attention in the Outbox.</source>
        <translation>
            <numerusform>%n braucht Ihre Aufmerksamkeit im Postausgang.</numerusform>
            <numerusform>%n brauchen Ihre Aufmerksamkeit im Postausgang.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued booking(s) sent.</source>
        <translation>
            <numerusform>%n Buchung aus dem Postausgang gesendet.</numerusform>
            <numerusform>%n Buchungen aus dem Postausgang gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>A booking may have been made</source>
        <translation>Eine Buchung ist möglicherweise erfolgt</translation>
    </message>
    <message>
        <source>A queued booking needs a new time</source>
        <translation>Eine Buchung im Postausgang braucht eine neue Uhrzeit</translation>
    </message>
    <message>
        <source>Booked without a calendar event</source>
        <translation>Ohne Kalendereintrag gebucht</translation>
    </message>
    <message>
        <source>HubSpot refused a queued booking</source>
        <translation>HubSpot hat eine Buchung aus dem Postausgang abgelehnt</translation>
    </message>
    <message>
        <source>Queued booking sent</source>
        <translation>Buchung aus dem Postausgang gesendet</translation>
    </message>
    <message>
        <source>Queued bookings need attention</source>
        <translation>Buchungen im Postausgang brauchen Ihre Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Queued bookings sent</source>
        <translation>Buchungen aus dem Postausgang gesendet</translation>
    </message>
    <message>
        <source>The meeting with %1 is booked.</source>
        <translation>Der Termin mit %1 ist gebucht.</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Delete the last character</source>
        <translation>Letztes Zeichen löschen</translation>
    </message>
    <message>
        <source>On-screen keyboard</source>
        <translation>Bildschirmtastatur</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Umschalt</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leertaste</translation>
    </message>
    <message>
        <source>apostrophe</source>
        <translation>Apostroph</translation>
    </message>
    <message>
        <source>at sign</source>
        <translation>At-Zeichen</translation>
    </message>
    <message>
        <source>dot</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>dot %1</source>
        <translation>Punkt %1</translation>
    </message>
    <message>
        <source>hyphen</source>
        <translation>Bindestrich</translation>
    </message>
    <message>
        <source>plus sign</source>
        <translation>Pluszeichen</translation>
    </message>
    <message>
        <source>underscore</source>
        <translation>Unterstrich</translation>
    </message>
    <message>
        <source>⇧</source>
        <translation>⇧</translation>
    </message>
    <message>
        <source>⌫</source>
        <translation>⌫</translation>
    </message>
</context>
<context>
    <name>OpenTimesView</name>
    <message>
        <source>Pick a day to see its open times.</source>
        <translation>Wählen Sie einen Tag, um seine freien Zeiten zu sehen.</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>24-hour clock</source>
        <translation>24-Stunden-Format</translation>
    </message>
    <message>
        <source>Show times with the 24-hour clock</source>
        <translation>Uhrzeiten im 24-Stunden-Format anzeigen</translation>
    </message>
    <message>
        <source>Meeting length %1</source>
        <translation>Termindauer %1</translation>
    </message>
    <message>
        <source>No open times left on this day.</source>
        <translation>An diesem Tag sind keine freien Zeiten mehr übrig.</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Drafts in the outbox</source>
        <translation>Entwürfe im Postausgang</translation>
    </message>
    <message>
        <source>Nothing is waiting in the outbox.</source>
        <translation>Im Postausgang wartet nichts.</translation>
    </message>
    <message>
        <source>Selected draft</source>
        <translation>Ausgewählter Entwurf</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Jetzt senden</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Pick a new time…</source>
        <translation>Neue Uhrzeit wählen …</translation>
    </message>
    <message>
        <source>Mark as booked</source>
        <translation>Als gebucht markieren</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Attendee</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>May have been booked — check HubSpot</source>
        <translation>Möglicherweise gebucht – in HubSpot prüfen</translation>
    </message>
    <message>
        <source>Needs a new time</source>
        <translation>Braucht eine neue Uhrzeit</translation>
    </message>
    <message>
        <source>Probably booked — check HubSpot</source>
        <translation>Wahrscheinlich gebucht – in HubSpot prüfen</translation>
    </message>
    <message>
        <source>Probably not booked — you can send it again</source>
        <translation>Wahrscheinlich nicht gebucht – Sie können erneut senden</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Queued — waiting for the network</source>
        <translation>Wartet auf das Netzwerk</translation>
    </message>
    <message>
        <source>Rejected by HubSpot</source>
        <translation>Von HubSpot abgelehnt</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Sent — but no calendar event</source>
        <translation>Gesendet – aber ohne Kalendereintrag</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>OutboxQuestions</name>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Discard booking?</source>
        <translation>Buchung verwerfen?</translation>
    </message>
    <message>
        <source>Discard the booking for %1 on %2?</source>
        <translation>Die Buchung für %1 am %2 verwerfen?</translation>
    </message>
    <message>
        <source>It will not be sent, and this cannot be undone.</source>
        <translation>Sie wird nicht gesendet, und das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Behalten</translation>
    </message>
</context>
<context>
    <name>ProposeDialog</name>
    <message>
        <source>Propose times</source>
        <translation>Zeiten vorschlagen</translation>
    </message>
    <message>
        <source>The &amp;next open times:</source>
        <translation>Die &amp;nächsten freien Zeiten:</translation>
    </message>
    <message>
        <source>&amp;These times:</source>
        <translation>&amp;Diese Zeiten:</translation>
    </message>
    <message>
        <source>How many open times</source>
        <translation>Wie viele freie Zeiten</translation>
    </message>
    <message>
        <source>Open times to propose</source>
        <translation>Vorzuschlagende freie Zeiten</translation>
    </message>
    <message>
        <source>Language of the message</source>
        <translation>Sprache der Nachricht</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The message</source>
        <translation>Die Nachricht</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the message (text and HTML)</source>
        <translation>Die Nachricht kopieren (Text und HTML)</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Kopiert.</translation>
    </message>
    <message>
        <source>This link has no open times in the months shown.</source>
        <translation>Dieser Link hat in den angezeigten Monaten keine freien Zeiten.</translation>
    </message>
    <message>
        <source>Tick the times to propose.</source>
        <translation>Kreuzen Sie die vorzuschlagenden Zeiten an.</translation>
    </message>
    <message>
        <source>Propose at most %1 times.</source>
        <translation>Schlagen Sie höchstens %1 Zeiten vor.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Takes effect the next time the app starts</source>
        <translation>Wird beim nächsten Start der App wirksam</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Light or dark; takes effect at once</source>
        <translation>Hell oder dunkel; wirkt sofort</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Wie das System (%1)</translation>
    </message>
    <message>
        <source>As the locale</source>
        <translation>Wie das Gebietsschema</translation>
    </message>
    <message>
        <source>24-hour</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>12-hour</source>
        <translation>12 Stunden</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Uhrzeitformat</translation>
    </message>
    <message>
        <source>The one used last</source>
        <translation>Der zuletzt verwendete</translation>
    </message>
    <message>
        <source>Default meeting link</source>
        <translation>Standard-Meeting-Link</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Keep history for</source>
        <translation>Verlauf aufbewahren für</translation>
    </message>
    <message>
        <source>Older bookings are removed from the history</source>
        <translation>Ältere Buchungen werden aus dem Verlauf entfernt</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>&amp;Darstellung:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>&amp;Clock:</source>
        <translation>&amp;Uhrzeitformat:</translation>
    </message>
    <message>
        <source>Default &amp;meeting link:</source>
        <translation>Standard-&amp;Meeting-Link:</translation>
    </message>
    <message>
        <source>Keep &amp;history for:</source>
        <translation>&amp;Verlauf aufbewahren für:</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to HubSpot</source>
        <translation>Bei HubSpot anmelden</translation>
    </message>
    <message>
        <source>Connect the HubSpot account whose meeting links you book. Choose one way.</source>
        <translation>Verbinden Sie das HubSpot-Konto, über dessen Meeting-Links Sie buchen. Wählen Sie einen Weg.</translation>
    </message>
    <message>
        <source>Service key or private-app token</source>
        <translation>Dienstschlüssel oder Private-App-Token</translation>
    </message>
    <message>
        <source>Paste the key here</source>
        <translation>Schlüssel hier einfügen</translation>
    </message>
    <message>
        <source>Sign in with &amp;key</source>
        <translation>Mit &amp;Schlüssel anmelden</translation>
    </message>
    <message>
        <source>Sign in with the key</source>
        <translation>Mit dem Schlüssel anmelden</translation>
    </message>
    <message>
        <source>The key needs the scope %1 to read meeting links, and a CRM write scope such as %2 to book.</source>
        <translation>Der Schlüssel braucht den Scope %1, um Meeting-Links zu lesen, und einen CRM-Schreib-Scope wie %2, um zu buchen.</translation>
    </message>
    <message>
        <source>Service key or private-app &amp;token</source>
        <translation>Dienstschlüssel oder Private-App-&amp;Token</translation>
    </message>
    <message>
        <source>With a key</source>
        <translation>Mit einem Schlüssel</translation>
    </message>
    <message>
        <source>App client ID</source>
        <translation>Client-ID der App</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <source>Only if your HubSpot app has one; kept in the keychain</source>
        <translation>Nur falls Ihre HubSpot-App eines hat; wird im Schlüsselbund aufbewahrt</translation>
    </message>
    <message>
        <source>Only if your app has one</source>
        <translation>Nur falls Ihre App eines hat</translation>
    </message>
    <message>
        <source>Sign in with &amp;HubSpot</source>
        <translation>Mit &amp;HubSpot anmelden</translation>
    </message>
    <message>
        <source>Sign in with HubSpot in the browser</source>
        <translation>Im Browser mit HubSpot anmelden</translation>
    </message>
    <message>
        <source>App &amp;client ID</source>
        <translation>&amp;Client-ID der App</translation>
    </message>
    <message>
        <source>Client &amp;secret</source>
        <translation>Client-&amp;Secret</translation>
    </message>
    <message>
        <source>Opens HubSpot&apos;s sign-in page in your browser; come back here when it is done.</source>
        <translation>Öffnet die Anmeldeseite von HubSpot in Ihrem Browser; kehren Sie danach hierher zurück.</translation>
    </message>
    <message>
        <source>With your HubSpot login</source>
        <translation>Mit Ihrem HubSpot-Login</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Anmeldestatus</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>Stop waiting for the browser</source>
        <translation>Nicht mehr auf den Browser warten</translation>
    </message>
    <message>
        <source>Checking the key with HubSpot…</source>
        <translation>Schlüssel wird bei HubSpot geprüft …</translation>
    </message>
    <message>
        <source>Waiting for the browser… Finish signing in on HubSpot&apos;s page, then come back here.</source>
        <translation>Warte auf den Browser … Schließen Sie die Anmeldung auf der Seite von HubSpot ab und kehren Sie dann hierher zurück.</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>Can&apos;t save your sign-in on this system: you&apos;ll need to sign in again next time.</source>
        <translation>Ihre Anmeldung kann auf diesem System nicht gespeichert werden: Sie müssen sich beim nächsten Mal erneut anmelden.</translation>
    </message>
    <message>
        <source>HubSpot can&apos;t be reached. Check the internet connection, then try again.</source>
        <translation>HubSpot ist nicht erreichbar. Prüfen Sie die Internetverbindung und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>HubSpot did not accept this key. Check that you copied all of it and that it was not rotated or deleted.</source>
        <translation>HubSpot hat diesen Schlüssel nicht akzeptiert. Prüfen Sie, ob Sie ihn vollständig kopiert haben und ob er nicht erneuert oder gelöscht wurde.</translation>
    </message>
    <message>
        <source>HubSpot refused the sign-in: %1</source>
        <translation>HubSpot hat die Anmeldung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <source>Signed out here, but HubSpot could not be told to revoke the sign-in (%1). Remove the app&apos;s access in HubSpot (Settings › Integrations › Connected apps) to be sure.</source>
        <translation>Hier abgemeldet, aber HubSpot konnte nicht aufgefordert werden, die Anmeldung zu widerrufen (%1). Entfernen Sie zur Sicherheit den Zugriff der App in HubSpot (Einstellungen › Integrationen › Verbundene Apps).</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <source>The sign-in did not complete: %1</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen: %1</translation>
    </message>
    <message>
        <source>The sign-in was not finished in the browser. Try again when you are ready.</source>
        <translation>Die Anmeldung wurde im Browser nicht abgeschlossen. Versuchen Sie es erneut, wenn Sie bereit sind.</translation>
    </message>
    <message>
        <source>This key is missing a permission (scope): %1. In HubSpot, open Settings › Integrations › Service keys (or Private apps), give the key %2 to read meeting links and a CRM write scope such as %3 to book, then paste it here again.</source>
        <translation>Diesem Schlüssel fehlt eine Berechtigung (Scope): %1. Öffnen Sie in HubSpot Einstellungen › Integrationen › Dienstschlüssel (oder Private Apps), geben Sie dem Schlüssel %2 zum Lesen der Meeting-Links und einen CRM-Schreib-Scope wie %3 zum Buchen, und fügen Sie ihn dann hier erneut ein.</translation>
    </message>
    <message>
        <source>You were not signed in.</source>
        <translation>Sie waren nicht angemeldet.</translation>
    </message>
</context>
<context>
    <name>TimeZonePicker</name>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Open times are shown in this zone. Type a city to search.</source>
        <translation>Freie Zeiten werden in dieser Zeitzone angezeigt. Geben Sie zum Suchen eine Stadt ein.</translation>
    </message>
    <message>
        <source>Search by city, country or abbreviation…</source>
        <translation>Nach Stadt, Land oder Kürzel suchen…</translation>
    </message>
    <message>
        <source>No single zone matches “%1”; times stay in %2.</source>
        <translation>Keine einzelne Zeitzone passt zu „%1“; die Zeiten bleiben in %2.</translation>
    </message>
</context>
<context>
    <name>VisitorFlow</name>
    <message>
        <source>Book a meeting</source>
        <translation>Termin buchen</translation>
    </message>
    <message>
        <source>Book now</source>
        <translation>Jetzt buchen</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Wird gebucht …</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>Wählen Sie einen Tag</translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation>Wählen Sie eine Uhrzeit</translation>
    </message>
    <message>
        <source>Choose a time on %1</source>
        <translation>Wählen Sie eine Uhrzeit am %1</translation>
    </message>
    <message>
        <source>No free times right now</source>
        <translation>Derzeit keine freien Zeiten</translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation>Einen Moment …</translation>
    </message>
    <message>
        <source>Please ask at the desk so we can check it for you.</source>
        <translation>Bitte fragen Sie am Empfang, damit wir das für Sie prüfen können.</translation>
    </message>
    <message>
        <source>Please ask at the desk; we&apos;ll find a time for you.</source>
        <translation>Bitte fragen Sie am Empfang; wir finden eine Zeit für Sie.</translation>
    </message>
    <message>
        <source>Please ask at the desk; we&apos;ll gladly book it for you.</source>
        <translation>Bitte fragen Sie am Empfang; wir buchen den Termin gern für Sie.</translation>
    </message>
    <message>
        <source>Please check the fields marked below.</source>
        <translation>Bitte prüfen Sie die unten markierten Felder.</translation>
    </message>
    <message>
        <source>Send request</source>
        <translation>Anfrage senden</translation>
    </message>
    <message>
        <source>Sorry, booking isn&apos;t available right now</source>
        <translation>Buchen ist leider gerade nicht möglich</translation>
    </message>
    <message>
        <source>That time was just taken. Please pick another one.</source>
        <translation>Diese Uhrzeit wurde gerade vergeben. Bitte wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>The invitation is on its way to your email.</source>
        <translation>Die Einladung ist per E-Mail unterwegs zu Ihnen.</translation>
    </message>
    <message>
        <source>We can&apos;t reach our booking system right now. We&apos;ll email you when it&apos;s confirmed.</source>
        <translation>Unser Buchungssystem ist gerade nicht erreichbar. Wir senden Ihnen eine E-Mail, sobald der Termin bestätigt ist.</translation>
    </message>
    <message>
        <source>We couldn&apos;t confirm your booking</source>
        <translation>Wir konnten Ihre Buchung nicht bestätigen</translation>
    </message>
    <message>
        <source>We have your booking, but the calendar invitation could not be made. Please tell the desk.</source>
        <translation>Ihre Buchung liegt uns vor, aber die Kalendereinladung konnte nicht erstellt werden. Bitte sagen Sie am Empfang Bescheid.</translation>
    </message>
    <message>
        <source>We&apos;re offline: your booking will be sent as a request.</source>
        <translation>Wir sind offline: Ihre Buchung wird als Anfrage gesendet.</translation>
    </message>
    <message>
        <source>Who would you like to meet?</source>
        <translation>Wen möchten Sie treffen?</translation>
    </message>
    <message>
        <source>Your consent</source>
        <translation>Ihre Einwilligung</translation>
    </message>
    <message>
        <source>Your details</source>
        <translation>Ihre Angaben</translation>
    </message>
    <message>
        <source>✓ Booked</source>
        <translation>✓ Gebucht</translation>
    </message>
    <message>
        <source>✓ We have your request</source>
        <translation>✓ Ihre Anfrage liegt uns vor</translation>
    </message>
    <message>
        <source>✓ You&apos;re booked</source>
        <translation>✓ Ihr Termin ist gebucht</translation>
    </message>
</context>
<context>
    <name>VisitorForm</name>
    <message>
        <source>Enter your email address.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Enter your first name.</source>
        <translation>Geben Sie Ihren Vornamen ein.</translation>
    </message>
    <message>
        <source>Enter your last name.</source>
        <translation>Geben Sie Ihren Nachnamen ein.</translation>
    </message>
    <message>
        <source>Your details</source>
        <translation>Ihre Angaben</translation>
    </message>
</context>
</TS>
