; Inno Setup 6 script: per-user install (no admin prompt), Start-menu entry, uninstaller.
; Built by packaging/build.py, which passes the defines below from pyproject.toml:
;   ISCC /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 /DSourceDir=dist\booking-assistant /DOutputDir=dist
;        /DIconFile=app\resources\icons\booking-assistant.ico packaging\windows\booking-assistant.iss
; The version resource of the .exe files themselves comes from the PyInstaller spec (version_file.py).

#ifndef AppVersion
  #error AppVersion is not defined: build with packaging/build.py
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion + ".0"
#endif
#ifndef SourceDir
  #define SourceDir SourcePath + "..\..\dist\booking-assistant"
#endif
#ifndef OutputDir
  #define OutputDir SourcePath + "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile SourcePath + "..\..\app\resources\icons\booking-assistant.ico"
#endif
#define AppName "Booking Assistant"
#define AppExe "booking-assistant.exe"
#define AppPublisher "Acme"

[Setup]
; Never change AppId: upgrades and the uninstaller find earlier installs through it.
AppId={{6F1D6C52-3B0E-4C55-9A3A-2B8E1C4A7D10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
VersionInfoDescription={#AppName} installer
; Per-user: installs into %LOCALAPPDATA%\Programs without administrator rights.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
SetupIconFile={#IconFile}
OutputDir={#OutputDir}
OutputBaseFilename=booking-assistant-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Close a running copy before replacing its files.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller onedir, including the console twin booking-assistant-cli.exe for scripts.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade must not leave modules of the previous version behind in _internal.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The user's bookings, settings and outbox live in %LOCALAPPDATA%\BookingAssistant and survive an uninstall on
; purpose: a queued booking must never be lost to a reinstall.
