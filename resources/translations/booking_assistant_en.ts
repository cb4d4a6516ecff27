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
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong PINs. Try again in %n second.</numerusform>
            <numerusform>Too many wrong PINs. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
</TS>
