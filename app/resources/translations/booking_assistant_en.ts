<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BookingStatusBar</name>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n queued</numerusform>
            <numerusform>%n queued</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuestsEditor</name>
    <message numerus="yes">
        <source>Up to %n guest(s).</source>
        <translation>
            <numerusform>Up to %n guest.</numerusform>
            <numerusform>Up to %n guests.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskOverlay</name>
    <message numerus="yes">
        <source>For your privacy, everything you entered will be cleared in %n second(s).</source>
        <translation>
            <numerusform>For your privacy, everything you entered will be cleared in %n second.</numerusform>
            <numerusform>For your privacy, everything you entered will be cleared in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message numerus="yes">
        <source>%n need(s) your attention in the Outbox.</source>
        <translation>
            <numerusform>%n needs your attention in the Outbox.</numerusform>
            <numerusform>%n need your attention in the Outbox.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued booking(s) sent.</source>
        <translation>
            <numerusform>%n queued booking sent.</numerusform>
            <numerusform>%n queued bookings sent.</numerusform>
        </translation>
    </message>
</context>
</TS>
